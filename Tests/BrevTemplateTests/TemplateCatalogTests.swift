import BrevCore
import BrevDocument
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// Templates are checked before they are ever filled, and every value they name must exist.
@Suite struct TemplateCatalogTests {
    struct Model {
        var name: String
        var items: [String]
        var note: String?
        var flag: Bool
    }

    func catalog(_ letter: String, partials: [String: String] = [:]) throws(DiagnosticsError) -> TemplateCatalog {
        try TemplateCatalog(
            letters: ["test": TemplateSource(path: "letters/test/letter.xhtml", text: letter, isPartial: false)],
            partials: partials.mapValues { TemplateSource(path: "partials/x.xhtml", text: $0, isPartial: true) })
    }

    func errors(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error(.templateSyntax, at: .unknown, "\(error)")]
        }
    }

    @Test func valuesAreEscapedSoNamesSurviveExactly() throws {
        let c = try catalog("<letter><p>Kære {{name}}</p></letter>")
        let doc = try c.render(kind: "test", model: Model(name: "O'Brien & Søn <test>", items: [], note: nil, flag: false))
        #expect(doc.blocks == [.paragraph([.text("Kære O'Brien & Søn <test>")])])
    }

    @Test func unescapedOutputIsRefusedWithItsLine() {
        let e = errors { _ = try catalog("<letter>\n<p>{{{name}}}</p>\n</letter>") }
        #expect(e.contains { $0.code == .templateUnescaped && $0.location == .file(path: "letters/test/letter.xhtml", line: 2, column: nil) })
    }

    @Test func anUnknownValueIsRefusedWithItsLineInsteadOfPrintingNothing() throws {
        let c = try catalog("<letter>\n<p>{{name}}</p>\n<p>{{nmae}}</p>\n</letter>")
        let e = errors { _ = try c.render(kind: "test", model: Model(name: "A", items: [], note: nil, flag: false)) }
        #expect(e.count == 1)
        #expect(e.first?.code == .templateUnknownValue)
        #expect(e.first?.location == .file(path: "letters/test/letter.xhtml", line: 3, column: nil))
    }

    /// The letter model carries no delivery data: naming it is an unknown value, with its line.
    @Test func aTemplateNamingTheRecipientsCPRIsRefusedWithItsLine() throws {
        let c = try catalog("<letter>\n<p>{{name}}</p>\n<p>CPR: {{delivery.recipientCPR}}</p>\n</letter>")
        let e = errors { _ = try c.render(kind: "test", model: Model(name: "A", items: [], note: nil, flag: false)) }
        #expect(e.count == 1)
        #expect(e.first?.code == .templateUnknownValue)
        #expect(e.first?.location == .file(path: "letters/test/letter.xhtml", line: 3, column: nil))
    }

    @Test func aGroupListOrFlagIsNotPrintable() throws {
        let c = try catalog("<letter>\n<p>{{items}}</p>\n<p>{{flag}}</p>\n</letter>")
        let e = errors { _ = try c.render(kind: "test", model: Model(name: "A", items: ["x"], note: nil, flag: true)) }
        #expect(e.map(\.code) == [.templateUnknownValue, .templateUnknownValue])
        #expect(e.map(\.location) == [.file(path: "letters/test/letter.xhtml", line: 2, column: nil),
                                       .file(path: "letters/test/letter.xhtml", line: 3, column: nil)])
    }

    @Test func sectionsListsAndOptionalValuesAreChecked() throws {
        let c = try catalog("""
            <letter>
            {{#flag}}<p>ja</p>{{/flag}}
            <ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>
            {{#note}}<p>{{note}}</p>{{/note}}
            </letter>
            """)
        let doc = try c.render(kind: "test", model: Model(name: "A", items: ["et", "to"], note: nil, flag: true))
        #expect(doc.blocks == [
            .paragraph([.text("ja")]),
            .list(ordered: false, items: [[.paragraph([.text("et")])], [.paragraph([.text("to")])]]),
        ])
    }

    @Test func aMissingPartialIsRefusedAtLoadWithItsLine() {
        let e = errors { _ = try catalog("<letter>\n{{> nowhere}}\n</letter>") }
        #expect(e.count == 1)
        #expect(e.first?.code == .templatePartialMissing)
        #expect(e.first?.location == .file(path: "letters/test/letter.xhtml", line: 2, column: nil))
    }

    /// Mustache would recurse into a self-including partial until the stack overflows.
    @Test func aPartialIncludingItselfIsRefusedWithItsFileAndLine() {
        func partial(_ name: String, _ text: String) -> (String, TemplateSource) {
            (name, TemplateSource(path: "partials/\(name).xhtml", text: text, isPartial: true))
        }
        let letter = TemplateSource(path: "letters/test/letter.xhtml", text: "<letter>\n{{> a}}\n{{> self}}\n</letter>", isPartial: false)
        let partials = Dictionary(uniqueKeysWithValues: [
            partial("self", "<p>x</p>\n{{> self}}\n"),
            partial("a", "<p>a</p>\n\n{{> b}}\n"),
            partial("b", "{{> c}}\n"),
            partial("c", "<p>c</p>\n{{> a}}\n"),
        ])
        let e = errors { _ = try TemplateCatalog(letters: ["test": letter], partials: partials) }
        let cycles = e.filter { $0.code == .templatePartialCycle }
        #expect(cycles.count == 2)
        #expect(cycles.contains { $0.location == .file(path: "partials/self.xhtml", line: 2, column: nil) && $0.message.contains("self → self") })
        #expect(cycles.contains { $0.location == .file(path: "partials/c.xhtml", line: 2, column: nil) && $0.message.contains("a → b → c → a") })
    }

    @Test func aTemplateThatIsNotUTF8IsRefusedWithItsLine() throws {
        let root = try TestSupport.temporaryDirectory()
        let fm = FileManager.default
        try fm.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates"), to: root.appendingPathComponent("LetterTemplates"))
        let file = root.appendingPathComponent("LetterTemplates/partials/caseinfo.xhtml")
        var bytes = Array(try Data(contentsOf: file))
        bytes.insert(0xC3, at: bytes.indices.first { bytes[$0] == 0x0A }! + 1) // a lead byte without its continuation, line 2
        bytes.insert(0x41, at: bytes.indices.first { bytes[$0] == 0x0A }! + 2)
        try Data(bytes).write(to: file)
        let e = errors { _ = try TemplateCatalog.load(directory: root.appendingPathComponent("LetterTemplates")) }
        #expect(e.contains { $0.code == .templateNotUTF8 && $0.location == .file(path: "partials/caseinfo.xhtml", line: 2, column: nil) })
    }

    @Test func aTemplateOutsideTheVocabularyFailsAtLoadWithItsLine() {
        let e = errors { _ = try catalog("<letter>\n<p>a</p>\n<font>b</font>\n</letter>") }
        #expect(e.contains { $0.code == .templateUnknownElement && $0.location == .file(path: "letters/test/letter.xhtml", line: 3, column: nil) })
    }

    @Test func theRepositoryTemplatesLoadCleanly() throws {
        let c = try TemplateCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates"))
        #expect(c.letters["afslag"] != nil)
        #expect(c.partials.keys.contains("klagevejledning-ast-via-kommune"))
    }
}
