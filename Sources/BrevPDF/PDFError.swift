public enum PDFError: Error, Sendable, CustomStringConvertible {
    case fontUnreadable(String)
    case cairo(String)
    case iccProfileMissing(String)
    case finishing(String)

    public var description: String {
        switch self {
        case .fontUnreadable(let path): return "cairo cannot load the font \(path)"
        case .cairo(let message): return "cairo: \(message)"
        case .iccProfileMissing(let path): return "the sRGB ICC profile is missing: \(path) (Debian package icc-profiles-free)"
        case .finishing(let message): return "finishing pass: \(message)"
        }
    }
}
