/// Finds the fields of a case whose text holds a given character. Layout is the first stage that
/// knows a character cannot be set (no font has it, or it is right-to-left), but it sees only the
/// letter; this maps the refusal back to the field the caseworker must fix, by its JSON path.
public enum CaseTextSearch {
    /// The JSON paths of every string value (and object key) in `json` that contains `scalar`,
    /// in document order; empty when the character came from a template or profile instead.
    public static func paths(containing scalar: Unicode.Scalar, in json: [UInt8]) -> [String] {
        guard let root = try? JSONParser.parse(json) else { return [] }
        var found: [String] = []
        // An explicit stack: the parser bounds the depth, and this walk needs no recursion.
        var pending: [(value: JSONValue, path: String)] = [(root, "$")]
        while let (value, path) = pending.popLast() {
            switch value {
            case .string(let text) where text.unicodeScalars.contains(scalar):
                found.append(path)
            case .object(let members):
                for member in members.reversed() { pending.append((member.value, "\(path).\(member.key)")) }
            case .array(let items):
                for (index, item) in items.enumerated().reversed() { pending.append((item, "\(path)[\(index)]")) }
            default:
                break
            }
        }
        return found
    }
}
