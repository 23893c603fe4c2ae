import BrevCase
import BrevCore
import BrevDocument
import BrevPipeline
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// domain.md §7 case 21: Thisted's 3-month residential grant, and its out-of-date wording.
@Suite(.serialized) struct ThistedTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    @Test func case21ThreeMonthsFromTheFirstOfMarchEndsOnTheThirtyFirstOfMay() throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("bevilling-doegn-thisted-3-maaneder.json"))
        let t = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf)).replacingOccurrences(of: "\n", with: " ")
        #expect(t.contains("Bevillingen gælder i perioden 1. marts 2027 – 31. maj 2027."))
        #expect(t.contains("skal du søge om forlængelse"))
        // Counted from receipt by Digital Post on 24 November, not "28 dage efter afgørelsen".
        #expect(t.contains("Vi skal have din klage senest tirsdag den 22. december 2026."))
        #expect(t.contains("Thisted Kommune, Handicap og Psykiatri, Asylgade 30, 7700 Thisted"))
        #expect(!t.contains("28 dage") && !t.contains("leverandør") && !t.contains("Region Nordjylland"))
    }

    @Test func case21ThistedSOldWordingIsFlaggedAsNonStatutory() throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("bevilling-doegn-thisted-3-maaneder.json"))
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let collector = DiagnosticCollector()
        let input = try #require(CaseReader.read(json: try TestSupport.exampleBytes("bevilling-doegn-thisted-3-maaneder.json"),
                                                 today: TestSupport.today, diagnostics: collector))
        let model = try LetterModelBuilder(profile: profiles.profile(forMunicipalityCode: "787")!).build(input)
        // The seed's own sentence, as a template might carry it.
        let old = Document(title: "T", blocks: letter.document.blocks + [
            .paragraph([.text("Thisted Kommune skal modtage klagen inden for 28 dage efter afgørelsen – inklusive weekender og helligdage.")]),
        ])
        let problems = LetterTextRules.check(old, model: model, sources: [])
        #expect(problems.contains { $0.code == .nonstatutoryDeadlineText && $0.severity == .warning })
        #expect(LetterTextRules.check(letter.document, model: model, sources: []).isEmpty)
    }
}
