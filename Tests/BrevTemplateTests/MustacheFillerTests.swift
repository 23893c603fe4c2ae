import BrevCase
import BrevCore
@testable import BrevTemplate
import BrevTestSupport
import Foundation
import Mustache
import Testing

/// `MustacheFiller` fills a template exactly as swift-mustache does: compared character for
/// character on every letter template with the specimen and every example letter's model, and
/// on random templates built from the tags and white space where Mustache's rules for
/// standalone tags and partial indentation apply.
@Suite struct MustacheFillerTests {
    static let catalog = Result { try TemplateCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates")) }

    /// Every model of the example letters, one per recipient, and the specimen.
    static func models() throws -> [LetterModel] {
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        var models: [LetterModel] = [.specimen]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where file.hasSuffix(".json") && !file.contains("invalid") {
            let collector = DiagnosticCollector()
            guard let input = CaseReader.read(json: try TestSupport.exampleBytes(file), today: TestSupport.today, diagnostics: collector),
                  let profile = profiles.profile(forMunicipalityCode: input.municipalityCode) else { continue }
            for recipient in LetterModelBuilder.recipients(of: input) {
                models.append(try LetterModelBuilder(profile: profile).build(input, for: recipient))
            }
        }
        return models
    }

    @Test func everyLetterTemplateIsFilledAsSwiftMustacheFillsItForEveryExample() throws {
        let catalog = try Self.catalog.get()
        var library = MustacheLibrary()
        var filler = MustacheFiller()
        for source in Array(catalog.letters.values) + Array(catalog.partials.values) {
            let name = CompiledTemplates.name(of: source)
            library.register(try MustacheTemplate(string: source.text), named: name)
            let registered = filler.register(source.text, named: name)
            #expect(registered, "\(source.path)")
        }
        let models = try Self.models()
        #expect(models.count > 25)
        var compared = 0
        for model in models {
            // Every letter template with every model: more combinations of values than letters have.
            for source in catalog.letters.values.sorted(by: { $0.path < $1.path }) {
                let expected = library.render(model, withTemplate: source.path)
                let filled = filler.render(model, withTemplate: source.path)
                #expect(filled == expected, "\(source.path) with the model of \(model.templateName)")
                compared += 1
            }
        }
        #expect(compared > 300)
    }

    struct Values: MustacheParent {
        var name = "Ærø <&> \"Ø\" 'x' <\u{301}> a\u{301}&"
        var yes = true
        var no = false
        var list = ["én", "<to>", "tre"]
        var empty: [String] = []
        var missing: String? = nil
        var inner: Inner? = Inner()
        var count = 3

        struct Inner: MustacheParent {
            var text = "indre & ydre"
            var list = [Inner2(), Inner2()]
            func child(named key: String) -> Any? {
                switch key {
                case "text": text
                case "list": list
                default: nil
                }
            }
        }

        struct Inner2 {
            var word = "ord"
        }

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "yes": yes
            case "no": no
            case "list": list
            case "empty": empty
            case "missing": missing
            case "inner": inner
            case "count": count
            default: nil
            }
        }
    }

    /// The same values with their kinds named (`MustacheObject`), as the letter's model gives
    /// them: the filler decides these by a switch, swift-mustache by its casts.
    struct TypedValues: MustacheObject {
        let values = Values()

        struct Inner: MustacheObject {
            let inner = Values.Inner()
            func value(named key: String) -> MustacheValue? {
                switch key {
                case "text": .string(inner.text)
                case "list": .list(inner.list.map { Inner2(word: $0.word) })
                default: nil
                }
            }
        }

        struct Inner2: MustacheObject {
            var word: String
            func value(named key: String) -> MustacheValue? { key == "word" ? .string(word) : nil }
        }

        func value(named key: String) -> MustacheValue? {
            switch key {
            case "name": .string(values.name)
            case "yes": .bool(values.yes)
            case "no": .bool(values.no)
            case "list": .list(values.list)
            case "empty": .list(values.empty)
            case "missing": values.missing.map(MustacheValue.string)
            case "inner": values.inner.map { _ in .object(Inner()) }
            case "count": .int(values.count)
            default: nil
            }
        }
    }

    /// Templates where the rules part: standalone tags, indented partials, tags after text on
    /// their line, comments, "\r\n", values inside sections and lists, escaping next to marks.
    static let templates = [
        "{{#yes}}\n  a\n{{/yes}}\nb\n",
        "  {{#yes}}  \n  a\n  {{/yes}}  \nb",
        "x {{#yes}}\ny\n{{/yes}} z\n",
        "{{#no}}\nnot\n{{/no}}\n{{^no}}\nyes\n{{/no}}\n",
        "  {{>part}}\n",
        "\t{{>nested}}\n{{>part}}\nafter {{>part}} end\n",
        "{{! a comment }}\n  {{! another }}  \ntext {{! inline }} more\n",
        "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n",
        "<p>{{name}}</p>\n<p>{{inner.text}} {{missing}} {{inner.missing}}</p>\n",
        "{{#list}}\n  <li>{{.}} {{name}}</li>\n{{/list}}\n",
        "{{#inner}}{{text}}{{#list}}[{{word}}]{{/list}}{{/inner}}\n",
        "{{^empty}}\nnone\n{{/empty}}{{#empty}}never{{/empty}}\n",
        "  {{#list}}{{.}}\n  {{/list}}\n",
        "{{#missing}}x{{/missing}}{{^missing}}y{{/missing}}\n",
        "{ {{name}} }{{ name }}{\n",
        "  {{>part}}  \n  {{#yes}}{{>part}}{{/yes}}\n",
        "{{>unknown}}\n  {{>unknown}}\n",
        "{{#yes}}\n{{#list}}\n    {{>nested}}\n{{/list}}\n{{/yes}}\n",
        "{{count}} {{#count}}[{{.}}]{{/count}}{{^count}}none{{/count}} {{#name}}({{.}}){{/name}}\n",
        "{{#empty}}x{{/empty}}{{^empty}}{{.}}{{/empty}} {{#inner}}{{list}}{{.}}{{/inner}} {{inner}}\n",
        "a\rb {{#yes}}\r  c\r{{/yes}}\r\n\u{2028}{{name}}\u{2028}\u{0B}{{#yes}}\u{0B}{{/yes}}\u{0B}\n",
        "{\u{301}{{name}}{{\u{A0}name\u{A0}}} \u{301}{{#yes}} \n{{/yes}}\u{A0}{{>part}}\n",
    ]
    static let partials = [
        "part": "one {{name}}\n  two\n{{#list}}\n{{.}}\n{{/list}}\n",
        "nested": "  {{>part}}\n{{#inner}}\n  {{text}}\n{{/inner}}",
    ]

    @Test func theRulesForStandaloneTagsAndIndentedPartialsAreSwiftMustachesOwn() throws {
        var compared = 0
        for template in Self.templates {
            #expect((try? MustacheTemplate(string: template)) != nil, "\(template.debugDescription)")
            try compare(template)
            compared += 1
        }
        #expect(compared == Self.templates.count)
    }

    /// Random templates from the same pieces, sections balanced.
    @Test func randomTemplatesAreFilledAsSwiftMustacheFillsThem() throws {
        var generator = SeededGenerator(seed: 42)
        let names = ["yes", "no", "list", "empty", "missing", "inner", "count", "name"]
        let texts = ["a", " ", "  ", "\t", "\n", "\r\n", "<p>", "x y", "{", "}", "é",
                     // Characters of more than one scalar or byte next to the tags: decided as Characters.
                     "\r", "\u{301}", " \u{301}", "{\u{301}", "\u{A0}", "\u{2028}", "\u{0B}", "\u{85}"]
        func piece(_ depth: Int) -> String {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3: return texts.randomElement(using: &generator)!
            case 4: return Bool.random(using: &generator) ? "{{name}}" : "{{count}}"
            case 5: return "{{.}}"
            case 6: return "{{>part}}"
            case 7: return "{{! c }}"
            default:
                guard depth < 3 else { return "{{inner.text}}" }
                let name = names.randomElement(using: &generator)!
                let open = Bool.random(using: &generator) ? "#" : "^"
                let body = (0..<Int.random(in: 0...5, using: &generator)).map { _ in piece(depth + 1) }.joined()
                return "{{\(open)\(name)}}\(body){{/\(name)}}"
            }
        }
        for _ in 0..<3_000 {
            try compare((0..<Int.random(in: 1...8, using: &generator)).map { _ in piece(0) }.joined())
        }
    }

    func compare(_ template: String) throws {
        var library = MustacheLibrary()
        var filler = MustacheFiller()
        // A template swift-mustache refuses is refused at load and never filled.
        guard let parsed = try? MustacheTemplate(string: template) else { return }
        library.register(parsed, named: "t")
        let registered = filler.register(template, named: "t")
        // Random pieces can make a "{{{" (unescaped) tag, which the filler leaves to swift-mustache.
        if !registered && template.contains("{{{") { return }
        #expect(registered, "\(template.debugDescription)")
        for (name, text) in Self.partials {
            library.register(try MustacheTemplate(string: text), named: name)
            let registered = filler.register(text, named: name)
            #expect(registered)
        }
        let expected = library.render(Values(), withTemplate: "t")
        #expect(filler.render(Values(), withTemplate: "t") == expected, "\(template.debugDescription)")
        // The two models print their structs' descriptions differently, and nothing else.
        let expectedTyped = library.render(TypedValues(), withTemplate: "t")
        #expect(filler.render(TypedValues(), withTemplate: "t") == expectedTyped, "typed: \(template.debugDescription)")
    }

    @Test func tagsItDoesNotReadAreLeftToSwiftMustache() {
        var filler = MustacheFiller()
        for template in ["{{{name}}}", "{{&name}}", "{{=<% %>=}}", "{{first(list)}}", "{{.name}}", "{{#a}}", "{{<p}}{{/p}}", "{{$b}}x{{/b}}", "{{>*part}}"] {
            let registered = filler.register(template, named: "t")
            #expect(!registered, "\(template)")
        }
    }

    @Test func escapingIsSwiftMustachesCharacterByCharacter() {
        for text in ["plain", "a<b", "<\u{301}x", "x\u{301}<", "&&", "'\"", "é&é", "\u{1F600}>", "\r\n<", "<\r\n"] {
            var reference = ""
            for c in text {
                switch c {
                case "<": reference += "&lt;"
                case ">": reference += "&gt;"
                case "&": reference += "&amp;"
                case "\"": reference += "&quot;"
                case "'": reference += "&#39;"
                default: reference.append(c)
                }
            }
            #expect(MustacheFiller.escaped(text) == reference, "\(text.debugDescription)")
        }
    }
}
