/// One problem found in an input (a case, a profile, a template), with where it is and a
/// stable code that scripts and tests can rely on.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity = .error, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, message)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message)
    }

    /// `error[MISSING_BEGRUNDELSE] $.begrundelse.facts: …`
    public var description: String {
        "\(severity.rawValue)[\(code.rawValue)] \(location): \(message)"
    }
}

/// Where a diagnostic points: a JSON path into a case, or a line in a file.
public enum SourceLocation: Sendable, Hashable, CustomStringConvertible {
    case jsonPath(String)
    case file(path: String, line: Int, column: Int?)
    case unknown

    public var description: String {
        switch self {
        case .jsonPath(let path): return path
        case .file(let path, let line, let column?): return "\(path):\(line):\(column)"
        case .file(let path, let line, nil): return "\(path):\(line)"
        case .unknown: return "-"
        }
    }
}

/// Thrown when an input has at least one error; carries every diagnostic found, not just the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
