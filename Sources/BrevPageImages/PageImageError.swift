/// Why a page image could not be drawn.
public enum PageImageError: Error, Sendable, CustomStringConvertible {
    case fontUnreadable(String)
    case cairo(String)

    public var description: String {
        switch self {
        case .fontUnreadable(let path): return "cannot load the font \(path)"
        case .cairo(let message): return "cairo: \(message)"
        }
    }
}
