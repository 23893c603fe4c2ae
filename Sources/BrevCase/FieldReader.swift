import Foundation
import BrevCore

/// Reads the fields of one JSON object, reporting a missing, mistyped or unknown field with
/// its JSON path instead of stopping at the first one.
struct FieldReader {
    let path: String
    let members: [(key: String, value: JSONValue)]
    let diagnostics: DiagnosticCollector
    private let known: KnownKeys

    /// Reference type so that copies of a reader share the set of keys read so far.
    private final class KnownKeys {
        var keys: Set<String> = []
    }

    init?(_ value: JSONValue, path: String, diagnostics: DiagnosticCollector) {
        guard case .object(let members) = value else {
            diagnostics.error(.wrongType, path, "expected an object, found \(value.typeName)")
            return nil
        }
        self.path = path
        self.members = members
        self.diagnostics = diagnostics
        self.known = KnownKeys()
    }

    func childPath(_ key: String) -> String { "\(path).\(key)" }

    /// The raw value of a key; `null` counts as absent.
    func value(_ key: String, required: Bool) -> JSONValue? {
        known.keys.insert(key)
        diagnostics.noteFieldRead(key, in: path)
        let found = members.first { $0.key == key }?.value
        if found == nil || found == .null {
            if required { diagnostics.error(.missingField, childPath(key), "this field is required") }
            return nil
        }
        return found
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let v = value(key, required: required) else { return nil }
        guard case .string(let s) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected a string, found \(v.typeName)")
            return nil
        }
        if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if required { diagnostics.error(.missingField, childPath(key), "this field is required and must not be empty") }
            return nil
        }
        return s
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let v = value(key, required: required) else { return nil }
        guard case .bool(let b) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected true or false, found \(v.typeName)")
            return nil
        }
        return b
    }

    func number(_ key: String, required: Bool = false) -> Double? {
        guard let v = value(key, required: required) else { return nil }
        guard case .number(let n) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected a number, found \(v.typeName)")
            return nil
        }
        return n
    }

    func date(_ key: String, required: Bool = false) -> CivilDate? {
        guard let s = string(key, required: required) else { return nil }
        guard let d = CivilDate(iso: s) else {
            diagnostics.error(.invalidDate, childPath(key), "'\(s)' is not a date written as YYYY-MM-DD")
            return nil
        }
        return d
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let s = string(key, required: required) else { return nil }
        return FieldReader.decodeEnum(s, type, path: childPath(key), diagnostics: diagnostics)
    }

    static func decodeEnum<E: RawRepresentable & CaseIterable>(_ s: String, _ type: E.Type, path: String,
                                                                diagnostics: DiagnosticCollector) -> E?
    where E.RawValue == String {
        if let e = E(rawValue: s) { return e }
        let allowed = E.allCases.map { $0.rawValue }.joined(separator: ", ")
        diagnostics.error(.invalidValue, path, "'\(s)' is not one of: \(allowed)")
        return nil
    }

    func array(_ key: String, required: Bool = false) -> [JSONValue]? {
        guard let v = value(key, required: required) else { return nil }
        guard case .array(let items) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected an array, found \(v.typeName)")
            return nil
        }
        return items
    }

    func stringArray(_ key: String, required: Bool = false) -> [String]? {
        guard let items = array(key, required: required) else { return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item {
                out.append(s)
            } else {
                diagnostics.error(.wrongType, "\(childPath(key))[\(i)]", "expected a string, found \(item.typeName)")
            }
        }
        return out
    }

    func enumArray<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> [E]?
    where E.RawValue == String {
        guard let strings = stringArray(key, required: required) else { return nil }
        return strings.enumerated().compactMap { i, s in
            FieldReader.decodeEnum(s, type, path: "\(childPath(key))[\(i)]", diagnostics: diagnostics)
        }
    }

    func object(_ key: String, required: Bool = false) -> FieldReader? {
        guard let v = value(key, required: required) else { return nil }
        return FieldReader(v, path: childPath(key), diagnostics: diagnostics)
    }

    /// Reports every key that no reader asked for: a misspelt field must not vanish silently.
    func rejectUnknownKeys() {
        for member in members where !known.keys.contains(member.key) {
            diagnostics.error(.unknownField, childPath(member.key), "brev does not know this field (misspelt?)")
        }
    }
}
