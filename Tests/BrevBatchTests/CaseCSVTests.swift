@testable import BrevBatch
import BrevCore
import BrevPipeline
import BrevStore
import BrevTestSupport
import Foundation
import Testing

@Suite struct CaseCSVTests {
    func read(_ csv: String) throws -> [RawCase] {
        let path = try TestSupport.writeTemporary(Array(csv.utf8), name: "cases.csv")
        let reader = try CaseCSVReader(path: path)
        var rows: [RawCase] = []
        while let row = try reader.nextCase() { rows.append(row) }
        return rows
    }

    func object(_ row: RawCase) throws -> NSDictionary {
        try JSONSerialization.jsonObject(with: Data(row.bytes)) as! NSDictionary
    }

    @Test func columnsArePathsIntoTheCaseWithTypes() throws {
        let rows = try read(#"""
            case_number,anonymous:bool,citizen.address.street,begrundelse.facts[0],begrundelse.facts[1],legal_basis:json,n:number,custody_holders[0].name
            27.36.08-G01-1-26,false,"Vej 1, 2. th.","at ""a""",,"[""SEL_101""]",3,A
            """#)
        #expect(rows.count == 1)
        #expect(rows[0].line == 2)
        #expect(rows[0].problems.isEmpty)
        let expected: NSDictionary = [
            "case_number": "27.36.08-G01-1-26", "anonymous": false, "citizen": ["address": ["street": "Vej 1, 2. th."]],
            "begrundelse": ["facts": ["at \"a\""]], "legal_basis": ["SEL_101"], "n": 3, "custody_holders": [["name": "A"]],
        ]
        #expect(try object(rows[0]) == expected)
    }

    @Test func semicolonsAByteOrderMarkAndLineBreaksInsideQuotes() throws {
        let rows = try read("\u{FEFF}case_number;begrundelse.assessment\n1;\"first\nsecond\"\n\n2;x\n")
        #expect(rows.map(\.line) == [2, 5])
        #expect(try object(rows[0]) == ["case_number": "1", "begrundelse": ["assessment": "first\nsecond"]] as NSDictionary)
    }

    @Test func aCellOfTheWrongTypeIsLeftForThePipelineToRefuseByItsPath() throws {
        let rows = try read("anonymous:bool\nja\n")
        #expect(try object(rows[0]) == ["anonymous": "ja"] as NSDictionary)
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        #expect(pipeline.check(caseJSON: rows[0].bytes).contains { $0.code == .wrongType && $0.location == .jsonPath("$.anonymous") })
    }

    @Test func aRowWithTooManyCellsOrAnOpenQuoteIsRefused() throws {
        let rows = try read("a,b\n1,2,3\n\"open\n")
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[0].problems.map(\.code) == ["CSV_COLUMN_COUNT"])
        #expect(rows[1].problems.map(\.code) == ["CSV_UNTERMINATED_QUOTE"])
    }

    @Test func aBadHeaderStopsTheRunNamingTheColumn() throws {
        for header in ["a,a", "a,a.b", "a[0],a.b", "a:text", "a b", "a[x]"] {
            let path = try TestSupport.writeTemporary(Array("\(header)\n1,2\n".utf8), name: "bad.csv")
            #expect(throws: BatchError.self, "\(header)") { try CaseCSVReader(path: path) }
        }
    }

    /// The examples written as CSV (arrays and non-strings as `:json` cells) give the same letters as JSON Lines.
    @Test func theExamplesAsCSVGiveTheSameLetters() throws {
        var rows: [[String: String]] = []
        var refusedLines: Set<Int> = []
        var validNames: [String] = []
        var line = 1
        var rendered: [[String: String]] = []
        for name in BatchInput.examples {
            var cells: [String: String] = [:]
            try flatten(TestSupport.exampleObject(name), path: "", into: &cells)
            rows.append(cells)
            rendered.append(cells)
            line += 1 + cells.values.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
            if name.contains("invalid") { refusedLines.insert(line) } else { validNames.append(name) }
        }
        let headers = Set(rows.flatMap(\.keys)).sorted()
        var csv = headers.joined(separator: ",") + "\n"
        for row in rows { csv += headers.map { quoted(row[$0] ?? "") }.joined(separator: ",") + "\n" }
        csv += "too,few\n"
        refusedLines.insert(line + 1)

        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("cases.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let outbox = dir.appendingPathComponent("outbox").path
        let outcome = try BatchRunner.run(BatchConfiguration(input: path, outbox: outbox, jobs: 2, progress: .none,
                                                             environment: TestSupport.environment))
        #expect(outcome.exitCode == 1)
        let refused = try SQLiteBatchJournal(path: "\(outbox)/journal.sqlite").refusedCases()
        #expect(Set(refused.map(\.line)) == refusedLines)
        #expect(refused.last?.problems.map(\.code) == ["CSV_COLUMN_COUNT"])

        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        var expected: Set<String> = []
        for name in validNames {
            for letter in try pipeline.renderAll(caseJSON: TestSupport.exampleBytes(name)) { expected.insert(letter.fileBaseName) }
        }
        #expect(try OutboxContents(outbox).folders == expected)
    }

    func flatten(_ value: Any, path: String, into cells: inout [String: String]) throws {
        if let object = value as? [String: Any] {
            for (key, child) in object { try flatten(child, path: path.isEmpty ? key : "\(path).\(key)", into: &cells) }
        } else if let text = value as? String {
            cells[path] = text
        } else {
            let json = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys])
            cells["\(path):json"] = String(decoding: json, as: UTF8.self)
        }
    }

    func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
