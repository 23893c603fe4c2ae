import BrevCase
import BrevCore
import Foundation
import Yams

/// The facts a standard prints, read from the municipality profile so that the letters and the
/// standard cannot disagree: every scalar of the profile YAML by its dotted path
/// (`centre.phone`, `standard.targets.drug_free_min`). A list gives `key` (items joined by ", ")
/// and `key.1`, `key.2`, … for each item. Constants of the law are facts too, under `law.`,
/// taken from the one place the code holds them.
public struct StandardFacts: Sendable {
    public private(set) var values: [String: String]

    public init(values: [String: String]) { self.values = values }

    public static func load(profilePath: String) throws(DiagnosticsError) -> StandardFacts {
        let file = (profilePath as NSString).lastPathComponent
        guard let text = try? String(contentsOfFile: profilePath, encoding: .utf8),
              let node = try? Yams.compose(yaml: text) else {
            throw DiagnosticsError([.error(.profileInvalid, at: .file(path: file, line: 1, column: nil), "cannot read the profile")])
        }
        var values: [String: String] = ["law.guarantee_days": String(TreatmentGuarantee.days)]
        flatten(node, path: "", into: &values)
        return StandardFacts(values: values)
    }

    private static func flatten(_ node: Node, path: String, into values: inout [String: String]) {
        func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch node {
        case .scalar(let s):
            values[path] = s.string
        case .mapping(let m):
            for (key, value) in m { flatten(value, path: join(key.string ?? ""), into: &values) }
        case .sequence(let items):
            var texts: [String] = []
            for (i, item) in items.enumerated() {
                flatten(item, path: join(String(i + 1)), into: &values)
                if case .scalar(let s) = item { texts.append(s.string) }
            }
            if texts.count == items.count { values[path] = texts.joined(separator: ", ") }
        default:
            break
        }
    }

    /// Danish words for the small counts a standard writes out ("fire uger").
    static let numberWords = ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"]

    /// The value of `key`, or of `key|words` (a count written as a Danish word).
    public func value(_ reference: String) -> String? {
        let parts = reference.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let value = values[parts[0]] else { return nil }
        if parts.count == 2 {
            guard parts[1] == "words", let n = Int(value), StandardFacts.numberWords.indices.contains(n) else { return nil }
            return StandardFacts.numberWords[n]
        }
        return value
    }

    /// `text` with every `{{fact}}` filled in; the names of facts the profile lacks are returned.
    public func fill(_ text: String) -> (text: String, unknown: [String]) {
        var out = ""
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            if let v = value(name) { out += v } else { unknown.append(name) }
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, unknown)
    }
}
