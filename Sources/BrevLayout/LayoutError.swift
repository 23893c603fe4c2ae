/// Why a document could not be laid out.
public enum LayoutError: Error, Sendable, CustomStringConvertible {
    case fontMissing(path: String)
    case fontUnreadable(path: String)
    /// No font in `Fonts/` has a glyph for this character: it would print as a box (tofu).
    case missingGlyph(character: String, codepoint: UInt32, context: String)
    case lineBreakingFailed(String)
    /// Right-to-left text needs bidirectional layout, which brev does not do yet.
    case rightToLeft(character: String, context: String)

    public var description: String {
        switch self {
        case .fontMissing(let path): return "font file missing: \(path)"
        case .fontUnreadable(let path): return "font file cannot be read as a font: \(path)"
        case .missingGlyph(let ch, let cp, let context):
            let hex = String(cp, radix: 16, uppercase: true)
            return "no font in Fonts/ can show '\(ch)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)) in \"\(context)\""
        case .lineBreakingFailed(let why): return "line breaking failed: \(why)"
        case .rightToLeft(let ch, let context):
            return "'\(ch)' in \"\(context)\" is right-to-left text (Hebrew or Arabic), which brev cannot set yet"
        }
    }
}
