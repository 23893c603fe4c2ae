#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GRDB

/// The batch journal in an embedded SQLite database (GRDB), by default `journal.sqlite` in the
/// outbox. Write-ahead log with `synchronous = FULL`: a state change that returned is on disk,
/// so the runner may act on it after a crash or kill -9.
public final class SQLiteBatchJournal: BatchJournal, Sendable {
    private let database: DatabaseQueue
    public let path: String

    public init(path: String) throws(JournalError) {
        self.path = path
        // Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
        let fd = open(path, O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { throw JournalError("cannot open the journal \(path): \(String(cString: strerror(errno)))") }
        close(fd)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(30)
        configuration.label = "brev-batch-journal"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw JournalError("cannot open the journal \(path): \(Self.reason(error))")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per input line (a case).
            try db.execute(sql: """
                CREATE TABLE batch_case (
                    line INTEGER PRIMARY KEY,
                    input_sha256 TEXT NOT NULL,
                    case_number TEXT,
                    state TEXT NOT NULL,
                    problems TEXT,
                    failure TEXT,
                    same_as_line INTEGER,
                    started_at REAL NOT NULL,
                    settled_at REAL
                );
                CREATE INDEX batch_case_state ON batch_case(state);
                CREATE TABLE batch_letter (
                    letter_id TEXT PRIMARY KEY,
                    line INTEGER NOT NULL,
                    message_uuid TEXT UNIQUE,
                    state TEXT NOT NULL,
                    template_version TEXT NOT NULL,
                    font_version TEXT NOT NULL,
                    pdf_sha256 TEXT NOT NULL,
                    render_ms INTEGER NOT NULL,
                    rendered_at REAL NOT NULL,
                    dispatched_at REAL,
                    send_ms INTEGER,
                    failure TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX batch_letter_line ON batch_letter(line);
                CREATE INDEX batch_letter_state ON batch_letter(state);
                """)
        }
        migrator.registerMigration("v2") { db in
            // SF1601's TransmissionID for a letter it accepted.
            try db.execute(sql: "ALTER TABLE batch_letter ADD COLUMN receipt TEXT")
        }
        return migrator
    }

    public func settledCases() throws(JournalError) -> [Int: String] {
        try read { db in
            var settled: [Int: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT line, input_sha256 FROM batch_case WHERE state != ?",
                                           arguments: [CaseState.queued.rawValue])
            while let row = try rows.next() { settled[row["line"]] = row["input_sha256"] }
            return settled
        }
    }

    public func settledCases(lines: ClosedRange<Int>) throws(JournalError) -> [Int: String] {
        try read { db in
            var settled: [Int: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT line, input_sha256 FROM batch_case WHERE line BETWEEN ? AND ? AND state != ?
                """, arguments: [lines.lowerBound, lines.upperBound, CaseState.queued.rawValue])
            while let row = try rows.next() { settled[row["line"]] = row["input_sha256"] }
            return settled
        }
    }

    public func startCase(line: Int, inputSHA256: String, caseNumber: String?) throws(JournalError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO batch_case (line, input_sha256, case_number, state, started_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(line) DO UPDATE SET input_sha256 = excluded.input_sha256, case_number = excluded.case_number,
                    state = excluded.state, problems = NULL, failure = NULL, same_as_line = NULL, started_at = excluded.started_at, settled_at = NULL
                """, arguments: [line, inputSHA256, caseNumber, CaseState.queued.rawValue, Date().timeIntervalSince1970])
        }
    }

    public func refuseCase(line: Int, problems: [CaseProblem]) throws(JournalError) {
        let json = String(decoding: (try? JSONEncoder().encode(problems)) ?? Data("[]".utf8), as: UTF8.self)
        try settle(line: line, state: .refused, column: "problems", value: json)
    }

    public func failCase(line: Int, reason: String) throws(JournalError) {
        try settle(line: line, state: .failed, column: "failure", value: reason)
    }

    public func completeCase(line: Int, sameAsLine: Int?) throws(JournalError) {
        try settle(line: line, state: .done, column: sameAsLine == nil ? nil : "same_as_line", value: sameAsLine)
    }

    private func settle(line: Int, state: CaseState, column: String?, value: (any DatabaseValueConvertible)?) throws(JournalError) {
        try write { db in
            let set = column.map { ", \($0) = ?" } ?? ""
            var arguments: StatementArguments = [state.rawValue, Date().timeIntervalSince1970]
            if column != nil { arguments += [value] }
            arguments += [line]
            try db.execute(sql: "UPDATE batch_case SET state = ?, settled_at = ?\(set) WHERE line = ?", arguments: arguments)
        }
    }

    public func letterState(letterId: String) throws(JournalError) -> LetterState? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT state FROM batch_letter WHERE letter_id = ?", arguments: [letterId])
                .flatMap(LetterState.init(rawValue:))
        }
    }

    public func sentLetter(letterId: String) throws(JournalError) -> SentLetter? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT line, pdf_sha256, dispatched_at, receipt FROM batch_letter WHERE letter_id = ? AND state = ?
                """, arguments: [letterId, LetterState.sent.rawValue])
                .map { row in
                    SentLetter(line: row["line"], pdfSHA256: row["pdf_sha256"],
                               dispatchedAt: (row["dispatched_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                               receipt: row["receipt"])
                }
        }
    }

    public func recordRendered(_ letter: LetterEntry) throws(JournalError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO batch_letter (letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256,
                                          render_ms, rendered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(letter_id) DO UPDATE SET state = excluded.state, template_version = excluded.template_version,
                    font_version = excluded.font_version, pdf_sha256 = excluded.pdf_sha256, render_ms = excluded.render_ms,
                    rendered_at = excluded.rendered_at, failure = NULL
                WHERE batch_letter.state != 'sent'
                """, arguments: [letter.letterId, letter.line, letter.messageUUID, LetterState.rendered.rawValue,
                                 letter.templateVersion, letter.fontVersion, letter.pdfSHA256, letter.renderMilliseconds,
                                 Date().timeIntervalSince1970])
        }
    }

    public func recordSent(letterId: String, dispatchedAt: Date, sendMilliseconds: Int, receipt: String?,
                           pdfSHA256: String?) throws(JournalError) {
        try write { db in
            try db.execute(sql: """
                UPDATE batch_letter SET state = ?, dispatched_at = ?, send_ms = ?, failure = NULL, attempts = attempts + 1,
                    receipt = ?, pdf_sha256 = COALESCE(?, pdf_sha256)
                WHERE letter_id = ?
                """, arguments: [LetterState.sent.rawValue, dispatchedAt.timeIntervalSince1970, sendMilliseconds, receipt,
                                 pdfSHA256, letterId])
        }
    }

    public func recordSendFailed(letterId: String, reason: String) throws(JournalError) {
        try write { db in
            try db.execute(sql: "UPDATE batch_letter SET state = ?, failure = ?, attempts = attempts + 1 WHERE letter_id = ?",
                           arguments: [LetterState.failed.rawValue, reason, letterId])
        }
    }

    public func settle(_ cases: [CaseSettlement]) throws(JournalError) {
        guard !cases.isEmpty else { return }
        let now = Date().timeIntervalSince1970
        // One transaction, so one fsync (synchronous = FULL) for the whole block.
        try write { db in
            for settlement in cases {
                for letter in settlement.letters {
                    let e = letter.entry
                    switch letter.outcome {
                    case .sent(let at, let sendMilliseconds, let receipt):
                        // A confirmed send is a fact: it replaces whatever the row said.
                        try db.execute(sql: """
                            INSERT INTO batch_letter (letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256,
                                                      render_ms, rendered_at, dispatched_at, send_ms, receipt, attempts)
                            VALUES (?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, 1)
                            ON CONFLICT(letter_id) DO UPDATE SET state = 'sent', template_version = excluded.template_version,
                                font_version = excluded.font_version, pdf_sha256 = excluded.pdf_sha256, render_ms = excluded.render_ms,
                                rendered_at = excluded.rendered_at, dispatched_at = excluded.dispatched_at, send_ms = excluded.send_ms,
                                receipt = excluded.receipt, failure = NULL, attempts = batch_letter.attempts + 1
                            """, arguments: [e.letterId, e.line, e.messageUUID, e.templateVersion, e.fontVersion, e.pdfSHA256,
                                             e.renderMilliseconds, now, at.timeIntervalSince1970, sendMilliseconds, receipt])
                    case .failed(let reason):
                        // Never over a confirmed send.
                        try db.execute(sql: """
                            INSERT INTO batch_letter (letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256,
                                                      render_ms, rendered_at, failure, attempts)
                            VALUES (?, ?, ?, 'failed', ?, ?, ?, ?, ?, ?, 1)
                            ON CONFLICT(letter_id) DO UPDATE SET state = 'failed', template_version = excluded.template_version,
                                font_version = excluded.font_version, pdf_sha256 = excluded.pdf_sha256, render_ms = excluded.render_ms,
                                rendered_at = excluded.rendered_at, failure = excluded.failure, attempts = batch_letter.attempts + 1
                            WHERE batch_letter.state != 'sent'
                            """, arguments: [e.letterId, e.line, e.messageUUID, e.templateVersion, e.fontVersion, e.pdfSHA256,
                                             e.renderMilliseconds, now, reason])
                    }
                }
                try db.execute(sql: """
                    INSERT INTO batch_case (line, input_sha256, case_number, state, problems, failure, same_as_line, started_at, settled_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(line) DO UPDATE SET input_sha256 = excluded.input_sha256, case_number = excluded.case_number,
                        state = excluded.state, problems = excluded.problems, failure = excluded.failure,
                        same_as_line = excluded.same_as_line, settled_at = excluded.settled_at
                    """, arguments: [settlement.line, settlement.inputSHA256, settlement.caseNumber, settlement.state.rawValue,
                                     settlement.problemsJSON, settlement.failure, settlement.sameAsLine, now, now])
            }
        }
    }

    public func summary() throws(JournalError) -> JournalSummary {
        try read { db in
            var cases: [CaseState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM batch_case GROUP BY state") {
                if let state = CaseState(rawValue: row["state"]) { cases[state] = row["n"] }
            }
            var letters: [LetterState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM batch_letter GROUP BY state") {
                if let state = LetterState(rawValue: row["state"]) { letters[state] = row["n"] }
            }
            return JournalSummary(cases: cases, letters: letters)
        }
    }

    public func refusedCases() throws(JournalError) -> [RefusedCase] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT line, case_number, problems FROM batch_case WHERE state = ? ORDER BY line",
                             arguments: [CaseState.refused.rawValue]).map { row in
                let json: String = row["problems"] ?? "[]"
                let problems = (try? JSONDecoder().decode([CaseProblem].self, from: Data(json.utf8))) ?? []
                return RefusedCase(line: row["line"], caseNumber: row["case_number"], problems: problems)
            }
        }
    }

    public func failedCases() throws(JournalError) -> [FailedCase] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT line, case_number, failure FROM batch_case WHERE state = ? ORDER BY line",
                             arguments: [CaseState.failed.rawValue]).map { row in
                FailedCase(line: row["line"], caseNumber: row["case_number"], reason: row["failure"] ?? "")
            }
        }
    }

    public func duplicateCases() throws(JournalError) -> [DuplicateCase] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT line, case_number, same_as_line FROM batch_case WHERE state = ? AND same_as_line IS NOT NULL ORDER BY line
                """, arguments: [CaseState.done.rawValue]).map { row in
                DuplicateCase(line: row["line"], caseNumber: row["case_number"], sameAsLine: row["same_as_line"])
            }
        }
    }

    public func requeueFailed() throws(JournalError) -> Int {
        try write { db in
            try db.execute(sql: "UPDATE batch_letter SET state = ? WHERE state = ?",
                           arguments: [LetterState.rendered.rawValue, LetterState.failed.rawValue])
            try db.execute(sql: "UPDATE batch_case SET state = ?, settled_at = NULL WHERE state = ?",
                           arguments: [CaseState.queued.rawValue, CaseState.failed.rawValue])
            return db.changesCount
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw JournalError("cannot read the journal \(path): \(Self.reason(error))")
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws(JournalError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw JournalError("cannot write the journal \(path): \(Self.reason(error))")
        }
    }

    /// SQLite's own words (GRDB leaves statement arguments out of its messages).
    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return "\(error.resultCode): \(error.message ?? "")" }
        return "\(error)"
    }
}
