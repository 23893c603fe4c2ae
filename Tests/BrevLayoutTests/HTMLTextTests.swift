import BrevCore
@testable import BrevDocument
import BrevTestSupport
import Testing

/// Issue 15: the HTML writer's texts made with less work, compared with what they were made
/// from before on random text: the no-break spaces from the patterns' matches alone (with and
/// without the worker's `JoinedTexts`), and escaping by bytes.
@Suite struct HTMLTextTests {
    /// The HTML writer's no-break spaces as they were: every range `NoBreakRules` protects.
    static func referenceJoined(_ text: String) -> String {
        referenceJoiningSpaces(in: text, ranges: NoBreakRules.protectedRanges(in: text).filter { $0.count > 1 })
    }

    /// Spaces joined as they were: in the text's UTF-16 units.
    static func referenceJoiningSpaces(in s: String, ranges: [Range<Int>]) -> String {
        if ranges.isEmpty { return s }
        var utf16 = Array(s.utf16)
        for range in ranges where range.upperBound <= utf16.count {
            for i in range where utf16[i] == 0x20 { utf16[i] = 0xA0 }
        }
        return String(decoding: utf16, as: UTF16.self)
    }

    /// Spaces joined in UTF-8 are those joined in UTF-16, for any ranges (empty, overlapping,
    /// past the end) over text with letters of one to four UTF-8 bytes.
    @Test func spacesJoinedByBytesAreThoseJoinedByUTF16Units() {
        var generator = SeededGenerator(seed: 23)
        let alphabet = [" ", " ", "a", "7", "§", "ø", "–", "€", "😀", "\u{A0}", "\t", "stk. ", "1.", "e\u{301}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let units = text.utf16.count
            let ranges = (0..<Int.random(in: 0...3, using: &generator)).map { _ -> Range<Int> in
                let start = Int.random(in: 0...units + 1, using: &generator)
                return start..<(start + Int.random(in: 0...6, using: &generator))
            }
            let joined = HTMLWriter.joiningSpaces(in: text, ranges: ranges)
            #expect(Array(joined.utf8) == Array(Self.referenceJoiningSpaces(in: text, ranges: ranges).utf8), "\(text.unicodeScalars.map(\.value)) \(ranges)")
        }
    }

    @Test func noBreakSpacesAreThoseOfEveryProtectedRange() {
        var generator = SeededGenerator(seed: 21)
        let joined = JoinedTexts(capacity: 64)
        var changed = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator))
                .map { _ in TextScanTests.noBreakAlphabet.randomElement(using: &generator)! }.joined()
            let reference = Self.referenceJoined(text)
            #expect(HTMLWriter.joiningProtectedSpaces(text) == reference, "\(text.unicodeScalars.map(\.value))")
            // Twice through the cache: made, then found (or made again after it aged out).
            #expect(HTMLWriter.joiningProtectedSpaces(text, joined: joined) == reference)
            #expect(HTMLWriter.joiningProtectedSpaces(text, joined: joined) == reference)
            if reference != text { changed += 1 }
        }
        #expect(changed > 300) // spaces were joined
        #expect(joined.hits > 1_000 && joined.count <= 128)
    }

    /// Escaping as it was: scalar by scalar.
    static func referenceEscaped(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    @Test func escapingByBytesIsEscapingByScalars() {
        var generator = SeededGenerator(seed: 22)
        let alphabet = TextScanTests.alphabet + ["&", "<", ">", "\"", "'", "&amp;", "\u{0}", "\u{10FFFF}", "\u{7F}", "\u{80}"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let escaped = XMLText.escaped(text)
            #expect(Array(escaped.utf8) == Array(Self.referenceEscaped(text).utf8), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
