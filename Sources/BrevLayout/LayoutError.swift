import BrevCore

/// Why a document could not be laid out. A message names a character by its code point and
/// where it stands (`TextPlace`), never the text around it: letter text is personal data.
public enum LayoutError: Error, Sendable, CustomStringConvertible {
    case fontMissing(path: String)
    case fontUnreadable(path: String)
    /// No font in `Fonts/` has a glyph for this character: it would print as a box (tofu).
    /// `character` is the one character, for code that matches on it; messages show only the code point.
    case missingGlyph(character: String, codepoint: UInt32, place: TextPlace)
    case lineBreakingFailed(String)
    /// Right-to-left text needs bidirectional layout, which brev does not do yet.
    case rightToLeft(codepoint: UInt32, place: TextPlace)
    /// A control character or a bidirectional formatting character (`RefusedCharacters`): it
    /// cannot be set and could reorder or hide text. The case reader refuses these earlier.
    case refusedCharacter(codepoint: UInt32, place: TextPlace)

    /// The stable code of this kind of failure.
    public var code: DiagnosticCode {
        switch self {
        case .fontMissing: return .fontMissing
        case .fontUnreadable: return .fontUnreadable
        case .missingGlyph: return .missingGlyph
        case .lineBreakingFailed: return .lineBreakingFailed
        case .rightToLeft: return .rightToLeftText
        case .refusedCharacter: return .characterRefusedInLayout
        }
    }

    public var description: String {
        switch self {
        case .fontMissing(let path): return "\(code): font file missing: \(path)"
        case .fontUnreadable(let path): return "\(code): font file cannot be read as a font: \(path)"
        case .missingGlyph(_, let cp, let place):
            return "\(code): no font in Fonts/ can show \(LayoutError.name(cp)) \(place)"
        case .lineBreakingFailed(let why): return "\(code): line breaking failed: \(why)"
        case .rightToLeft(let cp, let place):
            return "\(code): \(LayoutError.name(cp)) \(place) is right-to-left text (Hebrew or Arabic), which brev cannot set yet"
        case .refusedCharacter(let cp, let place):
            return "\(code): \(LayoutError.name(cp)) \(place) is a control or bidirectional formatting character, which brev refuses to set"
        }
    }

    /// The same error, placed: the first place given (the innermost) is kept.
    func located(_ place: TextPlace) -> LayoutError {
        switch self {
        case .missingGlyph(let ch, let cp, let old) where old.isUnknown: return .missingGlyph(character: ch, codepoint: cp, place: place)
        case .rightToLeft(let cp, let old) where old.isUnknown: return .rightToLeft(codepoint: cp, place: place)
        case .refusedCharacter(let cp, let old) where old.isUnknown: return .refusedCharacter(codepoint: cp, place: place)
        default: return self
        }
    }

    static func name(_ codepoint: UInt32) -> String { codePointName(codepoint) }
}
