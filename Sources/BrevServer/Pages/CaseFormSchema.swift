import Foundation

/// The caseworker's form, generated from `Schemas/case.schema.json`: one field per property,
/// named by its dotted path (`citizen.address.street`), so a diagnostic's JSON path finds its field.
struct CaseFormSchema: Sendable {
    indirect enum Kind: Sendable {
        case text(multiline: Bool)
        case date
        case choice([String])
        case yesNo
        case number(integer: Bool)
        case group([Field])
        /// An array of enum values: one checkbox each.
        case choices([String])
        /// An array of strings: one per line.
        case lines
        /// Anything else (arrays of objects, free-form values): JSON typed by hand.
        case json
    }

    struct Field: Sendable {
        var name: String
        /// Dotted path from the root: `citizen.cpr`.
        var path: String
        var help: String?
        var required: Bool
        var kind: Kind

        /// The element id: `f-citizen-cpr`.
        var id: String { "f-" + path.replacingOccurrences(of: ".", with: "-") }
    }

    var fields: [Field]

    init(schemaJSON: [UInt8]) throws {
        guard let root = try JSONSerialization.jsonObject(with: Data(schemaJSON)) as? [String: Any] else {
            throw CocoaError(.propertyListReadCorrupt)
        }
        let text = String(decoding: schemaJSON, as: UTF8.self)
        fields = CaseFormSchema.fields(of: root, prefix: "", text: text, from: text.startIndex).filter { $0.name != "$schema" }
    }

    /// The fields of an object in the schema's own order (which follows domain.md §6): JSONSerialization
    /// loses it, so each key is placed where it first stands in the text after its parent's key.
    static func fields(of object: [String: Any], prefix: String, text: String, from start: String.Index) -> [Field] {
        let properties = object["properties"] as? [String: Any] ?? [:]
        let required = Set(object["required"] as? [String] ?? [])
        let positions = Dictionary(uniqueKeysWithValues: properties.keys.map { name in
            (name, text.range(of: "\"\(name)\":", range: start..<text.endIndex)?.lowerBound ?? text.endIndex)
        })
        let order = properties.keys.sorted { (positions[$0]!, $0) < (positions[$1]!, $1) }
        return order.compactMap { name in
            guard let node = properties[name] as? [String: Any] else { return nil }
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            return Field(name: name, path: path, help: node["description"] as? String, required: required.contains(name),
                         kind: kind(of: node, path: path, text: text, at: positions[name]!))
        }
    }

    static func kind(of node: [String: Any], path: String, text: String, at position: String.Index) -> Kind {
        if let values = node["enum"] as? [String] { return .choice(values) }
        switch node["type"] as? String {
        case "string":
            if node["format"] as? String == "date" { return .date }
            return .text(multiline: (node["maxLength"] as? Int ?? 0) > 300)
        case "boolean": return .yesNo
        case "integer": return .number(integer: true)
        case "number": return .number(integer: false)
        case "object" where node["properties"] != nil: return .group(fields(of: node, prefix: path, text: text, from: position))
        case "array":
            let items = node["items"] as? [String: Any] ?? [:]
            if let values = items["enum"] as? [String] { return .choices(values) }
            if items["type"] as? String == "string" { return .lines }
            return .json
        default: return .json
        }
    }

    /// Every field, groups included, depth first.
    var allFields: [Field] {
        func flatten(_ fields: [Field]) -> [Field] {
            fields.flatMap { field -> [Field] in
                if case .group(let inner) = field.kind { return [field] + flatten(inner) }
                return [field]
            }
        }
        return flatten(fields)
    }

    /// The field a diagnostic's JSON path belongs to: `$.behandlingsplan.goals[0].text` → `behandlingsplan.goals`.
    func fieldPath(forJSONPath jsonPath: String) -> String? {
        guard jsonPath.hasPrefix("$") else { return nil }
        var path = String(jsonPath.dropFirst(jsonPath.hasPrefix("$.") ? 2 : 1))
        if let bracket = path.firstIndex(of: "[") { path = String(path[..<bracket]) }
        let known = Set(allFields.map(\.path))
        while !path.isEmpty {
            if known.contains(path) { return path }
            guard let dot = path.lastIndex(of: ".") else { return nil }
            path = String(path[..<dot])
        }
        return nil
    }
}
