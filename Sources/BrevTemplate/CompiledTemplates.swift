import Foundation
import Mustache

/// The templates letters are filled from, parsed as letters need them (issue 15): a start whose
/// templates passed every check before (`CheckedResources`) parses only the template of the
/// kind it renders and the partials that template includes, each once per process, instead of
/// all 28 files. Letters are filled by `MustacheFiller`, which fills them as swift-mustache does
/// with less work; swift-mustache parses a template only if a letter needs it (a template or a
/// value the filler does not read). A catalog that checked its templates at load hands in the
/// swift-mustache library it built.
final class CompiledTemplates: @unchecked Sendable {
    /// Every file by the name the library registers it under: a letter by its path, a partial
    /// by its file name without `.xhtml` (how templates include it).
    private let sources: [String: TemplateSource]
    private let lock = NSLock()
    private var filler = MustacheFiller()
    /// Whether a template parsed for the filler was one it does not read: then every letter is
    /// filled by swift-mustache.
    private var fillerRefused = false
    private var library: MustacheLibrary
    /// Names already parsed for the filler, and for swift-mustache (or found not to parse:
    /// never tried twice).
    private var parsedForFiller: Set<String> = []
    private var parsed: Set<String>

    init(letters: [String: TemplateSource], partials: [String: TemplateSource],
         library: MustacheLibrary = MustacheLibrary(), parsed: Set<String> = []) {
        self.sources = Dictionary((Array(letters.values) + Array(partials.values)).map { (CompiledTemplates.name(of: $0), $0) },
                                  uniquingKeysWith: { first, _ in first })
        self.library = library
        self.parsed = parsed
    }

    /// The name `source` is registered under.
    static func name(of source: TemplateSource) -> String {
        source.isPartial ? String((source.path as NSString).lastPathComponent.dropLast(".xhtml".count)) : source.path
    }

    /// Fills the template registered as `name` (a letter's path) with `model`; nil if there is
    /// no such template.
    func render(_ model: Any, withTemplate name: String) -> String? {
        let fast = lock.withLock { () -> MustacheFiller? in
            parseForFiller(name)
            return fillerRefused ? nil : filler
        }
        if let fast, fast.contains(name), let filled = fast.render(model, withTemplate: name) { return filled }
        let ready = lock.withLock { () -> MustacheLibrary in
            parse(name)
            return library
        }
        return ready.render(model, withTemplate: name)
    }

    /// `name` and every file it includes, for the filler. Called with the lock held.
    private func parseForFiller(_ name: String) {
        var pending = [name]
        while let next = pending.popLast() {
            guard !parsedForFiller.contains(next), let source = sources[next] else { continue }
            parsedForFiller.insert(next)
            if !filler.register(source.text, named: next) { fillerRefused = true }
            pending += PartialIncludes.includes(of: source).map(\.name)
        }
    }

    /// Parses `name` and, through its partial tags, every file it includes, for swift-mustache.
    /// Called with the lock held. Only templates that parsed before reach here, so a failure
    /// is not expected; a file that fails is left out and its letter is refused as not registered.
    private func parse(_ name: String) {
        var pending = [name]
        while let next = pending.popLast() {
            guard !parsed.contains(next), let source = sources[next] else { continue }
            parsed.insert(next)
            if let template = try? MustacheTemplate(string: source.text) {
                library.register(template, named: next)
            }
            pending += PartialIncludes.includes(of: source).map(\.name)
        }
    }
}
