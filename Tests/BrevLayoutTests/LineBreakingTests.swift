@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Foundation
import Testing

@Suite struct LineBreakingTests {
    let layout: DocumentLayout

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    func breaks(_ text: String) throws -> [Int] {
        try BreakOpportunities.find(in: text).map(\.offset)
    }

    @Test func noBreakInsideSectionSignsPhoneJournalAndDates() throws {
        let text = "efter § 101, stk. 4, tlf. 43 57 71 38, j.nr. 27.36.08-G01-1042-26, den 24. november 2026 slut"
        let ns = text as NSString
        for protected in ["§ 101", "stk. 4", "43 57 71 38", "27.36.08-G01-1042-26", "24. november 2026"] {
            let r = ns.range(of: protected)
            let inside = try breaks(text).filter { $0 > r.location && $0 < r.location + r.length }
            #expect(inside.isEmpty, "a break inside '\(protected)'")
        }
    }

    @Test func danishHyphenationFindsPointsInLongCompounds() {
        let h = Hyphenator(dictionaryPath: TestSupport.environment.hyphenationDictionary)
        #expect(h.isAvailable)
        let points = h.points(in: "stofmisbrugsbehandlingstilbud")
        #expect(points.count >= 5)
        #expect(points.contains(4)) // stof-misbrugs…
        #expect(h.points(in: "§").isEmpty)
    }

    @Test func aNarrowParagraphIsHyphenatedWithSoftHyphensAndNothingOverflows() throws {
        let setter = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        let text = "Stofmisbrugsbehandlingstilbuddet og døgnbehandlingsinstitutionen samarbejder med kommunalbestyrelsen om behandlingsgarantien."
        let lines = try setter.set([StyledText(text: text, style: .regular)], style: ParagraphStyle(size: 10, leading: 14, width: 110))
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { !$0.overfull })
        let joined = lines.flatMap(\.runs).map(\.text).joined()
        #expect(joined.contains("\u{AD}"), "an inserted hyphen is a soft hyphen in the text")
        // Removing the soft hyphens gives the words back: a line broken between words carries
        // its space (drawn past the line's end), so nothing is added between lines.
        #expect(joined.replacingOccurrences(of: "\u{AD}", with: "") == text)
        #expect(lines.dropLast().allSatisfy { $0.width <= 110 }, "the line-end space is not part of the width")
    }

    @Test func clustersCoverTheWholeTextOfEveryRun() throws {
        let setter = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        let lines = try setter.set([StyledText(text: "officiel afflytning Nguyễn Thị Ánh Łukasz Şahin ", style: .regular),
                                    StyledText(text: "fed tekst", style: .bold)],
                                   style: ParagraphStyle(size: 10, leading: 14, width: 400))
        for run in lines.flatMap(\.runs) {
            #expect(run.clusters.reduce(0) { $0 + $1.bytes } == run.text.utf8.count)
            #expect(run.clusters.reduce(0) { $0 + $1.glyphs } == run.glyphs.count)
        }
    }

    @Test func aWordThatFailedOnceFailsAgainAndIsNeverCachedHalfSplit() throws {
        let setter = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        let style = ParagraphStyle(size: 10, leading: 14, width: 400)
        for _ in 0..<2 {
            #expect(throws: LayoutError.self) {
                _ = try setter.set([StyledText(text: "Աbc\u{0F00}def", style: .regular)], style: style)
            }
        }
    }

    @Test func aCharacterNoFontHasIsAnErrorNamingIt() throws {
        let setter = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        #expect {
            _ = try setter.set([StyledText(text: "Hej \u{0F00} der", style: .regular)], style: ParagraphStyle(size: 10, leading: 14, width: 400))
        } throws: { error in
            guard case LayoutError.missingGlyph(let ch, let cp, _) = error else { return false }
            return ch == "\u{0F00}" && cp == 0x0F00
        }
    }
}
