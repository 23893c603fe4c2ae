// Letters per second of `brev batch` (in-process, into the outbox folder) on 1 and 2 jobs for N
// generated letters, and the journal's share of a letter's cost: the same journal calls the
// runner makes (blocks of claims and settlements), timed alone on a fresh journal, against the whole run.
// Wall time (the batch is parallel); the machine is shared, so compare figures within one run.
// Run: swift build -c release --product batch-benchmark && .build/release/batch-benchmark [letters]
//   --journal postgres://user@host:port/db   also the PostgreSQL journal (a fresh database; PGPASSWORD)
//   --rss [--jobs J]                         one run on J jobs (default 2) only, then the process's peak RSS
// Benchmarks/batch-benchmark.sh runs all of it with a throwaway PostgreSQL.
import BrevBatch
import BrevCore
import BrevStore
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
var postgresURL: String?
var rssOnly = false
if let i = arguments.firstIndex(of: "--journal"), i + 1 < arguments.count {
    postgresURL = arguments[i + 1]
    arguments.removeSubrange(i...i + 1)
}
if let i = arguments.firstIndex(of: "--rss") {
    rssOnly = true
    arguments.remove(at: i)
}
var rssJobs = 2
if let i = arguments.firstIndex(of: "--jobs"), i + 1 < arguments.count, let jobs = Int(arguments[i + 1]) {
    rssJobs = jobs
    arguments.removeSubrange(i...i + 1)
}
let letters = arguments.first.flatMap(Int.init) ?? 400

guard let root = BrevEnvironment.locateResources() else {
    print("run from the repository: LetterTemplates/ and Fonts/ not found")
    exit(2)
}
let environment = BrevEnvironment(resourceRoot: root, today: CivilDate(year: 2026, month: 11, day: 24)!)
let example = try JSONSerialization.jsonObject(
    with: Data(contentsOf: root.appendingPathComponent("Examples/cases/afslag-doegn-sel101.json"))) as! [String: Any]
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("brev-batch-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let input = scratch.appendingPathComponent("cases.jsonl").path
// Written case by case: the input is never in this process's memory (10,000 cases are 26 MB, which
// the peak RSS below counted before 2026-12-01).
FileManager.default.createFile(atPath: input, contents: nil)
let inputFile = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
for i in 0..<letters {
    var c = example
    c["case_number"] = "27.36.08-G01-\(50000 + i)-26"
    try inputFile.write(contentsOf: try JSONSerialization.data(withJSONObject: c) + Data([0x0A]))
}
try inputFile.close()

func runBatch(jobs: Int, journal: String? = nil) throws -> Double {
    let outbox = scratch.appendingPathComponent("outbox-\(jobs)\(journal == nil ? "" : "-pg")").path
    let start = Date()
    let outcome = try BatchRunner.run(BatchConfiguration(input: input, outbox: outbox, journalPath: journal, jobs: jobs, progress: .none,
                                                         environment: environment))
    let seconds = Date().timeIntervalSince(start)
    guard outcome.lettersSentThisRun == letters else {
        print("expected \(letters) letters, sent \(outcome.lettersSentThisRun)")
        exit(1)
    }
    return seconds
}

/// The journal calls a worker made per letter before the blocks (claim, start, sent-letter
/// look-up, rendered, sent, complete: one commit each), for comparison in the same run.
func journalPerStep(_ journal: any BatchJournal) throws -> Double {
    let start = Date()
    for line in 1...letters {
        let id = "letter-\(line)"
        _ = try journal.claimCase(line: line, inputSHA256: String(repeating: "a", count: 64))
        try journal.startCase(line: line, inputSHA256: String(repeating: "a", count: 64), caseNumber: "27.36.08-G01-\(line)-26")
        _ = try journal.sentLetter(letterId: id)
        try journal.recordRendered(LetterEntry(letterId: id, line: line, messageUUID: UUID().uuidString, templateVersion: "t",
                                               fontVersion: "f", pdfSHA256: String(repeating: "b", count: 64), renderMilliseconds: 10))
        try journal.recordSent(letterId: id, dispatchedAt: Date(), sendMilliseconds: 1)
        try journal.completeCase(line: line, sameAsLine: nil)
    }
    return Date().timeIntervalSince(start)
}

/// The journal calls the runner makes for N single-letter cases, in blocks as it makes them:
/// a block of cases claimed in one statement (PostgreSQL; SQLite needs no claim), each letter's
/// sent-letter look-up, and the block's settlements written in one transaction.
func journalAlone(_ journal: any BatchJournal) throws -> Double {
    let block = SettlementWriter.defaultBlockSize
    let start = Date()
    for first in stride(from: 1, through: letters, by: block) {
        let lines = first...min(letters, first + block - 1)
        let sha = String(repeating: "a", count: 64)
        if journal.isShared {
            _ = try journal.claimCases(Dictionary(uniqueKeysWithValues: lines.map { ($0, sha) }))
        }
        var settlements: [CaseSettlement] = []
        for line in lines {
            let id = "letter-\(line)"
            _ = try journal.sentLetter(letterId: id)
            let entry = LetterEntry(letterId: id, line: line, messageUUID: UUID().uuidString, templateVersion: "t",
                                    fontVersion: "f", pdfSHA256: String(repeating: "b", count: 64), renderMilliseconds: 10)
            settlements.append(CaseSettlement(line: line, inputSHA256: sha, caseNumber: "27.36.08-G01-\(line)-26",
                                              outcome: .done(sameAsLine: nil),
                                              letters: [LetterSettlement(entry: entry, outcome: .sent(dispatchedAt: Date(),
                                                                                                       sendMilliseconds: 1, receipt: nil))]))
        }
        try journal.settle(settlements)
    }
    return Date().timeIntervalSince(start)
}

func f(_ x: Double) -> String { String(format: "%.1f", x) }

/// Peak resident memory of this process so far (Linux reports kilobytes).
func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

if rssOnly {
    let seconds = try runBatch(jobs: rssJobs)
    print("letters: \(letters), \(rssJobs) job(s): \(f(Double(letters) / seconds)) letters/s, peak RSS \(f(peakRSSMiB())) MiB")
    exit(0)
}

/// CPU time of this process so far (user and system), seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let cpuBefore = cpuSeconds()
let one = try runBatch(jobs: 1)
let oneCPU = cpuSeconds() - cpuBefore
let two = try runBatch(jobs: 2)
let journal = try journalAlone(SQLiteBatchJournal(path: scratch.appendingPathComponent("journal-alone.sqlite").path))
let journalSteps = try journalPerStep(SQLiteBatchJournal(path: scratch.appendingPathComponent("journal-steps.sqlite").path))
func share(_ seconds: Double) -> String {
    "\(String(format: "%.2f", seconds * 1000 / Double(letters))) ms a letter = \(f(100 * seconds / one))% of a letter's cost on 1 job"
}
print("letters: \(letters)")
print("1 job:  \(f(Double(letters) / one)) letters/s (\(f(one * 1000 / Double(letters))) ms a letter)")
print("1 job:  \(f(Double(letters) / oneCPU)) letters per CPU-second (\(String(format: "%.2f", oneCPU * 1000 / Double(letters))) ms of CPU a letter, the whole batch: input, journal, pipeline, outbox)")
print("2 jobs: \(f(Double(letters) / two)) letters/s (speed-up \(String(format: "%.2f", one / two))×)")
print("SQLite journal alone, in blocks of \(SettlementWriter.defaultBlockSize): \(share(journal))")
print("SQLite journal alone, a commit per step (before): \(share(journalSteps))")
if let postgresURL {
    // The shared journal: one run of the batch on 2 jobs, then the calls alone on journals of their own
    // (the run's tables hold lines 1…N already, so the calls alone use `<db>_alone` and `<db>_steps`).
    let shared = try runBatch(jobs: 2, journal: postgresURL)
    print("2 jobs, PostgreSQL journal: \(f(Double(letters) / shared)) letters/s (\(String(format: "%.2f", two / shared))× the SQLite run's speed)")
    func database(_ suffix: String) throws -> PostgresBatchJournal {
        let parts = postgresURL.split(separator: "?", maxSplits: 1)
        let url = "\(parts[0])_\(suffix)" + (parts.count > 1 ? "?\(parts[1])" : "")
        return try PostgresBatchJournal(location: PostgresJournalLocation(url: url))
    }
    print("PostgreSQL journal alone, in blocks of \(SettlementWriter.defaultBlockSize): \(share(try journalAlone(database("alone"))))")
    print("PostgreSQL journal alone, a commit per step (before): \(share(try journalPerStep(database("steps"))))")
}
