import BrevCore

/// Collects every problem found while reading and validating one input.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

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
