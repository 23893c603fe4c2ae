import BrevCore
import BrevDocument
import BrevTemplate
import Testing

@Suite struct XHTMLReaderTests {
    func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try XHTMLReader.read(text, sourceName: "t.xhtml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aDocumentInTheVocabularyBecomesATree() throws {
        let doc = try XHTMLReader.read("""
            <letter title="Afgørelse" lang="da">
              <h1>Overskrift</h1>
              <p>Et  afsnit
                 med <strong>fed</strong> og <em>kursiv</em>.<br/>Ny linje</p>
              <ul><li>et</li><li><p>to</p></li></ul>
            </letter>
            """, sourceName: "t.xhtml")
        #expect(doc.title == "Afgørelse")
        #expect(doc.blocks == [
            .heading(level: 1, [.text("Overskrift")]),
            .paragraph([.text("Et afsnit med "), .strong([.text("fed")]), .text(" og "), .emphasis([.text("kursiv")]),
                        .text("."), .lineBreak, .text("Ny linje")]),
            .list(ordered: false, items: [[.paragraph([.text("et")])], [.paragraph([.text("to")])]]),
        ])
    }

    @Test func anElementOutsideTheVocabularyIsRejectedWithItsLine() {
        let p = problems("<letter>\n<p>ok</p>\n<div>nej</div>\n<p><blink>x</blink></p>\n</letter>")
        #expect(p.count == 2)
        #expect(p[0].code == .templateUnknownElement && p[0].location == .file(path: "t.xhtml", line: 3, column: nil))
        #expect(p[1].location == .file(path: "t.xhtml", line: 4, column: nil))
    }

    @Test func textOutsideABlockWouldBeLostAndIsRejected() {
        let p = problems("<letter>\n<ul>\n  løs tekst\n  <li>x</li>\n</ul>\n</letter>")
        #expect(p.first?.code == .templateUnknownElement)
        #expect(p.first?.location == .file(path: "t.xhtml", line: 3, column: nil)) // the line of "løs tekst"
    }

    @Test func malformedXMLGivesLineAndColumn() {
        let p = problems("<letter>\n<p>åben\n</letter>")
        #expect(p.count == 1)
        #expect(p[0].code == .templateNotWellFormed)
        if case .file(_, let line, let column) = p[0].location {
            #expect(line == 3)
            #expect(column != nil)
        } else {
            Issue.record("expected a file location, got \(p[0].location)")
        }
    }

    @Test func theDumpIsReadable() throws {
        let doc = try XHTMLReader.read("<letter title=\"T\"><h2>A</h2><p>b <strong>c</strong></p></letter>", sourceName: "t")
        #expect(DocumentDump.dump(doc) == """
            document v2 lang=da title="T"
              h2 "A"
              p "b " strong("c")

            """)
    }
}
