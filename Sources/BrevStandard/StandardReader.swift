import BrevCase
import BrevCore
import Foundation
import Yams

/// Reads a quality standard's content YAML into `StandardContent`. Every problem names the file,
/// the line and the key, never the text around it.
public enum StandardReader {
    public static func read(path: String) throws(DiagnosticsError) -> StandardContent {
        let file = (path as NSString).lastPathComponent
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DiagnosticsError([.error(.standardNotFound, at: .file(path: file, line: 1, column: nil), "cannot read the standard's content")])
        }
        return try read(yaml: text, file: file)
    }

    public static func read(yaml: String, file: String) throws(DiagnosticsError) -> StandardContent {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DiagnosticsError([syntaxError(error, file: file)])
        } catch {
            throw DiagnosticsError([.error(.standardInvalid, at: .file(path: file, line: 1, column: nil), "not valid YAML")])
        }
        let reader = NodeReader(file: file)
        guard let node else {
            throw DiagnosticsError([reader.problem(line: 1, "the file is empty")])
        }
        let content = reader.standard(node)
        if !reader.problems.isEmpty { throw DiagnosticsError(reader.problems) }
        return content
    }

    private static func syntaxError(_ error: YamlError, file: String) -> Diagnostic {
        var line = 1
        var problem = "not valid YAML"
        switch error {
        case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
            line = mark.line
            problem = "not valid YAML: \(p)"
        default:
            break
        }
        return .error(.standardInvalid, at: .file(path: file, line: line, column: nil), problem)
    }
}

/// Walks the YAML tree, collecting every problem rather than stopping at the first.
private final class NodeReader {
    let file: String
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    func problem(line: Int, _ message: String) -> Diagnostic {
        .error(.standardInvalid, at: .file(path: file, line: line, column: nil), message)
    }

    func report(_ node: Node?, _ message: String) {
        problems.append(problem(line: node?.mark?.line ?? 1, message))
    }

    func mapping(_ node: Node, _ what: String) -> [(key: String, value: Node)] {
        guard case .mapping(let m) = node else {
            report(node, "\(what) must be a mapping of keys")
            return []
        }
        return m.map { (key: $0.key.string ?? "", value: $0.value) }
    }

    /// The line of a key itself (a value's line is where its text starts, often the next line).
    func keyLine(_ node: Node, _ key: String) -> Int? {
        guard case .mapping(let m) = node else { return nil }
        return m.first { $0.key.string == key }?.key.mark?.line
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let s) = node else {
            report(node, "\(what) must be text")
            return nil
        }
        return s.string
    }

    func sequence(_ node: Node, _ what: String) -> [Node] {
        guard case .sequence(let s) = node else {
            report(node, "\(what) must be a list")
            return []
        }
        return Array(s)
    }

    func checkKeys(_ members: [(key: String, value: Node)], allowed: Set<String>, in what: String) {
        for member in members where !allowed.contains(member.key) {
            report(member.value, "\(what): unknown key '\(member.key)' (known: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func standard(_ node: Node) -> StandardContent {
        let members = mapping(node, "the standard")
        checkKeys(members, allowed: ["profile", "edition", "title", "subtitle", "status", "adoption", "preface", "sections", "corrections"],
                  in: "the standard")
        func value(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        func required(_ key: String) -> String {
            if let s = string(value(key), key), !s.isEmpty { return s }
            if value(key) == nil { report(node, "missing key '\(key)'") }
            return ""
        }
        let sectionsNode = value("sections")
        if sectionsNode == nil { report(node, "missing key 'sections'") }
        return StandardContent(
            file: file,
            profile: required("profile"),
            edition: required("edition"),
            title: required("title"),
            subtitle: string(value("subtitle"), "subtitle"),
            status: string(value("status"), "status"),
            adoption: adoption(value("adoption"), parent: node),
            preface: value("preface").map { blocks($0, "preface") } ?? [],
            sections: sectionsNode.map { sequence($0, "sections").map(section) } ?? [],
            corrections: value("corrections").map { sequence($0, "corrections").map(correction) } ?? [],
            sectionsLine: keyLine(node, "sections") ?? 1)
    }

    func adoption(_ node: Node?, parent: Node) -> Adoption {
        let line = keyLine(parent, "adoption") ?? 1
        guard let node else {
            return Adoption(body: nil, date: nil, dateText: nil, nextRevision: nil, line: line)
        }
        let members = mapping(node, "adoption")
        checkKeys(members, allowed: ["body", "date", "date_text", "next_revision"], in: "adoption")
        func value(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        func date(_ key: String) -> CivilDate? {
            guard let text = string(value(key), "adoption.\(key)"), !text.isEmpty else { return nil }
            guard let date = CivilDate(iso: text) else {
                report(value(key), "adoption.\(key) must be a date written YYYY-MM-DD")
                return nil
            }
            return date
        }
        return Adoption(body: string(value("body"), "adoption.body").flatMap { $0.isEmpty ? nil : $0 },
                        date: date("date"), dateText: string(value("date_text"), "adoption.date_text"),
                        nextRevision: date("next_revision"), line: line)
    }

    func section(_ node: Node) -> Section {
        let members = mapping(node, "a section")
        checkKeys(members, allowed: ["heading", "covers", "content", "sections"], in: "a section")
        func value(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        let heading = string(value("heading"), "heading") ?? ""
        if heading.isEmpty { report(node, "a section needs a heading") }
        let covers = value("covers").map { sequence($0, "covers").compactMap { string($0, "covers") } } ?? []
        let known = Set(KvalitetsstandardRequirements.all.map(\.key))
        for key in covers where !known.contains(key) {
            report(value("covers"), "covers: '\(key)' is not an item of the checklist (1–15 or children)")
        }
        return Section(heading: heading, covers: covers,
                       content: value("content").map { blocks($0, "content") } ?? [],
                       sections: value("sections").map { sequence($0, "sections").map(section) } ?? [],
                       line: node.mark?.line ?? 1)
    }

    func blocks(_ node: Node, _ what: String) -> [ContentBlock] {
        sequence(node, what).compactMap(block)
    }

    func block(_ node: Node) -> ContentBlock? {
        let line = node.mark?.line ?? 1
        if case .scalar(let s) = node { return .paragraph(s.string, line: line) }
        let members = mapping(node, "a block")
        guard let first = members.first else { return nil }
        func value(_ key: String) -> Node? { members.first { $0.key == key }?.value }
        switch first.key {
        case "list", "numbered":
            checkKeys(members, allowed: [first.key], in: "a list")
            let items = sequence(first.value, first.key).map { item -> [ContentBlock] in
                if case .sequence = item { return blocks(item, "a list item") }
                return block(item).map { [$0] } ?? []
            }
            return .list(ordered: first.key == "numbered", items: items, line: line)
        case "table":
            let table = mapping(first.value, "table")
            checkKeys(table, allowed: ["header", "rows"], in: "table")
            let header = table.first { $0.key == "header" }.map { sequence($0.value, "header").compactMap { string($0, "header") } } ?? []
            let rows = table.first { $0.key == "rows" }.map {
                sequence($0.value, "rows").map { sequence($0, "a row").compactMap { string($0, "a cell") } }
            } ?? []
            for row in rows where !header.isEmpty && row.count != header.count {
                report(first.value, "table: every row needs \(header.count) cells, as the header has")
            }
            return .table(header: header, rows: rows, line: line)
        case "question":
            checkKeys(members, allowed: ["question", "answer"], in: "a question")
            let answer = value("answer").map { blocks($0, "answer") } ?? []
            if answer.isEmpty { report(node, "a question needs an answer") }
            return .question(string(first.value, "question") ?? "", answer: answer, line: line)
        default:
            report(node, "a block is text, or one of list, numbered, table, question; not '\(first.key)'")
            return nil
        }
    }

    func correction(_ node: Node) -> Correction {
        let members = mapping(node, "a correction")
        checkKeys(members, allowed: ["seed", "published", "reason"], in: "a correction")
        func text(_ key: String) -> String {
            string(members.first { $0.key == key }?.value, key) ?? ""
        }
        let correction = Correction(seed: text("seed"), published: text("published"), reason: text("reason"), line: node.mark?.line ?? 1)
        // An addition has no seed wording; a deletion no published wording; neither may lack both.
        if correction.seed.isEmpty && correction.published.isEmpty { report(node, "a correction needs 'seed' or 'published'") }
        if correction.reason.isEmpty { report(node, "a correction needs 'reason'") }
        return correction
    }
}
