import BrevCore
import Foundation

/// Collects every problem found while reading and validating one input.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []
    /// The fields the reader asked for, by object path (array indices as `[]`): what brev
    /// understands, compared with the published JSON Schema by a test.
    public private(set) var fieldsRead: [String: Set<String>] = [:]

    func noteFieldRead(_ key: String, in path: String) {
        guard recordsFields else { return }
        fieldsRead[Self.withoutIndices(path), default: []].insert(key)
    }

    /// The bounds the reader puts on each field, by the same normalized paths plus the key
    /// (`$.citizen.name`, `$.legal_citations[]` for the items): compared with the schema by a test.
    public private(set) var fieldBounds: [String: FieldBounds] = [:]

    public struct FieldBounds: Sendable, Equatable {
        public var maxLength: Int?
        public var maxItems: Int?
        public var minimum: Double?
        public var maximum: Double?
    }

    func noteBounds(_ path: String, _ update: (inout FieldBounds) -> Void) {
        guard recordsFields else { return }
        update(&fieldBounds[Self.withoutIndices(path), default: FieldBounds()])
    }

    /// Whether `fieldsRead` and `fieldBounds` are kept: only the tests that compare the reader
    /// with the published schema ask for them, and keeping them cost every case a dictionary
    /// update per field.
    public let recordsFields: Bool

    public init(recordingFields: Bool = false) {
        recordsFields = recordingFields
    }

    /// `$.goals[3].text` → `$.goals[].text`. Called for every field read, so without a regular expression.
    static func withoutIndices(_ path: String) -> String {
        guard path.contains("[") else { return path }
        var out = ""
        var inIndex = false
        for c in path {
            if c == "[" { inIndex = true; out.append(c) } else if c == "]" { inIndex = false; out.append(c) } else if !inIndex { out.append(c) }
        }
        return out
    }

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func error(_ code: DiagnosticCode, _ path: String, _ message: String) {
        // A value the reader refused (too long, a forbidden character) is not also "missing".
        if code == .missingField, diagnostics.contains(where: { $0.severity == .error && $0.location == .jsonPath(path) }) { return }
        diagnostics.append(.error(code, at: .jsonPath(path), message))
    }

    public func warning(_ code: DiagnosticCode, _ path: String, _ message: String) {
        diagnostics.append(.warning(code, at: .jsonPath(path), message))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
