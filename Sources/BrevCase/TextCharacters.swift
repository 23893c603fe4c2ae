import BrevCore

/// Characters no text in a case may hold. They are invisible or control how text is shown,
/// so in a letter they could hide or reorder words (a right-to-left override turns "100 kr."
/// into ".rk 001"), break the layout, or forge a line in `brev check`'s output.
enum TextCharacters {
    /// The first forbidden character of `text`, if any. A line break (U+000A) is allowed only in
    /// free text written in paragraphs.
    static func firstForbidden(in text: String, allowingLineBreaks: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { isForbidden($0, allowingLineBreaks: allowingLineBreaks) }
    }

    static func isForbidden(_ s: Unicode.Scalar, allowingLineBreaks: Bool) -> Bool {
        let v = s.value
        if v == 0x0A { return !allowingLineBreaks }
        switch v {
        case 0x00...0x1F, 0x7F...0x9F: return true // C0 and C1 controls, DEL
        case 0x200E, 0x200F, 0x061C: return true // left-to-right, right-to-left and Arabic letter marks
        case 0x202A...0x202E: return true // bidi embeddings and overrides
        case 0x2066...0x2069: return true // bidi isolates
        case 0xFDD0...0xFDEF: return true // noncharacters
        default: return v & 0xFFFE == 0xFFFE // U+FFFE, U+FFFF and their like in every plane
        }
    }

    /// The length in Unicode scalars of the longest run without white space, or nil for empty text.
    static func longestWordLength(in text: String) -> Int? {
        var longest = 0
        var run = 0
        for s in text.unicodeScalars {
            // ASCII white space without a look-up of the scalar's Unicode properties.
            let isWhitespace = s.isASCII ? s == " " || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
            run = isWhitespace ? 0 : run + 1
            longest = max(longest, run)
        }
        return text.isEmpty ? nil : longest
    }

    /// `U+202E`: how a character is named in a message, never the text around it.
    static func name(_ s: Unicode.Scalar) -> String {
        codePointName(s.value)
    }
}
