import BrevCase
import BrevCore
import BrevTemplate
import BrevTestSupport
import Foundation
import Mustache
import Testing

/// The templates reach the model's values through `child(named:)` (`LetterModel+MustacheParent`),
/// not Mirror: every stored property of every model type must be reachable there by its own name
/// and give what Mirror gives, so a field added to the model cannot be forgotten.
@Suite struct LetterModelMustacheTests {
    /// Where `child(named:)` and Mirror disagree, or a struct of the model does not name its
    /// values itself, as "path: what".
    static func mismatches(in model: LetterModel) -> [String] {
        var found: [String] = []
        func described(_ value: Any?) -> String { value.map { String(reflecting: $0) } ?? "nil" }
        // Mirror shows an optional as itself; Mustache and child(named:) give what it holds.
        func unwrapped(_ value: Any) -> Any? {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return value }
            return mirror.children.first.flatMap { unwrapped($0.value) }
        }
        func walk(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional, .collection:
                for child in mirror.children { walk(child.value, path + (mirror.displayStyle == .collection ? "[]" : "")) }
            case .struct:
                guard let parent = value as? MustacheParent else {
                    return found.append("\(path): \(type(of: value)) does not name its values for the templates")
                }
                for child in mirror.children {
                    let label = child.label ?? "?"
                    let expected = described(unwrapped(child.value))
                    let given = described(parent.child(named: label))
                    if given != expected { found.append("\(path).\(label): child(named:) gives \(given), Mirror \(expected)") }
                    walk(child.value, path + "." + label)
                }
                if parent.child(named: "noSuchValue") != nil { found.append("\(path): an unknown name gives a value") }
            default:
                break
            }
        }
        walk(model, "model")
        return found
    }

    /// The specimen sets every value, and its words differ within each type: a name that
    /// reached the wrong property would give the wrong word.
    @Test func everyValueOfTheSpecimenIsReachedByItsName() {
        #expect(LetterModelMustacheTests.mismatches(in: .specimen) == [])
    }

    /// The example letters set the flags in many combinations (the specimen sets them all).
    @Test func everyValueOfEveryExampleLetterIsReachedByItsName() throws {
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        var models = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where file.hasSuffix(".json") && !file.contains("invalid") {
            let collector = DiagnosticCollector()
            let input = try #require(CaseReader.read(json: try TestSupport.exampleBytes(file), today: TestSupport.today,
                                                     diagnostics: collector), "\(file)")
            CaseValidator(profiles: profiles).validate(input, into: collector)
            let profile = try #require(profiles.profile(forMunicipalityCode: input.municipalityCode))
            for recipient in LetterModelBuilder.recipients(of: input) {
                let model = try LetterModelBuilder(profile: profile).build(input, for: recipient)
                #expect(LetterModelMustacheTests.mismatches(in: model) == [], "\(file)")
                models += 1
            }
        }
        #expect(models >= 25)
    }

    /// A model whose `child(named:)` forgets a value: a template naming it would print nothing,
    /// so the catalog refuses it at load, at its line.
    @Test func aValueTheModelDoesNotHandToTheTemplatesIsRefusedAtLoad() {
        struct Forgetful: MustacheParent {
            var name: String
            var note: String
            func child(named key: String) -> Any? { key == "name" ? name : nil }
        }
        let letter = "<letter>\n<p>{{name}}</p>\n<p>{{note}}</p>\n</letter>"
        do {
            _ = try TemplateCatalog(letters: ["test": TemplateSource(path: "letters/test/letter.xhtml", text: letter, isPartial: false)],
                                    partials: [:], modelSpecimen: Forgetful(name: "navn", note: "note"))
            Issue.record("the template loaded")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.templateUnknownValue])
            #expect(error.diagnostics.map(\.location) == [.file(path: "letters/test/letter.xhtml", line: 3, column: nil)])
        }
    }
}
