import BrevDocument
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11: straight quotes in running text are set as Danish typographic quotes, in the PDF
/// and the HTML alike.
@Suite struct TypographicQuotesTests {
    @Test func quotesOpenAfterSpaceAndCloseAfterText() {
        var previous: Character = " "
        #expect(TypographicQuotes.text("Du sagde \"nej tak\" (\"ikke nu\").", previous: &previous) == "Du sagde »nej tak« (»ikke nu«).")
        // Across markup: the quote after bold text closes it.
        previous = " "
        let marked = TypographicQuotes.inlines([.text("\""), .strong([.text("ja")]), .text("\"")], previous: &previous)
        #expect(marked == [.text("»"), .strong([.text("ja")]), .text("«")])
    }

    @Test func aCaseworkersQuotesAreTypographicInPDFAndHTML() throws {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        var reasons = object["begrundelse"] as! [String: Any]
        reasons["assessment"] = "Du har selv kaldt forløbet \"en god start\", og det vurderer vi også."
        object["begrundelse"] = reasons
        let letter = try LetterPipeline(environment: TestSupport.environment).render(caseJSON: try TestSupport.json(object))
        let text = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf)).replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("»en god start«"))
        #expect(!text.contains("\"en god start\""))
        #expect(letter.html.contains("»en god start«"))
    }
}
