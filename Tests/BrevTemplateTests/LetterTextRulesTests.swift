import BrevCase
import BrevCore
import BrevDocument
import BrevTemplate
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
}
