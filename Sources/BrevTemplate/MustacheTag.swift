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
        var rest = text.startIndex..<text.endIndex
        var line = 1
        var counted = text.startIndex
        while let open = text.range(of: "{{", range: rest) {
            line += text.utf8[counted..<open.lowerBound].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            counted = open.lowerBound
            let isTriple = text[open.upperBound...].hasPrefix("{")
            let closeToken = isTriple ? "}}}" : "}}"
            guard let close = text.range(of: closeToken, range: open.upperBound..<text.endIndex) else { break }
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
            let name = body.trimmingCharacters(in: .whitespaces)
            tags.append(MustacheTag(kind: kind, name: name, range: open.lowerBound..<close.upperBound, line: line))
            rest = close.upperBound..<text.endIndex
        }
        return tags
    }
}
