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

    static func scan(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        var rest = text.startIndex..<text.endIndex
        while let open = text.range(of: "{{", range: rest) {
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
            tags.append(MustacheTag(kind: kind, name: name, range: open.lowerBound..<close.upperBound))
            rest = close.upperBound..<text.endIndex
        }
        return tags
    }
}
