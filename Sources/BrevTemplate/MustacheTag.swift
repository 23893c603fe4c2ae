import Foundation
/// One `{{…}}` tag in a template, found by a plain scan (brev's templates never change the
/// delimiters).
struct MustacheTag {
    enum Kind {
        case variable, section, invertedSection, sectionEnd, partial, comment, unescaped, setDelimiter
    }

    var kind: Kind
    var name: String
    var range: Range<String.Index>
    /// 1-based line of the opening braces.
    var line: Int

    /// The tags in order. Lines are counted as the scan goes, so the text is read once, as bytes
    /// (an ASCII brace or line feed never occurs inside a multi-byte character).
    static func scan(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        let bytes = Array(text.utf8)
        func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var rest = 0
        var line = 1
        var counted = 0
        while let open = find(braces: UInt8(ascii: "{"), count: 2, in: bytes, from: rest) {
            for i in counted..<open.lowerBound where bytes[i] == UInt8(ascii: "\n") { line += 1 }
            counted = open.lowerBound
            let isTriple = open.upperBound < bytes.count && bytes[open.upperBound] == UInt8(ascii: "{")
            guard let close = find(braces: UInt8(ascii: "}"), count: isTriple ? 3 : 2, in: bytes, from: open.upperBound) else { break }
            var body = Substring(text[index(open.upperBound)..<index(close.lowerBound)])
            var kind = Kind.variable
            if isTriple {
                kind = .unescaped
                body = body.dropFirst()
            } else if let first = body.first {
                switch first {
                case "#": kind = .section
                case "^": kind = .invertedSection
                case "/": kind = .sectionEnd
                case ">": kind = .partial
                case "!": kind = .comment
                case "&": kind = .unescaped
                case "=": kind = .setDelimiter
                default: break
                }
                if kind != .variable { body = body.dropFirst() }
            }
            let name = trimmed(body)
            tags.append(MustacheTag(kind: kind, name: name, range: index(open.lowerBound)..<index(close.upperBound), line: line))
            rest = close.upperBound
        }
        return tags
    }

    /// `text` without the white space (tab and the space separators: Foundation's
    /// `.whitespaces`) at either end; Foundation's trimming cost a start more than the scan.
    private static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == "\t" || c.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    /// The first run of `count` bytes `brace` at or after `start`: a byte scan spares the
    /// Foundation string search the cost a start paid for it in every template (issue 15).
    private static func find(braces brace: UInt8, count: Int, in bytes: [UInt8], from start: Int) -> Range<Int>? {
        var run = 0
        var i = start
        while i < bytes.count {
            if bytes[i] == brace {
                run += 1
                i += 1
                if run == count { return (i - count)..<i }
            } else {
                run = 0
                i += 1
            }
        }
        return nil
    }
}
