@testable import BrevCase
import BrevCore
import BrevDocument
@testable import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// The rules on a filled letter's words: what the caseworker wrote is taken out first (it is
/// checked at its JSON path), so only words from a template or profile are the template's fault.
@Suite struct LetterTextRulesTests {
    /// A model whose decision cannot be appealed to Ankestyrelsen, in which the caseworker wrote
    /// only `facts` (the specimen's other texts, "lov" among them, would be taken out too).
    func model(facts: [String]) -> LetterModel {
        var m = LetterModel.specimen
        m.klagevejledning.astViaKommune = nil
        m.begrundelse.facts = facts
        m.begrundelse.assessment = ""
        m.legalCitations = []
        m.hearing = nil
        m.grant = nil
        m.plan = nil
        m.handleplan = nil
        return m
    }

    func codes(_ paragraphs: [String], facts: [String] = []) -> [DiagnosticCode] {
        let document = Document(title: "T", blocks: paragraphs.map { .paragraph([.text($0)]) })
        return LetterTextRules.check(document, model: model(facts: facts), sources: []).map(\.code)
    }

    @Test func templateWordsBreakingARuleAreFound() {
        #expect(codes(["Du kan klage til Ankestyrelsen."]) == [.wrongComplaintRoute])
        #expect(codes(["Se servicelovens § 153."]) == [.staleCitation])
        #expect(codes(["Vi har lagt vægt på:", "Behandlingsgarantien i servicelovens § 101, stk. 2 gælder."]) == [.staleCitation])
        #expect(codes(["Du kan klage til Region Nordjyllands Patientkontor."]) == [.staleCitation])
        #expect(codes(["Du skal klage senest 28 dage efter afgørelsen."]) == [.nonstatutoryDeadlineText])
        #expect(codes(["Behandlingsgarantien følger af servicelovens § 101, stk. 4."]) == [])
    }

    /// Each line is matched on its own: a reference broken over two paragraphs is not one reference.
    @Test func aStaleReferenceIsMatchedWithinOneParagraph() {
        #expect(codes(["Se servicelovens §", "153."]) == [])
    }

    @Test func theCaseworkersOwnWordsAreTakenOutEveryTimeTheyOccur() {
        let fact = "Borgeren har skrevet til Ankestyrelsen om servicelovens § 153"
        #expect(codes(["Vi har lagt vægt på: \(fact).", "Og igen: \(fact)."], facts: [fact]) == [])
        // Collapsed white space in the letter matches the caseworker's text with its own spacing.
        #expect(codes(["Vi har lagt vægt på: \(fact)."], facts: ["Borgeren har  skrevet til\nAnkestyrelsen om servicelovens § 153"]) == [])
        // And the letter's text is compared with its own spaces and tabs collapsed.
        #expect(codes(["  Vi har lagt vægt på:  Borgeren har \tskrevet til  Ankestyrelsen om servicelovens § 153 "], facts: [fact]) == [])
        // Only the caseworker's words: the template's own naming of Ankestyrelsen still counts.
        #expect(codes(["Vi har lagt vægt på: \(fact).", "Du kan klage til Ankestyrelsen."], facts: [fact]) == [.wrongComplaintRoute])
    }

    /// The rules as they were before the byte-level shortcuts (cfd3491): every line made a String
    /// and matched by the regular expressions, the letter's white space collapsed by characters.
    static func referenceCheck(_ document: Document, model: LetterModel, sources: [TemplateSource]) -> [Diagnostic] {
        var text = LetterTextRules.collapsingSpacesByCharacter(LetterTextRules.plainText(document))
        let written = LetterTextRules.caseworkerTexts(model).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .map { (text: $0, length: $0.count) }
        for piece in written.sorted(by: { $0.length > $1.length }) where piece.length > 0 {
            text = UTF8Search.replacing(piece.text, with: " ", in: text)
        }
        var problems: [Diagnostic] = []
        func at(_ pattern: String) -> BrevCore.SourceLocation { LetterTextRules.location(of: pattern, in: sources) }
        if model.klagevejledning.astViaKommune == nil && UTF8Search.contains(CaseworkerWordingRule.appealBody, in: text) {
            problems.append(.error(.wrongComplaintRoute, at: at(CaseworkerWordingRule.appealBody),
                                   "the letter names \(CaseworkerWordingRule.appealBody), but this decision cannot be appealed there"))
        }
        for line in LetterTextRules.lines(of: text, omittingEmpty: true).map(String.init)
        where ReferenceRegex.matches(LegalCitationsReference.anyStale, line) {
            for stale in LegalCitations.stale where stale.occurs(in: line) {
                problems.append(.error(.staleCitation, at: at(stale.pattern), "the letter is out of date: \(stale.reason)"))
            }
        }
        if ReferenceRegex.matches(LegalCitationsReference.deadlineFromDecision, text) {
            problems.append(.warning(.nonstatutoryDeadlineText, at: at(CaseworkerWordingRule.deadlineFromDecision),
                                     "a complaint deadline counted from the decision is not the statutory rule (\(StatutoryPeriods.complaintWeeks) weeks from receipt)"))
        }
        return problems
    }

    static let fragments = [
        "servicelovens", "Serviceloven", "SEL", "(SEL)", "§", " ", "  ", "\t", "\u{A0}", "153", "101", "stk.", "Stk. ", "1", "2", "3",
        "4", "-", "–", "og", ",", " 14 dage", "behandlingsgaranti", "klage", " til ", " hos ", "Region Nordjyllands", " patientkontor",
        "PATIENT\u{212A}ONTOR", "dage", " efter ", "afgørelsen", "28", "\n", ".", ";", "æ", "ø", "Å", "\u{212A}", "ſel", "ß", "e\u{301}",
        " \u{301}", "\r\n", "\r", "İ", "ﬆk.", "Ankestyrelsen", "ankestyrelsen", "borgeren", "\u{2028}", "\u{3000}",
    ]

    /// Random letters of those fragments, the caseworker's texts taken from their own paragraphs,
    /// judged as the reference judges them: the same diagnostics, locations and messages.
    @Test func randomLettersAreJudgedAsByTheReference() throws {
        var g = SeededGenerator(seed: 0x1E77E5)
        let sources = [TemplateSource(path: "letters/x/letter.xhtml", text: "Klage til Ankestyrelsen\nservicelovens § 153\n28 dage efter afgørelsen", isPartial: false)]
        var found = 0
        for round in 0..<4_000 {
            func piece() -> String { (0..<Int.random(in: 1...16, using: &g)).map { _ in Self.fragments.randomElement(using: &g)! }.joined() }
            let paragraphs = (0..<Int.random(in: 1...6, using: &g)).map { _ in piece() }
            let facts = paragraphs.filter { _ in Bool.random(using: &g) && Bool.random(using: &g) } + (Bool.random(using: &g) ? [piece()] : [])
            var m = model(facts: facts)
            if round % 3 == 0 { m.klagevejledning.astViaKommune = LetterModel.specimen.klagevejledning.astViaKommune }
            let document = Document(title: "T", blocks: paragraphs.map { .paragraph([.text($0)]) })
            let expected = Self.referenceCheck(document, model: m, sources: round % 2 == 0 ? sources : [])
            #expect(LetterTextRules.check(document, model: m, sources: round % 2 == 0 ? sources : []) == expected,
                    "\(paragraphs.debugDescription) facts \(facts.debugDescription)")
            found += expected.count
        }
        #expect(found > 500, "\(found) diagnostics")
    }

    @Test func whiteSpaceIsCollapsedAsByCharacters() {
        var g = SeededGenerator(seed: 0xC011A)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...20, using: &g)).map { _ in Self.fragments.randomElement(using: &g)! }.joined()
            #expect(LetterTextRules.collapsingSpaces(text) == LetterTextRules.collapsingSpacesByCharacter(text), "\(text.debugDescription)")
        }
    }

    /// Every example letter, filled from its template as the pipeline fills it, judged as the
    /// reference judges it (most letters have no problem: the lines are still all read).
    @Test func everyExampleLetterIsJudgedAsByTheReference() throws {
        let catalog = try TemplateCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates"))
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        let partials = catalog.partials.values.sorted { $0.path < $1.path }
        var letters = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".json") {
            let collector = DiagnosticCollector()
            guard let input = CaseReader.read(json: try TestSupport.exampleBytes(file), today: TestSupport.today, diagnostics: collector),
                  let profile = profiles.profile(forMunicipalityCode: input.municipalityCode) else { continue }
            for recipient in LetterModelBuilder.recipients(of: input) {
                guard let model = try? LetterModelBuilder(profile: profile).build(input, for: recipient),
                      let document = try? catalog.render(kind: model.templateName, model: model) else { continue }
                let linked = AddressLinks.apply(TypographicQuotes.apply(document))
                let sources = (catalog.letters[model.templateName].map { [$0] } ?? []) + partials
                #expect(LetterTextRules.check(linked, model: model, sources: sources) == Self.referenceCheck(linked, model: model, sources: sources), "\(file)")
                letters += 1
            }
        }
        #expect(letters > 25)
    }
}
