import BrevCore

/// The partials each template includes, checked when the catalog loads: every included partial
/// must exist (Mustache would silently leave it out, dropping a paragraph), and no partial may
/// include itself, directly or through others (Mustache would recurse until the stack overflows).
enum PartialIncludes {
    struct Include {
        var name: String
        var line: Int
    }

    static func includes(of source: TemplateSource) -> [Include] {
        source.tags.filter { $0.kind == .partial }.map { Include(name: $0.name, line: $0.line) }
    }

    static func check(letters: [String: TemplateSource], partials: [String: TemplateSource]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var graph: [String: [Include]] = [:]
        let sources = letters.values.map { (name: String?.none, source: $0) } + partials.map { (name: Optional($0.key), source: $0.value) }
        for (name, source) in sources.sorted(by: { $0.source.path < $1.source.path }) {
            let found = includes(of: source)
            for include in found where partials[include.name] == nil {
                problems.append(.error(.templatePartialMissing, at: .file(path: source.path, line: include.line, column: nil),
                                       "includes the partial '\(include.name)', but partials/\(include.name).xhtml does not exist"))
            }
            if let name { graph[name] = found.filter { partials[$0.name] != nil } }
        }
        // Depth-first search with an explicit stack: a cycle is an include that leads back to a
        // partial still on the path. The path is never longer than the number of partials.
        var finished: Set<String> = []
        for start in graph.keys.sorted() where !finished.contains(start) {
            var path: [(name: String, next: Int)] = [(start, 0)]
            while let top = path.last {
                let edges = graph[top.name] ?? []
                guard top.next < edges.count else {
                    finished.insert(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let include = edges[top.next]
                if let loopStart = path.firstIndex(where: { $0.name == include.name }) {
                    let loop = path[loopStart...].map(\.name) + [include.name]
                    problems.append(.error(.templatePartialCycle,
                                           at: .file(path: partials[top.name]!.path, line: include.line, column: nil),
                                           "the partial '\(include.name)' includes itself: \(loop.joined(separator: " → "))"))
                } else if !finished.contains(include.name) {
                    path.append((include.name, 0))
                }
            }
        }
        return problems
    }
}
