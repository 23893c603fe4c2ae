import BrevCore

/// Whether a text holds what one of `LegalCitations.stale`'s regular expressions (or
/// `CaseworkerWordingRule.deadlineFromDecision`) matches somewhere, as ICU would find it,
/// case-insensitively, without the regular expression engine. Only whether a match exists is
/// asked, so every way the expression could match is tried (each part calls `next` for each
/// place it can end, and any `true` ends the search), the order of alternatives and the
/// greed of quantifiers do not matter. `StaleCitationScannerTests` runs the expressions beside these.
enum StaleCitationScanner {
    typealias Next = (Int) -> Bool

    /// A set of ASCII bytes, looked up by value.
    struct FirstBytes: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0

        init(_ bytes: StaticString) {
            bytes.withUTF8Buffer { for b in $0 { precondition(b < 0x80); if b < 64 { low |= 1 << b } else { high |= 1 << (b - 64) } } }
        }

        @inline(__always) func contains(_ b: UInt8) -> Bool {
            b < 64 ? low >> b & 1 == 1 : b < 128 && high >> (b - 64) & 1 == 1
        }
    }

    /// Whether `matchAt` finds a match starting at some scalar of `text`. `first`: the bytes a
    /// match can start with when `text` is plain (`PlainText`); in other text every scalar is tried.
    static func occurs(in text: String, startingWith first: FirstBytes? = nil, _ matchAt: (PatternText, Int) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let t = PatternText(bytes)
            if let first, PlainText.isPlain(bytes) {
                // An ASCII byte is a scalar of its own.
                for i in 0..<t.count where first.contains(bytes[i]) {
                    if matchAt(t, i) { return true }
                }
                return false
            }
            var i = 0
            while i < t.count {
                if matchAt(t, i) { return true }
                i += t.scalar(at: i).length
            }
            return false
        }
    }

    /// `§\s*153\b` after `sel`: the duty to report under serviceloven § 153.
    static func section153(_ t: PatternText, _ p: Int) -> Bool {
        sel(t, p) { q in
            let s = t.spaces(from: q)
            guard let n = t.caselessWord("153", at: s) else { return false }
            return t.isWordBoundary(at: n)
        }
    }

    /// `oldGuaranteeSubsection [^.;\n§]{0,100}? guarantee | guarantee [^.;\n§]{0,100}? oldGuaranteeSubsection`
    static func oldGuarantee(_ t: PatternText, _ p: Int) -> Bool {
        oldGuaranteeSubsection(t, p) { q in gap(t, q, 100, excludingSection: true) { guarantee(t, $0) { _ in true } } }
            || guarantee(t, p) { q in gap(t, q, 100, excludingSection: true) { oldGuaranteeSubsection(t, $0) { _ in true } } }
    }

    /// `klage[^.;\n]{0,60}?\b(?:til|hos)\s+region\s+nordjyllands\s+patientkontor`
    static func regionalPatientOffice(_ t: PatternText, _ p: Int) -> Bool {
        guard let k = t.caselessWord("klage", at: p) else { return false }
        return gap(t, k, 60, excludingSection: false) { j in
            guard t.isWordBoundary(at: j), let w = t.caselessWord("til", at: j) ?? t.caselessWord("hos", at: j) else { return false }
            var i = w
            for word: StaticString in ["region", "nordjyllands", "patientkontor"] {
                let s = t.spaces(from: i)
                guard s > i, let e = t.caselessWord(word, at: s) else { return false }
                i = e
            }
            return true
        }
    }

    /// `\d+\s+dage\s+efter\s+afgørelsen`. A match may start at any digit of a run; it goes on
    /// only after the run's last one.
    static func deadlineFromDecision(_ t: PatternText, _ p: Int) -> Bool {
        guard t.digit(at: p) != nil else { return false }
        var i = t.digits(from: p).end
        for word: StaticString in ["dage", "efter", "afgørelsen"] {
            let s = t.spaces(from: i)
            guard s > i, let e = t.caselessWord(word, at: s) else { return false }
            i = e
        }
        return true
    }

    /// `(?:servicelovens?|\bsel\b)[^§\n]{0,20}§`, then `next` after the "§". The characters
    /// between cannot be "§", so only the first "§" within 20 characters can follow them.
    static func sel(_ t: PatternText, _ p: Int, _ next: Next) -> Bool {
        func section(from e: Int) -> Bool {
            var i = e
            for _ in 0...20 {
                guard i < t.count, t.bytes[i] != 0x0A else { return false }
                if t.has(0xC2, at: i), t.has(0xA7, at: i + 1) { return next(i + 2) }
                i += t.scalar(at: i).length
            }
            return false
        }
        if let e = t.caselessWord("serviceloven", at: p) {
            // `s?`: one character, matched as its simple case closure: "s", "S", "ſ".
            if e < t.count {
                let (v, n) = t.scalar(at: e)
                if v == 0x73 || v == 0x53 || v == 0x17F, section(from: e + n) { return true }
            }
            if section(from: e) { return true }
        }
        if t.isWordBoundary(at: p), let e = t.caselessWord("sel", at: p), t.isWordBoundary(at: e) {
            return section(from: e)
        }
        return false
    }

    /// `sel` then `§\s*101\s*,?\s*stk\.\s*(?:1\s*(?:-|–|og)\s*)?[123]\b(?!\s*(?:-|–|og|,)\s*[4-9])`.
    static func oldGuaranteeSubsection(_ t: PatternText, _ p: Int, _ next: Next) -> Bool {
        sel(t, p) { q in
            guard let n = t.caselessWord("101", at: t.spaces(from: q)) else { return false }
            var i = t.spaces(from: n)
            // `,?\s*stk`: without the comma, "stk" would have to start at it.
            if t.has(0x2C, at: i) { i = t.spaces(from: i + 1) }
            guard let stk = t.caselessWord("stk", at: i), t.has(0x2E, at: stk) else { return false }
            let s = t.spaces(from: stk + 1)
            // With the range or list from 1, and without it.
            if let r = rangeFromOne(t, s), subsection123(t, r, next) { return true }
            return subsection123(t, s, next)
        }
    }

    /// `1\s*(?:-|–|og)\s*` at `i`: its end.
    static func rangeFromOne(_ t: PatternText, _ i: Int) -> Int? {
        guard t.has(0x31, at: i), let c = conjunction(t, t.spaces(from: i + 1), comma: false) else { return nil }
        return t.spaces(from: c)
    }

    /// `-`, `–` or `og` (and `,` where `comma`) at `i`: its end.
    static func conjunction(_ t: PatternText, _ i: Int, comma: Bool) -> Int? {
        if t.has(0x2D, at: i) || (comma && t.has(0x2C, at: i)) { return i + 1 }
        if t.has(0xE2, at: i), t.has(0x80, at: i + 1), t.has(0x93, at: i + 2) { return i + 3 }
        return t.caselessWord("og", at: i)
    }

    /// `[123]\b(?!\s*(?:-|–|og|,)\s*[4-9])` at `i`, then `next`.
    static func subsection123(_ t: PatternText, _ i: Int, _ next: Next) -> Bool {
        guard i < t.count, t.bytes[i] &- 0x31 < 3, t.isWordBoundary(at: i + 1) else { return false }
        if let c = conjunction(t, t.spaces(from: i + 1), comma: true) {
            let d = t.spaces(from: c)
            if d < t.count, t.bytes[d] &- 0x34 < 6 { return false }
        }
        return next(i + 1)
    }

    /// `(?:\b14\s*dage|behandlingsgaranti)`, then `next`.
    static func guarantee(_ t: PatternText, _ p: Int, _ next: Next) -> Bool {
        if t.isWordBoundary(at: p), let f = t.caselessWord("14", at: p), let d = t.caselessWord("dage", at: t.spaces(from: f)), next(d) {
            return true
        }
        if let b = t.caselessWord("behandlingsgaranti", at: p), next(b) { return true }
        return false
    }

    /// `[^.;\n§]{0,limit}?` (without "§" in the class where not `excludingSection`) from `i`,
    /// then `next` at each place it can end.
    static func gap(_ t: PatternText, _ i: Int, _ limit: Int, excludingSection: Bool, _ next: Next) -> Bool {
        var j = i
        for taken in 0...limit {
            if next(j) { return true }
            guard taken < limit, j < t.count else { return false }
            let b = t.bytes[j]
            if b == 0x2E || b == 0x3B || b == 0x0A { return false }
            if excludingSection, b == 0xC2, t.has(0xA7, at: j + 1) { return false }
            j += t.scalar(at: j).length
        }
        return false
    }
}
