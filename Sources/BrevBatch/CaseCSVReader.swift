import BrevCore
import BrevStore
import Foundation

/// Reads cases from CSV, one row per case, streaming like `CaseLineReader`, and turns each row
/// into case JSON by its header. The mapping (README, "brev batch"):
///
/// - The first row names the columns. Each name is a JSON path into the case, without `$.`:
///   `case_number`, `citizen.address.street`, `begrundelse.facts[0]`, `custody_holders[1].name`.
/// - A cell is a string, unless the column name ends in `:bool` (`true`/`false`), `:number`
///   or `:json` (the cell holds JSON, for instance `["SEL_101"]`). A cell that is not what its
///   column says is passed on as a string, so the case is refused with `WRONG_TYPE` at its path.
/// - An empty cell leaves the field out; items of an array keep the order of their columns.
/// - RFC 4180 quoting (`"…"`, `""` for a quote, line breaks inside quotes); `,` separates cells,
///   or `;` when the header has semicolons and no commas (as Danish spreadsheets write it).
///   A UTF-8 byte order mark is skipped.
///
/// A case's line number is the line its row starts on. A row with a different number of cells
/// than the header is refused (`CSV_COLUMN_COUNT`), and so is an unterminated quote
/// (`CSV_UNTERMINATED_QUOTE`).
final class CaseCSVReader: CaseSource {
    private let lines: CaseLineReader
    private var columns: [CSVColumn] = []
    private var separator = UInt8(ascii: ",")

    init(path: String) throws(BatchError) {
        lines = try CaseLineReader(path: path, keepBlankLines: true)
        guard var header = try lines.next() else { throw .cannotRun("the CSV input has no header row") }
        if header.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { header.bytes.removeFirst(3) }
        if !header.bytes.contains(UInt8(ascii: ",")) && header.bytes.contains(UInt8(ascii: ";")) {
            separator = UInt8(ascii: ";")
        }
        guard case .complete(let names) = Self.split(header.bytes, separator: separator) else {
            throw .cannotRun("the CSV header has an unterminated quote")
        }
        columns = try names.enumerated().map { (index, name) throws(BatchError) in
            try CSVColumn(String(decoding: name, as: UTF8.self), number: index + 1)
        }
        try CSVColumn.checkConsistent(columns)
    }

    func nextCase() throws(BatchError) -> RawCase? {
        guard let first = try lines.next() else { return nil }
        var record = first.bytes
        while true {
            switch Self.split(record, separator: separator) {
            case .complete(let cells):
                if cells.count == 1 && CaseLineReader.isBlank(cells[0]) { return try nextCase() }
                guard cells.count == columns.count else {
                    return RawCase(line: first.line, bytes: record,
                                     problems: [.init(code: DiagnosticCode.csvColumnCount.rawValue, path: "-")])
                }
                return RawCase(line: first.line, bytes: CSVColumn.json(cells: cells, columns: columns))
            case .openQuote:
                // A quoted cell goes on over the line break.
                guard let more = try lines.next() else {
                    return RawCase(line: first.line, bytes: record, problems: [.init(code: DiagnosticCode.csvUnterminatedQuote.rawValue, path: "-")])
                }
                record += [0x0A] + more.bytes
            }
        }
    }

    enum Split {
        case complete([[UInt8]])
        case openQuote
    }

    static func split(_ record: [UInt8], separator: UInt8) -> Split {
        let quote = UInt8(ascii: "\"")
        var cells: [[UInt8]] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var i = 0
        while i < record.count {
            let byte = record[i]
            if inQuotes {
                if byte == quote {
                    if i + 1 < record.count && record[i + 1] == quote {
                        cell.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.append(byte)
                }
            } else if byte == quote {
                inQuotes = true
            } else if byte == separator {
                cells.append(cell)
                cell = []
            } else {
                cell.append(byte)
            }
            i += 1
        }
        if inQuotes { return .openQuote }
        cells.append(cell)
        return .complete(cells)
    }
}

/// One column of the CSV mapping: where its cells go in the case JSON, and as what type.
struct CSVColumn {
    enum Kind: String { case string, bool, number, json }
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    var name: String
    var steps: [Step]
    var kind: Kind

    init(_ header: String, number: Int) throws(BatchError) {
        name = header.trimmingCharacters(in: .whitespaces)
        var path = name
        kind = .string
        if let colon = path.lastIndex(of: ":") {
            guard let k = Kind(rawValue: String(path[path.index(after: colon)...])) else {
                throw .cannotRun("CSV column \(number) (\(name)): the type after ':' is bool, number or json")
            }
            kind = k
            path = String(path[..<colon])
        }
        var steps: [Step] = []
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(segment)
            let key = rest.prefix { $0 != "[" }
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw .cannotRun("CSV column \(number) (\(name)) is not a JSON path such as citizen.address.street or begrundelse.facts[0]")
            }
            steps.append(.key(String(key)))
            rest = rest.dropFirst(key.count)
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else {
                    throw .cannotRun("CSV column \(number) (\(name)) has a bad array index")
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else {
                throw .cannotRun("CSV column \(number) (\(name)) is not a JSON path such as citizen.address.street or begrundelse.facts[0]")
            }
        }
        self.steps = steps
    }

    /// No two columns for one field, and no field both a value and a container.
    static func checkConsistent(_ columns: [CSVColumn]) throws(BatchError) {
        var leaves: Set<[Step]> = []
        // Each container, and whether it is an array (its next step an index) or an object.
        var containers: [[Step]: Bool] = [:]
        for column in columns {
            if leaves.contains(column.steps) || containers[column.steps] != nil {
                throw .cannotRun("CSV column \(column.name) names a field another column already fills")
            }
            for n in 1..<column.steps.count {
                let prefix = Array(column.steps[0..<n])
                if leaves.contains(prefix) { throw .cannotRun("CSV column \(column.name) goes inside a field another column fills") }
                var isArray = false
                if case .index = column.steps[n] { isArray = true }
                if let known = containers[prefix], known != isArray {
                    throw .cannotRun("CSV column \(column.name) makes a field both an array and an object")
                }
                containers[prefix] = isArray
            }
            leaves.insert(column.steps)
        }
    }

    func value(_ cell: [UInt8]) -> Any {
        let text = String(decoding: cell, as: UTF8.self)
        switch kind {
        case .string: return text
        case .bool:
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": return true
            case "false": return false
            default: return text
            }
        case .number:
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let int = Int(trimmed) { return int }
            if let double = Double(trimmed), double.isFinite { return double }
            return text
        case .json:
            return (try? JSONSerialization.jsonObject(with: Data(cell), options: [.fragmentsAllowed])) ?? text
        }
    }

    /// The case JSON of one row.
    static func json(cells: [[UInt8]], columns: [CSVColumn]) -> [UInt8] {
        let root = Node.object([:])
        for (cell, column) in zip(cells, columns) where !cell.isEmpty {
            root.insert(column.value(cell), at: column.steps[...])
        }
        let data = (try? JSONSerialization.data(withJSONObject: root.json, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Array(data)
    }

    /// The tree a row is built in: objects by key, arrays by index (gaps closed at the end).
    final class Node {
        enum Content {
            case object([String: Node])
            case array([Int: Node])
            case value(Any)
        }
        var content: Content
        init(_ content: Content) { self.content = content }
        static func object(_ children: [String: Node]) -> Node { Node(.object(children)) }

        func insert(_ value: Any, at steps: ArraySlice<Step>) {
            guard let step = steps.first else {
                content = .value(value)
                return
            }
            let rest = steps.dropFirst()
            let fresh: () -> Node = {
                if case .index = rest.first { return Node(.array([:])) }
                return rest.isEmpty ? Node(.value(value)) : Node(.object([:]))
            }
            switch (step, content) {
            case (.key(let key), .object(var children)):
                let child = children[key] ?? fresh()
                children[key] = child
                content = .object(children)
                child.insert(value, at: rest)
            case (.index(let index), .array(var items)):
                let child = items[index] ?? fresh()
                items[index] = child
                content = .array(items)
                child.insert(value, at: rest)
            default:
                break // ruled out by checkConsistent
            }
        }

        var json: Any {
            switch content {
            case .object(let children): return children.mapValues(\.json)
            case .array(let items): return items.keys.sorted().map { items[$0]!.json }
            case .value(let value): return value
            }
        }
    }
}
