@testable import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: each stale reference of `LegalCitations.stale` and the deadline counted from the
/// decision are found by scanners of a text's bytes (`StaleCitationScanner`). Here each runs
/// beside the regular expression it replaces, on every text without the byte filters before
/// them (`LegalCitations.mayOccur`, `CaseworkerWordingRule.mayCountFromDecision`), so the
/// scanners alone are compared (`PlainTextTests` compares the whole answers). Each reference
/// scans plain text only from the bytes its matches can start with (`firstBytes`).
@Suite struct StaleCitationScannerTests {
    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (stale, regex) in zip(LegalCitations.stale, LegalCitationsReference.each) {
            #expect(stale.occurs(in: text) == ReferenceRegex.matches(regex, text), "\(stale.reason): \(text.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        #expect(StaleCitationScanner.occurs(in: text, StaleCitationScanner.deadlineFromDecision)
                == ReferenceRegex.matches(LegalCitationsReference.deadlineFromDecision, text), "\(text.debugDescription)",
                sourceLocation: sourceLocation)
        // Plain text is scanned only from the bytes a match can start with.
        #expect(StaleCitationScanner.occurs(in: text, startingWith: CaseworkerWordingRule.digits, StaleCitationScanner.deadlineFromDecision)
                == ReferenceRegex.matches(LegalCitationsReference.deadlineFromDecision, text), "\(text.debugDescription)",
                sourceLocation: sourceLocation)
    }

    static let edgeCases = [
        "", "serviceloven § 153", "Servicelovens §153", "servicelovenS § 153", "servicelovenſ § 153", "serviceloven ß § 153",
        "SEL § 153", "sel§153", "xsel § 153", "sel\u{AD} § 153", "\u{AD}sel § 153", "ſel § 153", "SEL § 1531", "SEL § 153a",
        "SEL § 153\u{301}", "SEL (12345678901234567890) § 153", "SEL (123456789012345678901) § 153", "SEL\n§ 153",
        "servicelovens 1234567890123456789 § 153", "serviceloven 12345678901234567890 § 153", "serviceloven § 101, stk. 4",
        "serviceloven § 101, stk. 1 om 14 dage", "SEL § 101 stk. 2, behandlingsgaranti", "SEL § 101, stk. 1-3 om 14 dage",
        "SEL § 101, stk. 1 – 4 om 14 dage", "SEL § 101, stk. 1 og 4: 14 dage", "SEL § 101, stk. 3, 4 og 14 dage",
        "SEL § 101, stk. 3 , 5; 14 dage", "SEL § 101, stk. 3. 14 dage", "SEL § 101, stk. 3 § 14 dage", "SEL § 101, stk. 31 14 dage",
        "SEL § 101, stk. 1og2 14 dage", "SEL § 101,stk.1 14dage", "SEL § 101, ſtk. 1, 14 dage", "SEL § 101, ﬆk. 2 behandlingsgarantien",
        "14 dage efter SEL § 101, stk. 1", "behandlingsgaranti; SEL § 101, stk. 1", "x14 dage SEL § 101, stk. 1", "114 dage SEL § 101, stk. 2",
        "behandlingsgarantien (SEL § 101, stk. 1-3)", "behandlingsgaranti " + String(repeating: "x", count: 100) + " SEL § 101, stk. 1",
        "behandlingsgaranti " + String(repeating: "x", count: 99) + " SEL § 101, stk. 1", "klage til region nordjyllands patientkontor",
        "Klagen kan sendes hos Region  Nordjyllands\tPatientkontor", "klage" + String(repeating: "x", count: 60) + " til region nordjyllands patientkontor",
        "klage" + String(repeating: "x", count: 59) + " til region nordjyllands patientkontor", "klage, til region nordjyllands patientkontor",
        "klage § til region nordjyllands patientkontor", "klagetil region nordjyllands patientkontor", "klage xtil region nordjyllands patientkontor",
        "\u{212A}lage til region nordjyllands patient\u{212A}ontor", "28 dage efter afgørelsen", "28 dage efter AFGØRELSEN",
        "28 dage efter afgørelsen", "28dage efter afgørelsen", "٢٨ dage efter afgørelsen", "x28 dage efter afgørelsen",
        "28 dage efter afgo\u{308}relsen", "28\u{A0}dage\u{2003}efter\nafgørelsen", "28 DAGE EFTER afgØrelsen",
        String(repeating: "SEL § 101, stk. 1 og ", count: 200) + "14 dage",
    ]

    @Test func brevsOwnTextsAndEdgeCasesGiveTheExpressionsAnswers() {
        for text in ReferenceRegex.corpus + Self.edgeCases { Self.expectSame(text) }
    }

    @Test func randomTextsGiveTheExpressionsAnswers() {
        var g = SeededGenerator(seed: 0x57A1)
        var matched = [Int](repeating: 0, count: LegalCitations.stale.count + 1)
        let fragments = PlainTextTests.fragments + ["\u{AD}", "\u{301}", "ﬅ", "ſ", "Å", "1", "14", "x", "  ", "(", ")", "Stk.", "STK."]
        for _ in 0..<6_000 {
            let text = (0..<Int.random(in: 1...16, using: &g)).map { _ in fragments.randomElement(using: &g)! }.joined()
            Self.expectSame(text)
            for (i, stale) in LegalCitations.stale.enumerated() where stale.occurs(in: text) { matched[i] += 1 }
            if StaleCitationScanner.occurs(in: text, StaleCitationScanner.deadlineFromDecision) { matched[LegalCitations.stale.count] += 1 }
        }
        #expect(matched.allSatisfy { $0 > 100 }, "\(matched)")
    }
}
