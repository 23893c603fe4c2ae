import Foundation

/// libxml2's schema messages quote the offending value ("The value 'Jens Hansen' has a length
/// of '140'…"). In a message that value is a name, an address line or a CPR number, and these
/// messages reach standard error, so every quoted text that is not an element or attribute
/// name or a facet is replaced by '…'. The line number and the element name say
/// where to look.
enum SchemaProblemText {
    private static let quoted = try! NSRegularExpression(pattern: #"'([^']*)'"#)
    private static let namingWords = ["element ", "attribute ", "facet ", "type "]

    static func withoutValues(_ message: String) -> String {
        let ns = message as NSString
        var out = ""
        var last = 0
        for match in quoted.matches(in: message, range: NSRange(location: 0, length: ns.length)) {
            let before = ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let content = ns.substring(with: match.range(at: 1))
            out += before
            let names = namingWords.contains { before.lowercased().hasSuffix($0) }
            // Numbers are withheld too: a CPR number is one.
            out += names || content.hasPrefix("{") ? "'\(content)'" : "'…'"
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}
