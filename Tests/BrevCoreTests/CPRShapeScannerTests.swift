@testable import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: `PrivacyGuard` finds CPR-shaped numbers with a scanner of the text's bytes; ICU's
/// regular expression it replaces (`ReferenceRegex.cprShape`) runs beside it here.
@Suite struct CPRShapeScannerTests {
    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(PrivacyGuard.cprShapedNumbers(in: text) == ReferenceRegex.matchedTexts(of: ReferenceRegex.cprShape, in: text),
                "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func brevsOwnTextsAndEdgeCasesGiveTheExpressionsMatches() {
        let edges = ["", "0101851234", "010185-1234", "010185 1234", "01018512345", "10101851234", "a0101851234b", "ø0101851234ø",
                     "010185--1234", "010185-12345", "010185-123", "123456-1234567890", "0101851234-1234", "٠١٠١٨٥١٢٣٤",
                     "\u{FF10}101851234", "0101851234\u{301}", "010185\u{2011}1234", "0101851234 0101851234", "0101851234010185-1234",
                     "-0101851234-", "310299-1234 og 010185-1234", String(repeating: "0123456789", count: 500),
                     String(repeating: "010185-1234 ", count: 300)]
        for text in ReferenceRegex.corpus + edges { Self.expectSame(text) }
    }

    @Test func randomTextsGiveTheExpressionsMatches() {
        let alphabet = ["0", "1", "2", "3", "9", "01", "0101", "010185", "1234", "12345", "-", "--", " ", "a", "ø", "\u{660}",
                        "\u{FF11}", "\u{301}", "\u{AD}", "0101851234", "010185-1234", "\n"]
        var g = SeededGenerator(seed: 0xC1A5)
        var found = 0
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &g)).map { _ in alphabet.randomElement(using: &g)! }.joined()
            Self.expectSame(text)
            if !PrivacyGuard.cprShapedNumbers(in: text).isEmpty { found += 1 }
        }
        #expect(found > 500, "\(found)")
    }
}
