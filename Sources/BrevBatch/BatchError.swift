import BrevPipeline

/// Why a batch could not run at all (as opposed to a case being refused, which the report lists).
public enum BatchError: Error, CustomStringConvertible {
    /// A template, profile or font is broken: no case can be rendered.
    case resources(BrevError)
    /// The input, the outbox or the journal cannot be used.
    case cannotRun(String)

    public var description: String {
        switch self {
        case .resources(let error): return "\(error)"
        case .cannotRun(let reason): return reason
        }
    }

    /// As for `brev render`: 3 a resource is broken, 4 input or output cannot be used.
    public var exitCode: Int32 {
        switch self {
        case .resources: return 3
        case .cannotRun: return 4
        }
    }
}
