import BrevCase
import BrevCore
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// Letter templates are checked against the model's type once, when the catalog loads, through
/// a specimen model in which every value is present.
@Suite struct ModelSpecimenTests {
    struct Model {
        var name: String
        var note: String?
        var items: [String]
    }

    static let specimen = Model(name: "navn", note: "note", items: ["x"])

    func catalog(_ letter: String) throws(DiagnosticsError) -> TemplateCatalog {
        try TemplateCatalog(letters: ["test": TemplateSource(path: "letters/test/letter.xhtml", text: letter, isPartial: false)],
                            partials: [:], modelSpecimen: ModelSpecimenTests.specimen)
    }

    func loadErrors(_ letter: String) -> [Diagnostic] {
        do {
            _ = try catalog(letter)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func anUnknownValueIsRefusedAtLoadWithItsLine() {
        let e = loadErrors("<letter>\n<p>{{name}}</p>\n{{#note}}\n<p>{{nmae}}</p>\n{{/note}}\n</letter>")
        #expect(e.map(\.code) == [.templateUnknownValue])
        #expect(e.map(\.location) == [.file(path: "letters/test/letter.xhtml", line: 4, column: nil)])
    }

    /// Delivery data is not in the model: a template naming it never loads.
    @Test func aTemplateNamingDeliveryDataIsRefusedAtLoad() {
        let e = loadErrors("<letter>\n<p>{{name}}</p>\n<p>CPR: {{delivery.recipientCPR}}</p>\n</letter>")
        #expect(e.map(\.code) == [.templateUnknownValue])
        #expect(e.map(\.location) == [.file(path: "letters/test/letter.xhtml", line: 3, column: nil)])
    }

    /// A model of the checked type, with a nil and an empty list, fills without a check of its own.
    @Test func aModelOfTheCheckedTypeFills() throws {
        let c = try catalog("<letter>\n<p>{{name}}</p>\n{{#note}}<p>{{note}}</p>{{/note}}\n<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>\n</letter>")
        let doc = try c.render(kind: "test", model: Model(name: "Søren", note: nil, items: []))
        #expect(doc.blocks == [.paragraph([.text("Søren")]), .list(ordered: false, items: [])])
    }

    @Test func theRepositoryTemplatesPassTheCheckAgainstTheLetterModel() throws {
        let c = try TemplateCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates"),
                                         modelSpecimen: LetterModel.specimen)
        #expect(c.letters["afslag"] != nil)
    }

    /// Every optional value set and every list non-empty, all the way down: otherwise the names
    /// under a nil or an empty list would go unchecked.
    @Test func theLetterModelSpecimenHoldsEveryValue() {
        var gaps: [String] = []
        func walk(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let some = mirror.children.first else { return gaps.append(path) }
                walk(some.value, path)
            case .collection:
                if mirror.children.isEmpty { gaps.append(path) }
                for child in mirror.children { walk(child.value, path + "[]") }
            case .struct:
                for child in mirror.children { walk(child.value, path + "." + (child.label ?? "?")) }
            default:
                break
            }
        }
        walk(LetterModel.specimen, "model")
        #expect(gaps == [])
    }
}
