#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PostgresNIO

/// The batch journal in PostgreSQL (postgres-nio), shared by several workers — processes on one or
/// many machines, each running `brev batch --journal postgres://…` over the same input.
///
/// **Claiming.** A worker takes a case by inserting its row with a lease (its worker id and an
/// expiry, set by the server's clock so the machines' clocks do not matter), or, for a row that is
/// there and still queued, by `SELECT … FOR UPDATE SKIP LOCKED` on it when its lease ran out: two
/// workers never hold one case at once, and neither waits for the other's lock. The runner claims
/// a block of lines in one statement (`claimCases`) and settles finished cases a block per
/// statement (`settle`), so a commit (a WAL flush) is shared by a block. A heartbeat renews
/// the leases of the cases a worker holds; when a worker dies, its leases run out and the workers
/// still running claim its cases (`claimExpiredCases`) and read them again from their input.
///
/// **Exactly once.** A letter whose send the journal records as confirmed is never sent again
/// (the worker asks `sentLetter` first). The window that is left is between "the transport accepted
/// the letter" and "the journal recorded it": a worker killed there leaves the case queued, and the
/// worker that takes it over hands the same letter (same letter id, same messageUUID) to the
/// transport again. The transport closes the window, not the journal: the outbox folder transport
/// finds the letter's folder already renamed into place (rename is atomic; `EEXIST` for a second
/// writer) and answers `alreadyAccepted` with the time it was placed, after checking its bytes;
/// the SF1601 server deduplicates by messageUUID and answers with its first acceptance. So every
/// worker of one batch must use the same outbox folder (one filesystem with atomic rename, e.g. a
/// shared volume) or the same SF1601 endpoint; separate outboxes per machine would not see each
/// other's letters. The same holds for a worker that stalls past its lease and wakes up while
/// another works on its case: both hand the same messageUUID over, one gets through; and a worker
/// that lost its lease cannot settle the case (every settle is conditional on the lease), nor can a
/// failed send overwrite a confirmed one.
///
/// One database holds one batch. Statements are single (no explicit transactions), so one
/// connection serves every worker thread of the process. Nothing personal is stored (as SQLite).
public final class PostgresBatchJournal: BatchJournal, Sendable {
    public let location: PostgresJournalLocation
    /// Names this worker in `lease_owner`: host, process id and a random part.
    public let workerId: String
    /// A lease runs this long unless renewed; a dead worker's cases wait this long at most.
    public let leaseSeconds: Double
    private let connection: PostgresConnection
    private let logger: Logger

    public static let defaultLeaseSeconds: Double = 60

    public init(location: PostgresJournalLocation, leaseSeconds: Double = PostgresBatchJournal.defaultLeaseSeconds,
                password: String? = nil) throws(JournalError) {
        self.location = location
        self.leaseSeconds = leaseSeconds
        workerId = Self.newWorkerId()
        var logger = Logger(label: "brev-batch-journal")
        // postgres-nio logs queries at debug level; nothing below critical may reach a log (binds are case data).
        logger.logLevel = .critical
        self.logger = logger
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch location.sslMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw JournalError("cannot set up TLS for the journal \(location): \(error)")
        }
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: password ?? location.password(), database: location.database, tls: tls)
        do {
            connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                        configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            throw JournalError("cannot connect to the journal \(location): \(Self.reason(error))")
        }
        try createTables()
    }

    deinit {
        try? connection.close().wait()
    }

    public var isShared: Bool { true }

    /// Every worker creates the tables if missing; an advisory lock keeps two from racing on it.
    private func createTables() throws(JournalError) {
        let statements: [String] = [
            "SELECT pg_advisory_lock(7362016)",
            """
            CREATE TABLE IF NOT EXISTS batch_case (
                line integer PRIMARY KEY,
                input_sha256 text NOT NULL,
                case_number text,
                state text NOT NULL,
                problems text,
                failure text,
                same_as_line integer,
                lease_owner text,
                lease_expires timestamptz,
                started_at timestamptz NOT NULL DEFAULT now(),
                settled_at timestamptz
            )
            """,
            "CREATE INDEX IF NOT EXISTS batch_case_state ON batch_case(state)",
            """
            CREATE TABLE IF NOT EXISTS batch_letter (
                letter_id text PRIMARY KEY,
                line integer NOT NULL,
                message_uuid text UNIQUE,
                state text NOT NULL,
                template_version text NOT NULL,
                font_version text NOT NULL,
                pdf_sha256 text NOT NULL,
                render_ms integer NOT NULL,
                rendered_at timestamptz NOT NULL DEFAULT now(),
                dispatched_at double precision,
                send_ms integer,
                failure text,
                attempts integer NOT NULL DEFAULT 0,
                receipt text
            )
            """,
            "CREATE INDEX IF NOT EXISTS batch_letter_line ON batch_letter(line)",
            "CREATE INDEX IF NOT EXISTS batch_letter_state ON batch_letter(state)",
            "SELECT pg_advisory_unlock(7362016)",
        ]
        for statement in statements {
            _ = try run(PostgresQuery(unsafeSQL: statement), "create the tables of")
        }
    }

    // MARK: Claiming and leases

    public func claimCase(line: Int, inputSHA256: String) throws(JournalError) -> CaseClaim {
        let inserted = try run("""
            INSERT INTO batch_case (line, input_sha256, state, lease_owner, lease_expires)
            VALUES (\(line), \(inputSHA256), 'queued', \(workerId), now() + make_interval(secs => \(leaseSeconds)))
            ON CONFLICT (line) DO NOTHING RETURNING line
            """, "write")
        if !inserted.rows.isEmpty { return .claimed }
        // There already: take it over if it is queued and its lease ran out. SKIP LOCKED: a row another
        // worker is claiming this instant is theirs.
        let taken = try run("""
            WITH candidate AS (
                SELECT line FROM batch_case
                WHERE line = \(line) AND input_sha256 = \(inputSHA256) AND state = 'queued'
                  AND (lease_owner IS NULL OR lease_owner = \(workerId) OR lease_expires < now())
                FOR UPDATE SKIP LOCKED)
            UPDATE batch_case SET lease_owner = \(workerId), lease_expires = now() + make_interval(secs => \(leaseSeconds))
            FROM candidate WHERE batch_case.line = candidate.line
            RETURNING batch_case.line
            """, "write")
        if !taken.rows.isEmpty { return .claimed }
        let found = try run("SELECT state, input_sha256 FROM batch_case WHERE line = \(line)", "read")
        guard let row = found.rows.first else { return .leasedElsewhere }
        let (state, sha) = try decode(row, as: (String, String).self)
        if sha != inputSHA256 { return .otherInput }
        return state == CaseState.queued.rawValue ? .leasedElsewhere : .settled
    }

    /// One statement for the block: insert the lines not there yet, take over those queued whose
    /// lease ran out (`FOR UPDATE SKIP LOCKED`: rows another worker is claiming this instant are
    /// theirs), and say what the rest are. A line another worker inserts concurrently is in no
    /// part of the answer (the statement's snapshot predates it): it is theirs.
    public func claimCases(_ lines: [Int: String]) throws(JournalError) -> [Int: CaseClaim] {
        guard !lines.isEmpty else { return [:] }
        let numbers = Array(lines.keys)
        let shas = numbers.map { lines[$0]! }
        let result = try run("""
            WITH input AS (SELECT * FROM unnest(\(numbers)::integer[], \(shas)::text[]) AS t(line, sha)),
            inserted AS (
                INSERT INTO batch_case (line, input_sha256, state, lease_owner, lease_expires)
                SELECT line, sha, 'queued', \(workerId), now() + make_interval(secs => \(leaseSeconds)) FROM input
                ON CONFLICT (line) DO NOTHING RETURNING line),
            candidate AS (
                SELECT c.line FROM batch_case c JOIN input i ON c.line = i.line AND c.input_sha256 = i.sha
                WHERE c.state = 'queued' AND (c.lease_owner IS NULL OR c.lease_owner = \(workerId) OR c.lease_expires < now())
                FOR UPDATE OF c SKIP LOCKED),
            taken AS (
                UPDATE batch_case SET lease_owner = \(workerId), lease_expires = now() + make_interval(secs => \(leaseSeconds))
                FROM candidate WHERE batch_case.line = candidate.line RETURNING batch_case.line)
            SELECT line, 'claimed' FROM inserted
            UNION ALL SELECT line, 'claimed' FROM taken
            UNION ALL SELECT c.line, CASE WHEN c.input_sha256 <> i.sha THEN 'other' WHEN c.state = 'queued' THEN 'elsewhere' ELSE 'settled' END
                FROM batch_case c JOIN input i ON c.line = i.line WHERE c.line NOT IN (SELECT line FROM taken)
            """, "write")
        var claims: [Int: CaseClaim] = [:]
        for row in result.rows {
            let (line, word) = try decode(row, as: (Int, String).self)
            switch word {
            case "claimed": claims[line] = .claimed
            case "other": claims[line] = .otherInput
            case "settled": claims[line] = .settled
            default: claims[line] = .leasedElsewhere
            }
        }
        for line in numbers where claims[line] == nil { claims[line] = .leasedElsewhere }
        return claims
    }

    public func claimExpiredCases(limit: Int) throws(JournalError) -> [Int: String] {
        let result = try run("""
            WITH candidate AS (
                SELECT line FROM batch_case
                WHERE state = 'queued' AND (lease_owner IS NULL OR lease_expires < now())
                ORDER BY line LIMIT \(limit)
                FOR UPDATE SKIP LOCKED)
            UPDATE batch_case SET lease_owner = \(workerId), lease_expires = now() + make_interval(secs => \(leaseSeconds))
            FROM candidate WHERE batch_case.line = candidate.line
            RETURNING batch_case.line, batch_case.input_sha256
            """, "write")
        var claimed: [Int: String] = [:]
        for row in result.rows {
            let (line, sha) = try decode(row, as: (Int, String).self)
            claimed[line] = sha
        }
        return claimed
    }

    public func casesLeasedElsewhere() throws(JournalError) -> Int {
        let result = try run("""
            SELECT count(*) FROM batch_case
            WHERE state = 'queued' AND lease_owner IS DISTINCT FROM \(workerId) AND lease_expires >= now()
            """, "read")
        guard let row = result.rows.first else { return 0 }
        return try decode(row, as: Int.self)
    }

    public func renewLeases() throws(JournalError) {
        _ = try run("""
            UPDATE batch_case SET lease_expires = now() + make_interval(secs => \(leaseSeconds))
            WHERE lease_owner = \(workerId) AND state = 'queued'
            """, "write")
    }

    public func releaseLeases() throws(JournalError) {
        _ = try run("""
            UPDATE batch_case SET lease_owner = NULL, lease_expires = NULL WHERE lease_owner = \(workerId) AND state = 'queued'
            """, "write")
    }

    // MARK: Cases

    public func settledCases() throws(JournalError) -> [Int: String] {
        let result = try run("SELECT line, input_sha256 FROM batch_case WHERE state <> 'queued'", "read")
        var settled: [Int: String] = [:]
        for row in result.rows {
            let (line, sha) = try decode(row, as: (Int, String).self)
            settled[line] = sha
        }
        return settled
    }

    public func settledCases(lines: ClosedRange<Int>) throws(JournalError) -> [Int: String] {
        let result = try run("""
            SELECT line, input_sha256 FROM batch_case WHERE line BETWEEN \(lines.lowerBound) AND \(lines.upperBound) AND state <> 'queued'
            """, "read")
        var settled: [Int: String] = [:]
        for row in result.rows {
            let (line, sha) = try decode(row, as: (Int, String).self)
            settled[line] = sha
        }
        return settled
    }

    public func startCase(line: Int, inputSHA256: String, caseNumber: String?) throws(JournalError) {
        // Claimed already (the runner claims first); a case another worker has taken over stays theirs.
        _ = try run("""
            INSERT INTO batch_case (line, input_sha256, case_number, state, lease_owner, lease_expires)
            VALUES (\(line), \(inputSHA256), \(caseNumber), 'queued', \(workerId), now() + make_interval(secs => \(leaseSeconds)))
            ON CONFLICT (line) DO UPDATE SET case_number = excluded.case_number, problems = NULL, failure = NULL,
                same_as_line = NULL, started_at = now(), settled_at = NULL
            WHERE batch_case.lease_owner = excluded.lease_owner AND batch_case.state = 'queued'
            """, "write")
    }

    public func refuseCase(line: Int, problems: [CaseProblem]) throws(JournalError) {
        let json = String(decoding: (try? JSONEncoder().encode(problems)) ?? Data("[]".utf8), as: UTF8.self)
        _ = try run("""
            UPDATE batch_case SET state = 'refused', settled_at = now(), lease_expires = NULL, problems = \(json)
            WHERE line = \(line) AND state = 'queued' AND lease_owner = \(workerId)
            """, "write")
    }

    public func failCase(line: Int, reason: String) throws(JournalError) {
        _ = try run("""
            UPDATE batch_case SET state = 'failed', settled_at = now(), lease_expires = NULL, failure = \(reason)
            WHERE line = \(line) AND state = 'queued' AND lease_owner = \(workerId)
            """, "write")
    }

    public func completeCase(line: Int, sameAsLine: Int?) throws(JournalError) {
        _ = try run("""
            UPDATE batch_case SET state = 'done', settled_at = now(), lease_expires = NULL, same_as_line = \(sameAsLine)
            WHERE line = \(line) AND state = 'queued' AND lease_owner = \(workerId)
            """, "write")
    }

    // MARK: Letters

    public func letterState(letterId: String) throws(JournalError) -> LetterState? {
        let result = try run("SELECT state FROM batch_letter WHERE letter_id = \(letterId)", "read")
        guard let row = result.rows.first else { return nil }
        return LetterState(rawValue: try decode(row, as: String.self))
    }

    public func sentLetter(letterId: String) throws(JournalError) -> SentLetter? {
        let result = try run("""
            SELECT line, pdf_sha256, dispatched_at, receipt FROM batch_letter WHERE letter_id = \(letterId) AND state = 'sent'
            """, "read")
        guard let row = result.rows.first else { return nil }
        let (line, sha, dispatched, receipt) = try decode(row, as: (Int, String, Double?, String?).self)
        return SentLetter(line: line, pdfSHA256: sha, dispatchedAt: dispatched.map(Date.init(timeIntervalSince1970:)), receipt: receipt)
    }

    public func recordRendered(_ letter: LetterEntry) throws(JournalError) {
        _ = try run("""
            INSERT INTO batch_letter (letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256, render_ms)
            VALUES (\(letter.letterId), \(letter.line), \(letter.messageUUID), 'rendered', \(letter.templateVersion),
                    \(letter.fontVersion), \(letter.pdfSHA256), \(letter.renderMilliseconds))
            ON CONFLICT (letter_id) DO UPDATE SET state = excluded.state, template_version = excluded.template_version,
                font_version = excluded.font_version, pdf_sha256 = excluded.pdf_sha256, render_ms = excluded.render_ms,
                rendered_at = now(), failure = NULL
            WHERE batch_letter.state <> 'sent'
            """, "write")
    }

    public func recordSent(letterId: String, dispatchedAt: Date, sendMilliseconds: Int, receipt: String?,
                           pdfSHA256: String?) throws(JournalError) {
        // Unconditional: a confirmed send is a fact, whichever worker saw it.
        _ = try run("""
            UPDATE batch_letter SET state = 'sent', dispatched_at = \(dispatchedAt.timeIntervalSince1970), send_ms = \(sendMilliseconds),
                failure = NULL, attempts = attempts + 1, receipt = \(receipt), pdf_sha256 = COALESCE(\(pdfSHA256), pdf_sha256)
            WHERE letter_id = \(letterId)
            """, "write")
    }

    public func recordSendFailed(letterId: String, reason: String) throws(JournalError) {
        // Never over a confirmed send (another worker's, while this one had stalled).
        _ = try run("""
            UPDATE batch_letter SET state = 'failed', failure = \(reason), attempts = attempts + 1
            WHERE letter_id = \(letterId) AND state <> 'sent'
            """, "write")
    }

    /// The whole block in one statement, so one transaction and one WAL flush: the letters (a
    /// confirmed send replaces whatever the row said; a failure never overwrites a send), then the
    /// cases this worker still holds (a case another worker took over is theirs to settle).
    public func settle(_ cases: [CaseSettlement]) throws(JournalError) {
        guard !cases.isEmpty else { return }
        let letters = cases.lettersByIdOnce.map(LetterRow.init)
        let caseRows = cases.map(CaseRow.init)
        let encoder = JSONEncoder()
        let lettersJSON = String(decoding: (try? encoder.encode(letters)) ?? Data("[]".utf8), as: UTF8.self)
        let casesJSON = String(decoding: (try? encoder.encode(caseRows)) ?? Data("[]".utf8), as: UTF8.self)
        _ = try run("""
            WITH letter_input AS (
                SELECT * FROM json_to_recordset(\(lettersJSON)::json) AS t(letter_id text, line integer, message_uuid text,
                    state text, template_version text, font_version text, pdf_sha256 text, render_ms integer,
                    dispatched_at double precision, send_ms integer, receipt text, failure text)),
            letters AS (
                INSERT INTO batch_letter (letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256,
                                          render_ms, dispatched_at, send_ms, receipt, failure, attempts)
                SELECT letter_id, line, message_uuid, state, template_version, font_version, pdf_sha256, render_ms,
                       dispatched_at, send_ms, receipt, failure, 1 FROM letter_input
                ON CONFLICT (letter_id) DO UPDATE SET state = excluded.state, template_version = excluded.template_version,
                    font_version = excluded.font_version, pdf_sha256 = excluded.pdf_sha256, render_ms = excluded.render_ms,
                    rendered_at = now(), dispatched_at = excluded.dispatched_at, send_ms = excluded.send_ms,
                    receipt = excluded.receipt, failure = excluded.failure, attempts = batch_letter.attempts + 1
                WHERE excluded.state = 'sent' OR batch_letter.state <> 'sent'
                RETURNING 1)
            UPDATE batch_case c SET state = t.state, settled_at = now(), lease_expires = NULL, case_number = t.case_number,
                problems = t.problems, failure = t.failure, same_as_line = t.same_as_line
            FROM json_to_recordset(\(casesJSON)::json) AS t(line integer, case_number text, state text, problems text,
                failure text, same_as_line integer)
            WHERE c.line = t.line AND c.state = 'queued' AND c.lease_owner = \(workerId)
            """, "write")
    }

    /// A letter row of `settle`'s JSON.
    private struct LetterRow: Encodable {
        var letter_id: String
        var line: Int
        var message_uuid: String?
        var state: String
        var template_version: String
        var font_version: String
        var pdf_sha256: String
        var render_ms: Int
        var dispatched_at: Double?
        var send_ms: Int?
        var receipt: String?
        var failure: String?

        init(_ letter: LetterSettlement) {
            let e = letter.entry
            letter_id = e.letterId
            line = e.line
            message_uuid = e.messageUUID
            template_version = e.templateVersion
            font_version = e.fontVersion
            pdf_sha256 = e.pdfSHA256
            render_ms = e.renderMilliseconds
            switch letter.outcome {
            case .sent(let at, let milliseconds, let receipt):
                state = LetterState.sent.rawValue
                dispatched_at = at.timeIntervalSince1970
                send_ms = milliseconds
                self.receipt = receipt
            case .failed(let reason):
                state = LetterState.failed.rawValue
                failure = reason
            }
        }
    }

    /// A case row of `settle`'s JSON.
    private struct CaseRow: Encodable {
        var line: Int
        var case_number: String?
        var state: String
        var problems: String?
        var failure: String?
        var same_as_line: Int?

        init(_ settlement: CaseSettlement) {
            line = settlement.line
            case_number = settlement.caseNumber
            state = settlement.state.rawValue
            problems = settlement.problemsJSON
            failure = settlement.failure
            same_as_line = settlement.sameAsLine
        }
    }

    // MARK: Reading the batch

    public func summary() throws(JournalError) -> JournalSummary {
        var cases: [CaseState: Int] = [:]
        for row in try run("SELECT state, count(*) FROM batch_case GROUP BY state", "read").rows {
            let (state, count) = try decode(row, as: (String, Int).self)
            if let state = CaseState(rawValue: state) { cases[state] = count }
        }
        var letters: [LetterState: Int] = [:]
        for row in try run("SELECT state, count(*) FROM batch_letter GROUP BY state", "read").rows {
            let (state, count) = try decode(row, as: (String, Int).self)
            if let state = LetterState(rawValue: state) { letters[state] = count }
        }
        return JournalSummary(cases: cases, letters: letters)
    }

    public func refusedCases() throws(JournalError) -> [RefusedCase] {
        try run("SELECT line, case_number, problems FROM batch_case WHERE state = 'refused' ORDER BY line", "read").rows
            .map { row throws(JournalError) in
                let (line, caseNumber, json) = try decode(row, as: (Int, String?, String?).self)
                let problems = (try? JSONDecoder().decode([CaseProblem].self, from: Data((json ?? "[]").utf8))) ?? []
                return RefusedCase(line: line, caseNumber: caseNumber, problems: problems)
            }
    }

    public func failedCases() throws(JournalError) -> [FailedCase] {
        try run("SELECT line, case_number, failure FROM batch_case WHERE state = 'failed' ORDER BY line", "read").rows
            .map { row throws(JournalError) in
                let (line, caseNumber, failure) = try decode(row, as: (Int, String?, String?).self)
                return FailedCase(line: line, caseNumber: caseNumber, reason: failure ?? "")
            }
    }

    public func duplicateCases() throws(JournalError) -> [DuplicateCase] {
        try run("""
            SELECT line, case_number, same_as_line FROM batch_case WHERE state = 'done' AND same_as_line IS NOT NULL ORDER BY line
            """, "read").rows
            .map { row throws(JournalError) in
                let (line, caseNumber, sameAs) = try decode(row, as: (Int, String?, Int).self)
                return DuplicateCase(line: line, caseNumber: caseNumber, sameAsLine: sameAs)
            }
    }

    public func requeueFailed() throws(JournalError) -> Int {
        // One statement, so the letters and their cases are queued again together.
        let result = try run("""
            WITH letters AS (UPDATE batch_letter SET state = 'rendered' WHERE state = 'failed')
            UPDATE batch_case SET state = 'queued', settled_at = NULL, lease_owner = NULL, lease_expires = NULL
            WHERE state = 'failed'
            """, "write")
        return result.metadata.rows ?? 0
    }

    // MARK: Plumbing

    /// Runs one statement and waits for it (the runner's workers are plain threads, never the
    /// event loop's). `verb`: read or write, for the message.
    private func run(_ query: PostgresQuery, _ verb: String) throws(JournalError) -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw JournalError("cannot \(verb) the journal \(location): \(Self.reason(error))")
        }
    }

    private func decode<each Column: PostgresDecodable>(_ row: PostgresRow, as type: (repeat each Column).Type) throws(JournalError) -> (repeat each Column) {
        do {
            return try row.decode(type)
        } catch {
            throw JournalError("cannot read the journal \(location): a column is not of the expected type")
        }
    }

    private func decode<Column: PostgresDecodable>(_ row: PostgresRow, as type: Column.Type) throws(JournalError) -> Column {
        do {
            return try row.decode(type)
        } catch {
            throw JournalError("cannot read the journal \(location): a column is not of the expected type")
        }
    }

    /// The server's words and SQLSTATE; never the query or its binds (they may hold case data).
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                return "\(info[.message] ?? "server error") (SQLSTATE \(info[.sqlState] ?? "?"))"
            }
            return "\(error.code)"
        }
        return "\(error)"
    }

    static func newWorkerId() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "host"
        return "\(host)-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }
}
