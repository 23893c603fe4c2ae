import ArgumentParser
import BrevBatch
import BrevCommandLine
import BrevStore
import BrevTransport
import Foundation

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: ServiceCommands.batchAbstract,
        discussion: """
        brev batch --input cases.jsonl --out outbox/   (one case per line; --input - reads standard input)

        Each letter goes into the outbox as one folder, <kind>-<id>/, holding <kind>-<id>.pdf and, when the letter is \
        sent, its message (.memo.xml and .kombi.xml for Digital Post, .print.xml and .kombi.xml for print). A letter \
        handed over in person (anonymous cases, PERSONLIG, INGEN) gets a folder with the PDF alone. A folder appears \
        whole or not at all; names starting with "." are work in progress and must be ignored by a sender.

        The journal (journal.sqlite in the outbox) records each case by input line and each letter by its id and \
        message UUID. Run the same command again after a crash or kill -9: finished cases are skipped, nothing is \
        written twice. report.txt and report.json list every refused case (line, case number, codes, JSON paths).

        Exit status: 0 every case's letters went out; 1 some cases were refused, the rest went out; 2 some letters \
        could not be sent (brev batch retry OUTBOX, then run again); 3 a template, profile or font is broken; 4 the \
        input, the outbox or the journal cannot be used (or another batch is running on it); 64 wrong usage.

        Several workers, on one machine or many, share one batch through PostgreSQL: each runs \
        brev batch --input cases.jsonl --out OUTBOX --journal postgres://user@host:5432/db with the same input and the \
        same outbox (a shared folder) or the same SF1601 endpoint. They claim cases under leases; a dead worker's \
        cases are taken over when its lease (--lease seconds) runs out, and every letter still goes out once. The \
        password comes from PGPASSWORD or ~/.pgpass (PGPASSFILE), never from the URL.
        """,
        subcommands: [Run.self, Status.self, Report.self, Retry.self],
        defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run (or resume) a batch.")

        @Option(help: "Cases as JSON Lines (one case per line) or CSV (one case per row, see the README); - for standard input.")
        var input: String

        @Option(help: "jsonl or csv (default: csv for a .csv file, else jsonl).")
        var format: String?

        @Option(help: "The outbox folder (created if missing).")
        var out: String

        @Option(help: "The journal: a SQLite file (default: OUT/journal.sqlite), or postgres://user@host:port/database to share the batch between workers.")
        var journal: String?

        @Option(help: "With a PostgreSQL journal: seconds a worker's claim on a case lasts unless renewed; a dead worker's cases are taken over after this.")
        var lease: Double = PostgresBatchJournal.defaultLeaseSeconds

        @Option(help: "A JSON file with the SF1601 endpoint and certificates (see the README): letters with a KombiPostAfsend request are posted there instead of put in the outbox.")
        var transportConfig: String?

        @Option(help: "Worker threads, each with its own pipeline (default: the number of cores).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "auto (a line on a terminal, else quiet), json (JSON lines on standard output) or none.")
        var progress: String = "auto"

        @OptionGroup var resources: ResourceOptions

        func validate() throws {
            if jobs < 1 { throw ValidationError("--jobs is at least 1") }
            if !(lease >= 1 && lease <= 86_400) { throw ValidationError("--lease is between 1 and 86400 seconds") }
            if ProgressStyle(rawValue: progress) == nil { throw ValidationError("--progress is auto, json or none") }
            if let format, InputFormat(rawValue: format) == nil { throw ValidationError("--format is jsonl or csv") }
        }

        func run() throws {
            let style = ProgressStyle(rawValue: progress)!
            var sf1601: SF1601Configuration?
            if let transportConfig {
                do {
                    sf1601 = try SF1601Configuration.load(path: transportConfig)
                } catch {
                    printError("brev batch: \(error.reason)")
                    throw ExitCode(4)
                }
            }
            var configuration = BatchConfiguration(input: input, format: format.flatMap(InputFormat.init(rawValue:)), outbox: out, journalPath: journal, jobs: jobs,
                                                   progress: style, environment: try resources.environment(), sf1601: sf1601)
            configuration.leaseSeconds = lease
            do {
                let outcome = try BatchRunner.run(configuration)
                let summary = outcome.summary
                if style == .json {
                    print("{\"event\":\"summary\",\"done\":\(summary.count(CaseState.done)),\"refused\":\(summary.count(CaseState.refused)),"
                          + "\"failed\":\(summary.count(CaseState.failed)),\"letters_sent\":\(summary.count(LetterState.sent)),"
                          + "\"settled_this_run\":\(outcome.settledThisRun),\"exit\":\(outcome.exitCode)}")
                } else {
                    print("batch: \(outcome.settledThisRun) case(s) settled in this run, \(outcome.lettersSentThisRun) letter(s) sent")
                    print(BatchReport.statusLine(summary))
                    print("report: \((out as NSString).appendingPathComponent(BatchReport.textFileName))")
                }
                if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
            } catch let error as BatchError {
                printError("brev batch: \(error)")
                throw ExitCode(error.exitCode)
            }
        }
    }

    /// Opens an existing journal for the read-only subcommands.
    static func openJournal(outbox: String, journal: String?) throws -> any BatchJournal {
        let path = journal ?? (outbox as NSString).appendingPathComponent(BatchConfiguration.journalFileName)
        guard PostgresJournalLocation.isPostgres(path) || FileManager.default.fileExists(atPath: path) else {
            printError("brev batch: no journal at \(path)")
            throw ExitCode(4)
        }
        do {
            return try BatchJournalOpener.open(path)
        } catch {
            printError("brev batch: \(error)")
            throw ExitCode(4)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the batch's counts from its journal.")
        @Argument(help: "The outbox folder.") var outbox: String
        @Option(help: "The journal: a SQLite file (default: OUTBOX/journal.sqlite) or a postgres:// URL.") var journal: String?

        func run() throws {
            let report = try BatchReport(journal: Batch.openJournal(outbox: outbox, journal: journal))
            print(report.statusLine)
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the batch's report (refused and failed cases) from its journal.")
        @Argument(help: "The outbox folder.") var outbox: String
        @Option(help: "The journal: a SQLite file (default: OUTBOX/journal.sqlite) or a postgres:// URL.") var journal: String?
        @Flag(help: "Print report.json's form instead of the text.") var json = false

        func run() throws {
            let report = try BatchReport(journal: Batch.openJournal(outbox: outbox, journal: journal))
            if json {
                FileHandle.standardOutput.write(Data(report.json))
            } else {
                print(report.text, terminator: "")
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put failed cases back in the queue; the next run of the batch renders and sends them again.")
        @Argument(help: "The outbox folder.") var outbox: String
        @Option(help: "The journal: a SQLite file (default: OUTBOX/journal.sqlite) or a postgres:// URL.") var journal: String?

        func run() throws {
            let count = try Batch.openJournal(outbox: outbox, journal: journal).requeueFailed()
            print("\(count) failed case(s) queued again: run the same brev batch command to send them")
        }
    }
}
