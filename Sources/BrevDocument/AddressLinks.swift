import BrevCore

/// E-mail and web addresses in a Document's text become links, so the PDF has Link annotations
/// and the HTML `<a href>` for the addresses a citizen writes to or visits (issue 11). Only
/// plain text is looked at: an address already in a link stays as it is.
public enum AddressLinks {
    public static func apply(_ document: Document) -> Document {
        var linked = document
        linked.blocks = document.blocks.map(block)
        return linked
    }

    private static func block(_ block: Block) -> Block {
        switch block {
        case .heading(let level, let c): return .heading(level: level, inlines(c))
        case .paragraph(let c): return .paragraph(inlines(c))
        case .list(let ordered, let items): return .list(ordered: ordered, items: items.map { $0.map(self.block) })
        case .table(var t):
            t.header = t.header.map { $0.map(inlines) }
            t.rows = t.rows.map { $0.map(inlines) }
            return .table(t)
        case .letterhead(let lines): return .letterhead(lines.map(inlines))
        case .recipient(let lines): return .recipient(lines.map(inlines))
        case .returnAddress(let c): return .returnAddress(inlines(c))
        case .caseInfo(let fields):
            return .caseInfo(fields.map { var f = $0; f.value = inlines(f.value); return f })
        case .signature(let lines): return .signature(lines.map(inlines))
        case .decision(let blocks): return .decision(blocks.map(self.block))
        case .pageBreak: return .pageBreak
        }
    }

    private static func inlines(_ content: [Inline]) -> [Inline] {
        content.flatMap { inline -> [Inline] in
            switch inline {
            case .text(let s): return split(s)
            case .strong(let c): return [.strong(inlines(c))]
            case .emphasis(let c): return [.emphasis(inlines(c))]
            case .footnote(let c): return [.footnote(inlines(c))]
            case .link, .lineBreak: return [inline]
            }
        }
    }

    /// Text with its addresses as links: `Skriv til a@b.dk.` → text, link, text.
    public static func split(_ text: String) -> [Inline] {
        guard mayHoldAddress(text) else { return text.isEmpty ? [] : [.text(text)] }
        return splitWords(text)
    }

    /// The search itself, word by word: what `split` does with a text that may hold an address.
    static func splitWords(_ text: String) -> [Inline] {
        var bytes = text
        if let found = bytes.withUTF8({ splitPlainWords($0) }) { return found }
        return splitCharacters(text)
    }

    /// `splitCharacters` of plain text (`PlainText`: a character per scalar, and only
    /// ASCII white space and the no-break space are white space), found in its bytes; nil for
    /// other text. Only the words with a dot are made Strings and asked whether they are addresses.
    private static func splitPlainWords(_ b: UnsafeBufferPointer<UInt8>) -> [Inline]? {
        guard PlainText.isPlain(b) else { return nil }
        var out: [Inline] = []
        var plain = ""
        var copied = 0
        var i = 0
        let n = b.count
        func whiteSpaceLength(_ i: Int) -> Int {
            let byte = b[i]
            if byte == 0x20 || byte &- 0x09 < 5 { return 1 }
            return byte == 0xC2 && i + 1 < n && b[i + 1] == 0xA0 ? 2 : 0
        }
        while i < n {
            let space = whiteSpaceLength(i)
            if space > 0 { i += space; continue }
            let start = i
            var dot = false
            while i < n, whiteSpaceLength(i) == 0 {
                if b[i] == 0x2E { dot = true }
                i += 1
            }
            guard dot, let (lead, address, href, rest) = address(in: String(decoding: b[start..<i], as: UTF8.self)) else { continue }
            plain += String(decoding: b[copied..<start], as: UTF8.self) + lead
            if !plain.isEmpty { out.append(.text(plain)) }
            out.append(.link(href: href, [.text(address)]))
            plain = rest
            copied = i
        }
        plain += String(decoding: b[copied..<n], as: UTF8.self)
        if !plain.isEmpty { out.append(.text(plain)) }
        return out
    }

    /// `splitWords` by characters, for any text.
    static func splitCharacters(_ text: String) -> [Inline] {
        var out: [Inline] = []
        var plain = ""
        var word = ""
        func endWord() {
            // Every address has a dot (`isDomain`): a word without one is text, found by its bytes.
            if !word.utf8.contains(0x2E) {
                plain += word
            } else if let (lead, address, href, rest) = address(in: word) {
                plain += lead
                if !plain.isEmpty { out.append(.text(plain)) }
                out.append(.link(href: href, [.text(address)]))
                plain = rest
            } else {
                plain += word
            }
            word = ""
        }
        for ch in text {
            if ch.isWhitespace {
                endWord()
                plain.append(ch)
            } else {
                word.append(ch)
            }
        }
        endWord()
        if !plain.isEmpty { out.append(.text(plain)) }
        return out
    }

    /// Whether the text has a dot followed by two ASCII letters, as every address's top-level
    /// domain is (`isDomain`). Most of a letter's texts have none and skip the word-by-word
    /// search, which works on Characters and cost 7% of a whole letter when it ran on all text.
    static func mayHoldAddress(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for i in 0..<(bytes.count - 2) where bytes[i] == 0x2E
                && isASCIILetter(bytes[i + 1]) && isASCIILetter(bytes[i + 2]) { return true }
            return false
        }
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    typealias Found = (lead: String, address: String, href: String, rest: String)

    /// A word that is an address, less the punctuation around it: `(`, and what ends the sentence.
    /// An ASCII word is read by its bytes (`asciiAddress`), any other by its characters.
    static func address(in word: String) -> Found? {
        var bytes = word
        if let found = bytes.withUTF8({ b -> Found?? in b.allSatisfy { $0 < 0x80 } ? .some(asciiAddress(in: b)) : nil }) {
            return found
        }
        return characterAddress(in: word)
    }

    /// `characterAddress` of an ASCII word, on its bytes: in ASCII a character is a byte,
    /// `isLetter` is A–Z and a–z, `isNumber` 0–9, and the lead and end sets are their ASCII members.
    static func asciiAddress(in b: UnsafeBufferPointer<UInt8>) -> Found? {
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
        func isURLCharacter(_ c: UInt8) -> Bool {
            isASCIILetter(c) || isDigit(c) || "-._~/?#[]@!$&()*+,;=%:".utf8.contains(c)
        }
        // Dot-separated labels of letters, digits and "-", the last of two or more letters.
        func isDomain(_ r: Range<Int>) -> Bool {
            var labels = 1
            var labelStart = r.lowerBound
            for i in r {
                let c = b[i]
                if c == 0x2E {
                    if i == labelStart { return false }
                    labels += 1
                    labelStart = i + 1
                } else if !(isASCIILetter(c) || isDigit(c) || c == 0x2D) {
                    return false
                }
            }
            guard labels >= 2, r.upperBound - labelStart >= 2 else { return false }
            return (labelStart..<r.upperBound).allSatisfy { isASCIILetter(b[$0]) }
        }
        func hasPrefixCaseless(_ p: StaticString, _ r: Range<Int>) -> Bool {
            p.withUTF8Buffer { p in
                r.count >= p.count && (0..<p.count).allSatisfy { k in
                    let c = b[r.lowerBound + k]
                    return (c &- 0x41 < 26 ? c | 0x20 : c) == p[k]
                }
            }
        }
        var start = 0
        while start < b.count, b[start] == 0x28 || b[start] == 0x22 || b[start] == 0x27 { start += 1 }
        var end = b.count
        while end > start, ".,;:)!?\"'".utf8.contains(b[end - 1]) { end -= 1 }
        let address = start..<end
        let lead = text(0..<start), rest = text(end..<b.count)
        // name@domain: one "@", a name of letters, digits and "._%+-".
        if let at = address.first(where: { b[$0] == 0x40 }) {
            let name = start..<at
            let domain = (at + 1)..<end
            if !name.isEmpty, !domain.contains(where: { b[$0] == 0x40 }),
               name.allSatisfy({ isASCIILetter(b[$0]) || isDigit(b[$0]) || "._%+-".utf8.contains(b[$0]) }), isDomain(domain) {
                let a = text(address)
                return (lead, a, "mailto:" + a, rest)
            }
        }
        let firstSlash = address.first { b[$0] == 0x2F } ?? end
        if hasPrefixCaseless("https://", address) || hasPrefixCaseless("http://", address) {
            let hostStart = min(firstSlash + 2, end)
            let hostEnd = (hostStart..<end).first { b[$0] == 0x2F } ?? end
            guard isDomain(hostStart..<hostEnd), address.allSatisfy({ isURLCharacter(b[$0]) }) else { return nil }
            let a = text(address)
            return (lead, a, a, rest)
        }
        let host = start..<firstSlash
        // The host's last non-empty label, among the bare endings.
        var labelEnd = host.upperBound
        while labelEnd > host.lowerBound, b[labelEnd - 1] == 0x2E { labelEnd -= 1 }
        var labelStart = labelEnd
        while labelStart > host.lowerBound, b[labelStart - 1] != 0x2E { labelStart -= 1 }
        let ending = String(decoding: UnsafeBufferPointer(rebasing: b[labelStart..<labelEnd]), as: UTF8.self).lowercased()
        let bareSite = labelEnd > labelStart && bareDomainEndings.contains(ending)
        if hasPrefixCaseless("www.", address) || bareSite, isDomain(host), address.allSatisfy({ isURLCharacter(b[$0]) }) {
            let a = text(address)
            return (lead, a, "https://" + a, rest)
        }
        return nil
    }

    /// `address(in:)` by characters, for any word.
    static func characterAddress(in word: String) -> Found? {
        var address = Substring(word)
        let lead = String(address.prefix { "(«„“\"'".contains($0) })
        address = address.dropFirst(lead.count)
        var rest = ""
        while let last = address.last, ".,;:)!?»”\"'".contains(last) {
            rest.insert(last, at: rest.startIndex)
            address = address.dropLast()
        }
        let lower = address.lowercased()
        if isEmail(address) { return (lead, String(address), "mailto:" + address, rest) }
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            let host = address.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" }
            return isDomain(host) && address.allSatisfy(isURLCharacter) ? (lead, String(address), String(address), rest) : nil
        }
        let host = address.prefix { $0 != "/" }
        let bareSite = host.split(separator: ".").last.map { bareDomainEndings.contains($0.lowercased()) } ?? false
        if lower.hasPrefix("www.") || bareSite, isDomain(host), address.allSatisfy(isURLCharacter) {
            return (lead, String(address), "https://" + address, rest)
        }
        return nil
    }

    /// A name without `www.` or a scheme is a web address only under these endings ("borger.dk"),
    /// so that abbreviations such as "f.eks." stay text.
    static let bareDomainEndings: Set<String> = ["dk", "com", "org", "net", "eu"]

    /// `name@domain.tld` in ASCII letters, digits and `._%+-`: what a caseworker's address is.
    private static func isEmail(_ s: Substring) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }) else { return false }
        return isDomain(parts[1])
    }

    /// Dot-separated ASCII labels, the last of two or more letters: `ishoj.dk`.
    private static func isDomain(_ s: Substring) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
    }

    private static func isURLCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "-._~/?#[]@!$&()*+,;=%:".contains(c))
    }
}
