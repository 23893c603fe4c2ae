import BrevCore
import Testing

/// The byte search the per-letter checks use finds what a search by characters finds.
@Suite struct UTF8SearchTests {
    @Test func everyOccurrenceLeftToRightWithoutOverlap() {
        #expect(UTF8Search.ranges(of: "aa", in: "aaaaa") == [0..<2, 2..<4])
        #expect(UTF8Search.ranges(of: "døgn", in: "Døgn og døgnbehandling") == [9..<14])
        #expect(UTF8Search.ranges(of: "x", in: "") == [])
        #expect(UTF8Search.ranges(of: "", in: "abc") == [])
        #expect(UTF8Search.ranges(of: "abcd", in: "abc") == [])
    }

    /// "e" followed by a combining accent is the character "é": a search by characters does not
    /// find "e" or "stof" in it, and neither does this.
    @Test func aHitMustBeginAndEndBetweenCharacters() {
        #expect(!UTF8Search.contains("stof", in: "sto\u{0066}\u{0301}"))
        #expect(UTF8Search.contains("stof", in: "stofmisbrug"))
        #expect(!UTF8Search.contains("\u{0301}x", in: "e\u{0301}x"))
    }

    @Test func replacingKeepsTheRestOfTheText() {
        #expect(UTF8Search.replacing("Ærø", with: " ", in: "Mette Ærø-Østergård, Ærø") == "Mette  -Østergård,  ")
        #expect(UTF8Search.replacing("zz", with: "-", in: "Ærø") == "Ærø")
        #expect(UTF8Search.replacing("e", with: "E", in: "e\u{0301}e") == "e\u{0301}E")
    }
}
