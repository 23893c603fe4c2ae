import Foundation
import Mustache

/// The Mustache library letters are filled from, parsed as letters need it (issue 15): a start
/// whose templates passed every check before (`CheckedResources`) parses only the template of
/// the kind it renders and the partials that template includes, each once per process, instead
/// of all 28 files. A catalog that checked its templates at load hands in the library it built.
final class CompiledTemplates: @unchecked Sendable {
    /// Every file by the name the library registers it under: a letter by its path, a partial
    /// by its file name without `.xhtml` (how templates include it).
    private let sources: [String: TemplateSource]
    private let lock = NSLock()
    private var library: MustacheLibrary
    /// The same templates for `MustacheFiller`, which fills them as swift-mustache does with
    /// less work; while every template parsed so far is one it reads, letters are filled by it.
    private var filler = MustacheFiller()
    private var fillerRefused: Set<String> = []
    /// Names already parsed (or found not to parse: never tried twice).
    private var parsed: Set<String>

    init(letters: [String: TemplateSource], partials: [String: TemplateSource],
         library: MustacheLibrary = MustacheLibrary(), parsed: Set<String> = []) {
        self.sources = Dictionary((Array(letters.values) + Array(partials.values)).map { (CompiledTemplates.name(of: $0), $0) },
                                  uniquingKeysWith: { first, _ in first })
        self.library = library
        self.parsed = parsed
        for name in parsed.sorted() {
            if let source = sources[name], !filler.register(source.text, named: name) { fillerRefused.insert(name) }
        }
    }

    /// The name `source` is registered under.
    static func name(of source: TemplateSource) -> String {
        source.isPartial ? String((source.path as NSString).lastPathComponent.dropLast(".xhtml".count)) : source.path
    }

    /// Fills the template registered as `name` (a letter's path) with `model`; nil if there is
    /// no such template.
    func render(_ model: Any, withTemplate name: String) -> String? {
        let (ready, fast) = lock.withLock { () -> (MustacheLibrary, MustacheFiller?) in
            parse(name)
            return (library, fillerRefused.isEmpty ? filler : nil)
        }
        if let fast, fast.contains(name), let filled = fast.render(model, withTemplate: name) { return filled }
        return ready.render(model, withTemplate: name)
    }

    /// Parses `name` and, through its partial tags, every file it includes. Called with the lock
    /// held. Only templates that parsed before reach here, so a failure is not expected; a file
    /// that fails is left out and its letter is refused as not registered.
    private func parse(_ name: String) {
        var pending = [name]
        while let next = pending.popLast() {
            guard !parsed.contains(next), let source = sources[next] else { continue }
            parsed.insert(next)
            if let template = try? MustacheTemplate(string: source.text) {
                library.register(template, named: next)
                if !filler.register(source.text, named: next) { fillerRefused.insert(next) }
            }
            pending += PartialIncludes.includes(of: source).map(\.name)
        }
    }
}
