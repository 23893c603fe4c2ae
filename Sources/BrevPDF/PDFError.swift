public enum PDFError: Error, Sendable, CustomStringConvertible {
    case fontUnreadable(String)
    case fontSubset(String)
    case iccProfileMissing(String)
    case writing(String)

    public var description: String {
        switch self {
        case .fontUnreadable(let path): return "cannot load the font \(path)"
        case .fontSubset(let path): return "hb-subset could not subset the font \(path)"
        case .iccProfileMissing(let path): return "the sRGB ICC profile is missing: \(path) (Debian package icc-profiles-free)"
        case .writing(let message): return "writing the PDF: \(message)"
        }
    }
}
