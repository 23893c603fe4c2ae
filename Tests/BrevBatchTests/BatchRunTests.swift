@testable import BrevBatch
import BrevCore
import BrevPipeline
import BrevStore
import BrevTestSupport
import Foundation
import Testing

/// The batch run in-process on the example cases.
@Suite(.serialized) struct BatchRunTests {
    func configuration(input: String, outbox: String) -> BatchConfiguration {
        BatchConfiguration(input: input, outbox: outbox, jobs: 2, progress: .none, environment: TestSupport.environment)
    }

    func write(_ input: BatchInput) throws -> (input: String, outbox: String) {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("cases.jsonl").path
        try Data(input.jsonl).write(to: URL(fileURLWithPath: path))
        return (path, dir.appendingPathComponent("outbox").path)
    }

    @Test func examplesGoOutOnceAndTheReportListsExactlyTheRefused() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let (path, outbox) = try write(input)
        let outcome = try BatchRunner.run(configuration(input: path, outbox: outbox))
        #expect(outcome.exitCode == 1, "some cases are refused")

        let contents = try OutboxContents(outbox)
        #expect(contents.folders == input.expectedFolders)
        #expect(contents.temporaryNames.isEmpty)
        #expect(Set(contents.messageUUIDs).count == contents.messageUUIDs.count)
        #expect(contents.messageUUIDs.count == contents.messageFiles.count)

        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(outbox)/report.json"))) as! [String: Any]
        let refused = report["refused"] as! [[String: Any]]
        #expect(Set(refused.map { $0["line"] as! Int }) == input.refusedLines)
        let begrundelse = try #require(refused.first { ($0["line"] as! Int) == input.refusedLines.min() })
        let problems = begrundelse["problems"] as! [[String: String]]
        #expect(problems.contains { $0["code"] == "MISSING_BEGRUNDELSE" && $0["path"] == "$.begrundelse.facts" })
        let text = try String(contentsOfFile: "\(outbox)/report.txt", encoding: .utf8)
        #expect(text.contains("line \(input.refusedLines.max()!)\n  MALFORMED_JSON"), "\(text)")
        #expect(text.contains("MISSING_BEGRUNDELSE  $.begrundelse.facts"))
        #expect(outcome.summary.count(CaseState.done) == input.validLines.count)
    }

    @Test func anInPersonLetterIsAFolderWithThePDFAlone() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let (path, outbox) = try write(input)
        _ = try BatchRunner.run(configuration(input: path, outbox: outbox))
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let sheet = try pipeline.render(caseJSON: TestSupport.exampleBytes("anonym-information-sel101a.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(outbox)/\(sheet.fileBaseName)")
        #expect(files == ["\(sheet.fileBaseName).pdf"])
    }

    @Test func aRerunRendersAndWritesNothing() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let (path, outbox) = try write(input)
        _ = try BatchRunner.run(configuration(input: path, outbox: outbox))
        let before = try modificationTimes(outbox)
        let journal = try SQLiteBatchJournal(path: "\(outbox)/journal.sqlite")
        let lettersBefore = try journal.summary().count(LetterState.sent)

        let again = try BatchRunner.run(configuration(input: path, outbox: outbox))
        #expect(again.settledThisRun == 0)
        #expect(again.lettersSentThisRun == 0)
        #expect(try modificationTimes(outbox) == before)
        #expect(try journal.summary().count(LetterState.sent) == lettersBefore)
        #expect(again.exitCode == 1)
    }

    @Test func neitherJournalNorReportHoldsACPRNumberOrAName() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let (path, outbox) = try write(input)
        _ = try BatchRunner.run(configuration(input: path, outbox: outbox))
        var secrets: Set<String> = []
        for name in BatchInput.examples {
            guard let citizen = try TestSupport.exampleObject(name)["citizen"] as? [String: Any] else { continue }
            for key in ["cpr", "name"] { if let value = citizen[key] as? String { secrets.insert(value) } }
        }
        #expect(secrets.count > 5)
        for file in ["journal.sqlite", "report.json", "report.txt"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(outbox)/\(file)"))
            for secret in secrets {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds a personal value")
            }
        }
    }

    @Test func aChangedInputIsNotMixedIntoAnOldJournal() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let (path, outbox) = try write(input)
        _ = try BatchRunner.run(configuration(input: path, outbox: outbox))
        var lines = input.jsonl.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        lines.swapAt(0, 2)
        try Data(lines.joined(separator: [0x0A]).map { $0 }).write(to: URL(fileURLWithPath: path))
        #expect(throws: BatchError.self) { try BatchRunner.run(configuration(input: path, outbox: outbox)) }
    }

    @Test func theSameCaseTwiceGoesOutOnceAndTheReportSaysSo() throws {
        let line = try TestSupport.exampleBytes("afslag-doegn-sel101.json").filter { $0 != 0x0A }
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("cases.jsonl").path
        try Data(line + [0x0A] + line + [0x0A]).write(to: URL(fileURLWithPath: path))
        let outbox = dir.appendingPathComponent("outbox").path
        // One worker, so line 1 goes first (with two, either line may be the one that finds the letter sent).
        var oneWorker = configuration(input: path, outbox: outbox)
        oneWorker.jobs = 1
        let outcome = try BatchRunner.run(oneWorker)
        #expect(outcome.exitCode == 0)
        #expect(outcome.summary.count(CaseState.done) == 2)
        #expect(outcome.summary.count(LetterState.sent) == 1)
        #expect(try OutboxContents(outbox).folders.count == 1)
        let report = try BatchReport(journal: SQLiteBatchJournal(path: "\(outbox)/journal.sqlite"))
        #expect(report.duplicates.map(\.line) == [2])
        #expect(report.duplicates.map(\.sameAsLine) == [1])
        #expect(report.text.contains("line 2, case 27.36.08-G01-1042-26: same letters as line 1"))
    }

    func modificationTimes(_ outbox: String) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for folder in try OutboxContents(outbox).folders {
            for file in try FileManager.default.contentsOfDirectory(atPath: "\(outbox)/\(folder)") {
                let path = "\(outbox)/\(folder)/\(file)"
                times[path] = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            }
        }
        return times
    }
}
