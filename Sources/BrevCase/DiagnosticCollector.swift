import BrevCore
import Foundation

/// Collects every problem found while reading and validating one input.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []
    /// The fields the reader asked for, by object path (array indices as `[]`): what brev
    /// understands, compared with the published JSON Schema by a test.
    public private(set) var fieldsRead: [String: Set<String>] = [:]

    func noteFieldRead(_ key: String, in path: String) {
        let normalized = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        fieldsRead[normalized, default: []].insert(key)
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
        let normalized = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        update(&fieldBounds[normalized, default: FieldBounds()])
    }

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public func error(_ code: DiagnosticCode, _ path: String, _ message: String) {
        diagnostics.append(.error(code, at: .jsonPath(path), message))
    }

    public func warning(_ code: DiagnosticCode, _ path: String, _ message: String) {
        diagnostics.append(.warning(code, at: .jsonPath(path), message))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
