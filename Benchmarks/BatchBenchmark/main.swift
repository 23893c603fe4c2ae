// Letters per second of `brev batch` (in-process, into the outbox folder) on 1 and 2 jobs for N
// generated letters, and the journal's share of a letter's cost: the same journal calls a
// worker makes per letter, timed alone on a fresh SQLite journal, against the whole run.
// Wall time (the batch is parallel); the machine is shared, so compare figures within one run.
// Run: swift build -c release --product batch-benchmark && .build/release/batch-benchmark [letters]
import BrevBatch
import BrevCore
import BrevStore
import Foundation

let letters = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 400 : 400

guard let root = BrevEnvironment.locateResources() else {
    print("run from the repository: LetterTemplates/ and Fonts/ not found")
    exit(2)
}
let environment = BrevEnvironment(resourceRoot: root, today: CivilDate(year: 2026, month: 11, day: 24)!)
let example = try JSONSerialization.jsonObject(
    with: Data(contentsOf: root.appendingPathComponent("Examples/cases/afslag-doegn-sel101.json"))) as! [String: Any]
let jsonl: [UInt8] = try (0..<letters).flatMap { i -> [UInt8] in
    var c = example
    c["case_number"] = "27.36.08-G01-\(50000 + i)-26"
    return Array(try JSONSerialization.data(withJSONObject: c)) + [0x0A]
}
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("brev-batch-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let input = scratch.appendingPathComponent("cases.jsonl").path
try Data(jsonl).write(to: URL(fileURLWithPath: input))

func runBatch(jobs: Int) throws -> Double {
    let outbox = scratch.appendingPathComponent("outbox-\(jobs)").path
    let start = Date()
    let outcome = try BatchRunner.run(BatchConfiguration(input: input, outbox: outbox, jobs: jobs, progress: .none,
                                                         environment: environment))
    let seconds = Date().timeIntervalSince(start)
    guard outcome.lettersSentThisRun == letters else {
        print("expected \(letters) letters, sent \(outcome.lettersSentThisRun)")
        exit(1)
    }
    return seconds
}

/// The journal calls of one single-letter case, as CaseWorker makes them, N times.
func journalAlone() throws -> Double {
    let journal = try SQLiteBatchJournal(path: scratch.appendingPathComponent("journal-alone.sqlite").path)
    let start = Date()
    for line in 1...letters {
        let id = "letter-\(line)"
        try journal.startCase(line: line, inputSHA256: String(repeating: "a", count: 64), caseNumber: "27.36.08-G01-\(line)-26")
        _ = try journal.sentLetter(letterId: id)
        try journal.recordRendered(LetterEntry(letterId: id, line: line, messageUUID: UUID().uuidString, templateVersion: "t",
                                               fontVersion: "f", pdfSHA256: String(repeating: "b", count: 64), renderMilliseconds: 10))
        try journal.recordSent(letterId: id, dispatchedAt: Date(), sendMilliseconds: 1)
        try journal.completeCase(line: line, sameAsLine: nil)
    }
    return Date().timeIntervalSince(start)
}

let one = try runBatch(jobs: 1)
let two = try runBatch(jobs: 2)
let journal = try journalAlone()
func f(_ x: Double) -> String { String(format: "%.1f", x) }
print("letters: \(letters)")
print("1 job:  \(f(Double(letters) / one)) letters/s (\(f(one * 1000 / Double(letters))) ms a letter)")
print("2 jobs: \(f(Double(letters) / two)) letters/s (speed-up \(String(format: "%.2f", one / two))×)")
print("journal alone: \(String(format: "%.2f", journal * 1000 / Double(letters))) ms a letter = "
      + "\(f(100 * journal / one))% of a letter's cost on 1 job")
