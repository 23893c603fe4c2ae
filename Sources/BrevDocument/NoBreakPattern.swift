import BrevCore

/// The scanners of `NoBreakRules.Pattern`: each finds, left to right and without overlap, the
/// UTF-16 ranges ICU's regular expression finds (the one in the pattern's comment, matched
/// case-insensitively). Each match function tries one start as ICU's backtracking would and
/// returns where the match ends; where a quantifier could give back what it took, the comment
/// says why giving back cannot help, so the first way found is the only one.
public enum NoBreakPattern {
    static func matches(of pattern: NoBreakRules.Pattern, in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            let t = PatternText(bytes)
            var found: [Range<Int>] = []
            var i = 0, offset = 0 // byte offset, UTF-16 offset
            while i < t.count {
                if mayStart(pattern, in: t, at: i), let end = match(pattern, in: t, at: i) {
                    let length = t.utf16Count(i..<end)
                    found.append(offset..<(offset + length))
                    offset += length
                    i = end
                } else {
                    let n = t.scalar(at: i).length
                    offset += n == 4 ? 2 : 1
                    i += n
                }
            }
            return found
        }
    }

    /// Whether a match can start at `i`: at "§" (C2 A7), "+", a digit, or a letter of "stk",
    /// "nr", "kl" (or a non-ASCII scalar, which may fold to one).
    @inline(__always)
    static func mayStart(_ pattern: NoBreakRules.Pattern, in t: PatternText, at i: Int) -> Bool {
        let lead = t.bytes[i]
        switch pattern {
        case .section: return lead == 0xC2
        case .abbreviatedNumber:
            let l = lead | 0x20
            return lead >= 0x80 || (lead >= 0x41 && (l == 0x73 || l == 0x6E || l == 0x6B))
        case .phone: return lead == 0x2B || t.digit(at: i) != nil
        default: return t.digit(at: i) != nil
        }
    }

    static func match(_ pattern: NoBreakRules.Pattern, in t: PatternText, at i: Int) -> Int? {
        switch pattern {
        case .section: return section(t, i)
        case .abbreviatedNumber: return abbreviatedNumber(t, i)
        case .phone: return phone(t, i)
        case .date: return date(t, i)
        case .spacedThousands: return spacedThousands(t, i)
        case .amount: return amount(t, i)
        case .period: return period(t, i)
        }
    }

    /// `§§?\s+\d+(?:\s+[a-z]\b)?(?:\s+og\s+\d+)?`. Without the second "§", `\s` would have to
    /// match it. `\s` and `\d` never share a character, so each run is taken whole; the optional
    /// groups are tried in turn, each taken where it matches.
    static func section(_ t: PatternText, _ p: Int) -> Int? {
        guard t.has(0xC2, at: p), t.has(0xA7, at: p + 1) else { return nil }
        var i = p + 2
        if t.has(0xC2, at: i), t.has(0xA7, at: i + 1) { i += 2 }
        let s = t.spaces(from: i)
        guard s > i else { return nil }
        let d = t.digits(from: s).end
        guard d > s else { return nil }
        var end = d
        let s1 = t.spaces(from: end)
        if s1 > end, s1 < t.count {
            // [a-z] matched case-insensitively: ASCII letters, "ſ" and the Kelvin sign.
            let (v, n) = t.scalar(at: s1)
            if ((v | 0x20) &- 0x61 < 26 && v < 0x80) || v == 0x17F || v == 0x212A, t.isWordBoundary(at: s1 + n) {
                end = s1 + n
            }
        }
        let s2 = t.spaces(from: end)
        if s2 > end, let og = t.caselessWord("og", at: s2) {
            let s3 = t.spaces(from: og)
            if s3 > og {
                let d3 = t.digits(from: s3).end
                if d3 > s3 { end = d3 }
            }
        }
        return end
    }

    /// `\b(?:stk|nr|kl)\.\s+\d+(?:[.,]\d+)?`
    static func abbreviatedNumber(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p) else { return nil }
        for word: StaticString in ["stk", "nr", "kl"] {
            guard let w = t.caselessWord(word, at: p), t.has(0x2E, at: w) else { continue }
            let s = t.spaces(from: w + 1)
            guard s > w + 1 else { continue }
            let d = t.digits(from: s).end
            guard d > s else { continue }
            if t.has(0x2E, at: d) || t.has(0x2C, at: d) {
                let d2 = t.digits(from: d + 1).end
                if d2 > d + 1 { return d2 }
            }
            return d
        }
        return nil
    }

    /// `(?:\+45\s+)?\b\d{2}(?:\s\d{2}){3}\b`: with the prefix where it is and the rest matches
    /// after it (giving back white space would leave `\d` on white space), else without.
    static func phone(_ t: PatternText, _ p: Int) -> Int? {
        if t.has(0x2B, at: p), t.has(0x34, at: p + 1), t.has(0x35, at: p + 2) {
            let s = t.spaces(from: p + 3)
            if s > p + 3, let end = phoneNumber(t, s) { return end }
        }
        return phoneNumber(t, p)
    }

    static func phoneNumber(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p), var i = t.digits(2, from: p) else { return nil }
        for _ in 0..<3 {
            guard let s = t.space(at: i), let d = t.digits(2, from: s) else { return nil }
            i = d
        }
        return t.isWordBoundary(at: i) ? i : nil
    }

    /// `\b\d{1,2}\.\s+(?:januar|…|december)\s+\d{4}\b`. One digit can only be followed by "."
    /// where a second digit is not. No month is the start of another, so at most one matches.
    public static func date(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p), let d1 = t.digit(at: p) else { return nil }
        let period: Int
        if let d2 = t.digit(at: d1) {
            guard t.has(0x2E, at: d2) else { return nil }
            period = d2
        } else {
            guard t.has(0x2E, at: d1) else { return nil }
            period = d1
        }
        let s = t.spaces(from: period + 1)
        guard s > period + 1 else { return nil }
        return monthAndYear(t, s)
    }

    /// `(?:januar|…|december)\s+\d{4}\b` at `i`.
    static func monthAndYear(_ t: PatternText, _ i: Int) -> Int? {
        for month: StaticString in ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                    "september", "oktober", "november", "december"] {
            guard let m = t.caselessWord(month, at: i) else { continue }
            let s = t.spaces(from: m)
            guard s > m, let y = t.digits(4, from: s), t.isWordBoundary(at: y) else { continue }
            return y
        }
        return nil
    }

    /// `\b\d{1,3}(?:\s\d{3})+(?:\s+kr\.)?`. Fewer than all the digits at the start leaves a
    /// digit where `\s` must be, so a run of more than three never matches; the groups repeat
    /// as long as they match, then " kr." is taken where it follows.
    static func spacedThousands(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p) else { return nil }
        let (d, n) = t.digits(from: p)
        guard n >= 1, n <= 3 else { return nil }
        var end = d
        var groups = 0
        while let s = t.space(at: end), let g = t.digits(3, from: s) {
            end = g
            groups += 1
        }
        guard groups > 0 else { return nil }
        let s = t.spaces(from: end)
        if s > end, let kr = t.caselessWord("kr", at: s), t.has(0x2E, at: kr) { end = kr + 1 }
        return end
    }

    /// `\b\d{1,3}(?:\.\d{3})*(?:,\d+)?\s+kr\.`. As in `spacedThousands`, at most three digits
    /// start it; fewer groups than match leave a "." where only "," or `\s` may stand.
    static func amount(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p) else { return nil }
        let (d, n) = t.digits(from: p)
        guard n >= 1, n <= 3 else { return nil }
        var end = d
        while t.has(0x2E, at: end), let g = t.digits(3, from: end + 1) { end = g }
        if t.has(0x2C, at: end) {
            let f = t.digits(from: end + 1).end
            if f > end + 1 { end = f }
        }
        let s = t.spaces(from: end)
        guard s > end, let kr = t.caselessWord("kr", at: s), t.has(0x2E, at: kr) else { return nil }
        return kr + 1
    }

    /// `\b\d+\s+(?:arbejdsdage|dage|uger|måneder|år)\b`. No unit is the start of another.
    static func period(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p) else { return nil }
        let d = t.digits(from: p).end
        guard d > p else { return nil }
        let s = t.spaces(from: d)
        guard s > d else { return nil }
        for unit: StaticString in ["arbejdsdage", "dage", "uger", "måneder", "år"] {
            if let u = t.caselessWord(unit, at: s), t.isWordBoundary(at: u) { return u }
        }
        return nil
    }
}
