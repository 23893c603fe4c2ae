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

    /// The tags in order. Lines are counted as the scan goes, so the text is read once.
    static func scan(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        var rest = text.startIndex
        var line = 1
        var counted = text.startIndex
        while let open = find(braces: UInt8(ascii: "{"), count: 2, in: text.utf8, from: rest) {
            line += text.utf8[counted..<open.lowerBound].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            counted = open.lowerBound
            let isTriple = open.upperBound < text.endIndex && text.utf8[open.upperBound] == UInt8(ascii: "{")
            guard let close = find(braces: UInt8(ascii: "}"), count: isTriple ? 3 : 2, in: text.utf8, from: open.upperBound) else { break }
            var body = Substring(text[open.upperBound..<close.lowerBound])
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
            tags.append(MustacheTag(kind: kind, name: name, range: open.lowerBound..<close.upperBound, line: line))
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

    /// The first run of `count` bytes `brace` at or after `start`, read as UTF-8 bytes: an
    /// ASCII brace never occurs inside a multi-byte character, and a byte scan spares the
    /// Foundation string search the cost a start paid for it in every template (issue 15).
    private static func find(braces brace: UInt8, count: Int, in utf8: String.UTF8View,
                             from start: String.Index) -> Range<String.Index>? {
        var runStart = start
        var run = 0
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == brace {
                if run == 0 { runStart = i }
                run += 1
                i = utf8.index(after: i)
                if run == count { return runStart..<i }
            } else {
                run = 0
                i = utf8.index(after: i)
            }
        }
        return nil
    }
}
