import BrevCore
import BrevDocument
import Foundation
import Mustache

/// The templates in `LetterTemplates/`: one folder per letter kind under `letters/` (its
/// template is `letter.xhtml`) and shared parts under `partials/`. Every file is checked when
/// the catalog loads, so a broken template fails at start-up with its file and line, not in
/// the middle of a batch.
public struct TemplateCatalog: Sendable {
    public let letters: [String: TemplateSource]
    public let partials: [String: TemplateSource]
    /// Parsed when first filled if the templates passed their checks before (`CompiledTemplates`).
    let library: CompiledTemplates
    /// The model type every letter template was checked against at load; a model of this type
    /// needs no check per letter.
    let checkedModelType: ObjectIdentifier?

    /// `modelSpecimen`: a model in which every optional value is set and every list holds one
    /// element (`LetterModel.specimen`). Each letter template is checked against it once, here,
    /// so a template naming a value the model's type does not have is refused at load with its
    /// file and line, and letters of that type are filled without a check of their own.
    ///
    /// `checked`: markers of earlier passes (`CheckedResources`); templates whose bytes passed
    /// the lint and the specimen check before, with this brev executable, are not checked again.
    public static func load(directory: URL, modelSpecimen: Any? = nil,
                            checked: CheckedResources? = nil) throws(DiagnosticsError) -> TemplateCatalog {
        var letters: [String: TemplateSource] = [:]
        var partials: [String: TemplateSource] = [:]
        var unreadable: [Diagnostic] = []
        let fm = FileManager.default
        // A file that cannot be read or is not UTF-8 is an error, never skipped: a skipped partial drops its paragraph.
        // Paths as strings: URL's path arithmetic cost a start more than reading the files.
        let root = directory.path
        func read(as path: String) -> String? {
            guard let data = fm.contents(atPath: "\(root)/\(path)") else {
                unreadable.append(.error(.templateMissing, at: .file(path: path, line: 1, column: nil), "cannot read the template"))
                return nil
            }
            if let line = UTF8Validation.lineOfFirstInvalidByte(Array(data)) {
                unreadable.append(.error(.templateNotUTF8, at: .file(path: path, line: line, column: nil), "the template is not valid UTF-8"))
                return nil
            }
            return String(decoding: data, as: UTF8.self)
        }
        let lettersDir = directory.appendingPathComponent("letters")
        for kind in ((try? fm.contentsOfDirectory(atPath: lettersDir.path)) ?? []).sorted() {
            let path = "letters/\(kind)/letter.xhtml"
            if fm.fileExists(atPath: "\(root)/\(path)"), let text = read(as: path) {
                letters[kind] = TemplateSource(path: path, text: text, isPartial: false)
            }
        }
        let partialsDir = directory.appendingPathComponent("partials")
        for name in ((try? fm.contentsOfDirectory(atPath: partialsDir.path)) ?? []).sorted() where name.hasSuffix(".xhtml") {
            if let text = read(as: "partials/\(name)") {
                let key = String(name.dropLast(".xhtml".count))
                partials[key] = TemplateSource(path: "partials/\(name)", text: text, isPartial: true)
            }
        }
        if !unreadable.isEmpty { throw DiagnosticsError(unreadable) }
        if letters.isEmpty {
            throw DiagnosticsError([.error(.templateMissing, at: .file(path: lettersDir.path, line: 1, column: nil),
                                           "no letter templates found")])
        }
        return try TemplateCatalog(letters: letters, partials: partials, modelSpecimen: modelSpecimen, checked: checked)
    }

    public init(letters: [String: TemplateSource], partials: [String: TemplateSource],
                modelSpecimen: Any? = nil, checked: CheckedResources? = nil) throws(DiagnosticsError) {
        self.letters = letters
        self.partials = partials
        let sources = (Array(letters.values) + Array(partials.values)).sorted(by: { $0.path < $1.path })
        // Everything the lint and the specimen check read: the files and the model's type.
        // The mangled name: as distinct as the demangled one, without demangling at every start.
        let modelType = modelSpecimen.map { _mangledTypeName(type(of: $0)) ?? String(reflecting: type(of: $0)) } ?? "no model"
        let key = checked.map { _ in
            CheckedResources.key("templates", [Array(modelType.utf8)] + sources.flatMap { [Array($0.path.utf8), Array($0.text.utf8)] })
        }
        let checkedBefore = key.map { checked!.passed($0) } ?? false
        if checkedBefore {
            // These bytes parsed, linted, included only partials that exist and none of them in a
            // loop, and matched the model's type before: parse on first use.
            library = CompiledTemplates(letters: letters, partials: partials)
            checkedModelType = modelSpecimen.map { ObjectIdentifier(type(of: $0)) }
            return
        }
        var problems = PartialIncludes.check(letters: letters, partials: partials)
        var library = MustacheLibrary()
        var parsed: Set<String> = []
        for source in sources {
            problems += TemplateCatalog.lint(source)
            do {
                let template = try MustacheTemplate(string: source.text)
                let name = CompiledTemplates.name(of: source)
                library.register(template, named: name)
                parsed.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error(.templateSyntax, at: .file(path: source.path, line: error.context.lineNumber,
                                                                    column: error.context.columnNumber),
                                       "Mustache: \(error.error)"))
            } catch {
                problems.append(.error(.templateSyntax, at: .file(path: source.path, line: 1, column: nil), "Mustache: \(error)"))
            }
        }
        if let modelSpecimen, problems.isEmpty {
            let checker = TemplateValueChecker(partials: partials)
            for source in letters.values.sorted(by: { $0.path < $1.path }) {
                problems += checker.check(source, model: modelSpecimen)
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        if let key { checked!.recordPass(key) }
        self.library = CompiledTemplates(letters: letters, partials: partials, library: library, parsed: parsed)
        checkedModelType = modelSpecimen.map { ObjectIdentifier(type(of: $0)) }
    }

    /// The checks a template must pass before it is ever filled.
    static func lint(_ source: TemplateSource) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for tag in source.tags {
            let at = SourceLocation.file(path: source.path, line: tag.line, column: nil)
            switch tag.kind {
            case .unescaped:
                problems.append(.error(.templateUnescaped, at: at,
                                       "unescaped output ({{{ }}} or {{& }}) is not allowed: every value must be escaped"))
            case .setDelimiter:
                problems.append(.error(.templateSyntax, at: at, "changing the Mustache delimiters is not allowed"))
            default:
                break
            }
        }
        // The raw template must already be well-formed XHTML in brev's vocabulary: Mustache tags
        // stand in text and attribute values, so the structure is checked at the template's own lines.
        do {
            _ = try XHTMLReader.read(source.wellFormedText, sourceName: source.path, rawTemplate: true)
        } catch {
            problems += error.diagnostics
        }
        return problems
    }

    /// Fills the template for `kind` with `model` and parses the result into a Document.
    public func render(kind: String, model: Any) throws(DiagnosticsError) -> Document {
        let filled = try filledText(kind: kind, model: model)
        return try XHTMLReader.read(filled, sourceName: "\(letters[kind]!.path) (filled)")
    }

    /// The XHTML the template for `kind` becomes with `model`, before it is read.
    func filledText(kind: String, model: Any) throws(DiagnosticsError) -> String {
        guard let source = letters[kind] else {
            throw DiagnosticsError([.error(.templateMissing, at: .file(path: "letters/\(kind)/letter.xhtml", line: 1, column: nil),
                                           "no template for letter kind '\(kind)'")])
        }
        // A model of the checked type names nothing the specimen did not (a nil or an empty list
        // only skips content); any other model is checked letter by letter.
        if ObjectIdentifier(type(of: model)) != checkedModelType {
            let problems = TemplateValueChecker(partials: partials).check(source, model: model)
            if !problems.isEmpty { throw DiagnosticsError(problems) }
        }
        guard let filled = library.render(model, withTemplate: source.path) else {
            throw DiagnosticsError([.error(.templateMissing, at: .file(path: source.path, line: 1, column: nil), "template not registered")])
        }
        return filled
    }
}
