import BrevCore
import BrevPipeline
import BrevStore
import BrevTransport
import Foundation

/// What a batch run needs to know.
public struct BatchConfiguration: Sendable {
    /// A JSON Lines or CSV file, one case per line or row; `-` is standard input.
    public var input: String
    public var format: InputFormat
    public var outbox: String
    /// Default: `journal.sqlite` in the outbox.
    public var journalPath: String?
    public var jobs: Int
    public var progress: ProgressStyle
    public var environment: BrevEnvironment
    /// SF1601 settings (`--transport-config`): letters with a KombiPostAfsend request are posted
    /// there instead of being put in the outbox. Nil: every letter goes into the outbox folder.
    public var sf1601: SF1601Configuration?
    /// When letters are dispatched (tests set it near midnight).
    public var clock: DispatchClock = .system
    /// With a PostgreSQL journal: how long a worker's claim on a case lasts unless its heartbeat
    /// renews it, so how long a dead worker's cases wait before the others take them over.
    public var leaseSeconds: Double = PostgresBatchJournal.defaultLeaseSeconds

    public init(input: String, format: InputFormat? = nil, outbox: String, journalPath: String? = nil, jobs: Int,
                progress: ProgressStyle, environment: BrevEnvironment, sf1601: SF1601Configuration? = nil) {
        self.input = input
        self.format = format ?? InputFormat.of(path: input)
        self.outbox = outbox
        self.journalPath = journalPath
        self.jobs = jobs
        self.progress = progress
        self.environment = environment
        self.sf1601 = sf1601
    }

    public static let journalFileName = "journal.sqlite"

    public var resolvedJournalPath: String {
        journalPath ?? (outbox as NSString).appendingPathComponent(Self.journalFileName)
    }

    /// Several workers share the batch through a PostgreSQL journal (`--journal postgres://…`).
    public var sharedJournal: Bool { PostgresJournalLocation.isPostgres(resolvedJournalPath) }
}

/// The batch as it stands after a run: the journal's counts over every run so far.
public struct BatchOutcome: Sendable {
    public var summary: JournalSummary
    /// Cases and letters settled by this run (the rest were settled before).
    public var settledThisRun: Int
    public var lettersSentThisRun: Int

    /// Documented in `brev batch --help`: 0 every case's letters went out; 1 some cases were
    /// refused (the report lists them) and the rest went out; 2 some letters could not be
    /// sent (`brev batch retry`, then run again).
    public var exitCode: Int32 {
        if summary.count(CaseState.failed) > 0 || summary.count(CaseState.queued) > 0 { return 2 }
        if summary.count(CaseState.refused) > 0 { return 1 }
        return 0
    }
}

/// Runs a batch: reads the input as a stream, hands each case not yet settled to a pool of
/// workers (one pipeline each), journals every step, and writes the report at the end.
public enum BatchRunner {
    public static func run(_ configuration: BatchConfiguration) throws(BatchError) -> BatchOutcome {
        do {
            try SecureFile.makeDirectory(configuration.outbox)
        } catch {
            throw .cannotRun("\(error)")
        }
        let shared = configuration.sharedJournal
        if shared && configuration.input == "-" {
            // A worker that takes over a dead worker's cases reads them again from its input.
            throw .cannotRun("a journal shared by several workers needs --input FILE, not standard input")
        }
        // Workers sharing a PostgreSQL journal share the outbox too (its folders are how a letter
        // sent just before a worker died is recognised); a SQLite batch has the outbox to itself.
        let lock = try OutboxLock(outbox: configuration.outbox, shared: shared)
        // Held until the run returns (Swift may otherwise release it after its last use).
        defer { withExtendedLifetime(lock) {} }
        let journal: any BatchJournal
        do {
            journal = try BatchJournalOpener.open(configuration.resolvedJournalPath, leaseSeconds: configuration.leaseSeconds)
        } catch {
            throw .cannotRun(error.description)
        }
        let transport = OutboxFolderTransport(directory: configuration.outbox, clock: configuration.clock)
        do {
            // Other workers may be writing into a shared outbox: only folders older than a lease are
            // left over (a letter's folder is built in far less time).
            if shared { try transport.removeLeftovers(olderThan: configuration.leaseSeconds) } else { try transport.removeLeftovers() }
        } catch {
            throw .cannotRun("cannot clean the outbox: \(error)")
        }
        var messageTransport: SF1601Transport?
        if let sf1601 = configuration.sf1601 {
            do {
                messageTransport = try SF1601Transport(configuration: sf1601, clock: configuration.clock)
            } catch {
                throw .cannotRun(error.description)
            }
        }
        let before: JournalSummary
        do {
            before = try journal.summary()
        } catch {
            throw .cannotRun(error.description)
        }
        let source = try configuration.format.open(configuration.input)
        let total = configuration.format.countCases(path: configuration.input)
        let counters = BatchCounters(alreadyDone: before.count(CaseState.done), alreadyRefused: before.count(CaseState.refused),
                                     alreadyFailed: before.count(CaseState.failed))
        let pool = WorkerPool(count: max(1, configuration.jobs), environment: configuration.environment, journal: journal,
                              transport: transport, messageTransport: messageTransport, clock: configuration.clock,
                              versions: ResourceVersions(environment: configuration.environment), counters: counters)
        try pool.start()
        let heartbeat = shared ? LeaseHeartbeat(journal: journal, interval: configuration.leaseSeconds / 3) : nil
        heartbeat?.start()
        let display = ProgressDisplay(counters: counters, total: total, style: configuration.progress)
        display.start()
        var readError: BatchError?
        do {
            // The input is read a block of lines at a time, and the journal asked about the block
            // alone (a shared journal claims it in one statement): memory holds a block, never
            // the whole journal or input.
            var block: [InputCase] = []
            var reading = true
            while reading {
                if let next = try source.nextCase() {
                    block.append(InputCase(line: next.line, bytes: next.bytes, sha256: SHA256.hex(next.bytes), problems: next.problems))
                    if block.count < readBlockSize { continue }
                } else {
                    reading = false
                }
                if block.isEmpty { break }
                let queued = shared ? try claimAndQueue(block, journal: journal, queue: pool.queue)
                                    : try queueUnsettled(block, journal: journal, queue: pool.queue)
                block = []
                if !queued { break }
            }
            if shared && readError == nil {
                try takeOverExpiredCases(configuration, journal: journal, queue: pool.queue)
            }
        } catch {
            readError = error
        }
        if readError != nil { pool.queue.abandon() } else { pool.queue.close() }
        let workerError = pool.join()
        heartbeat?.stop()
        // Cases this worker claimed and did not settle (a run that stopped early) go to the others now.
        if shared { try? journal.releaseLeases() }
        display.stop()
        if let readError { throw readError }
        if let workerError { throw .cannotRun(workerError.description) }
        do {
            let report = try BatchReport(journal: journal)
            if shared && report.summary.count(CaseState.queued) == 0 {
                // No case is anyone's now, so no worker is writing: a killed worker's half-built
                // folder may go, whatever its age.
                try? transport.removeLeftovers()
            }
            try report.write(to: configuration.outbox)
            let snapshot = counters.snapshot(total: total)
            return BatchOutcome(summary: report.summary, settledThisRun: snapshot.settledThisRun,
                                lettersSentThisRun: snapshot.lettersSent)
        } catch let error as JournalError {
            throw .cannotRun(error.description)
        } catch {
            throw .cannotRun("cannot write the report: \(error)")
        }
    }
}

extension BatchRunner {
    static func otherInput(line: Int) -> BatchError {
        .cannotRun("line \(line) of the input is not the case this journal settled there: run a changed input with a new outbox or --journal")
    }

    /// Lines read before the journal is asked about them, in one query (a worker sharing the
    /// journal claims them in one statement). Claimed cases wait in the reader's hands and the
    /// queue under their lease (the heartbeat renews it); a worker that dies leaves at most this
    /// many plus the queue's to the others when the lease runs out.
    public static let readBlockSize = 32

    /// Queues the cases of `block` the journal has not settled (a journal of one process).
    /// False if the queue was closed (the run is stopping).
    static func queueUnsettled(_ block: [InputCase], journal: any BatchJournal, queue: WorkQueue<InputCase>) throws(BatchError) -> Bool {
        let settled: [Int: String]
        do {
            settled = try journal.settledCases(lines: block[0].line...block[block.count - 1].line)
        } catch {
            throw .cannotRun(error.description)
        }
        for input in block {
            if let earlier = settled[input.line] {
                if earlier != input.sha256 { throw otherInput(line: input.line) }
                continue
            }
            if !queue.put(input) { return false }
        }
        return true
    }

    /// Claims `block` and queues the cases this worker now holds, in input order. False if the
    /// queue was closed (the run is stopping).
    static func claimAndQueue(_ block: [InputCase], journal: any BatchJournal, queue: WorkQueue<InputCase>) throws(BatchError) -> Bool {
        let claims: [Int: CaseClaim]
        do {
            claims = try journal.claimCases(Dictionary(block.map { ($0.line, $0.sha256) }, uniquingKeysWith: { first, _ in first }))
        } catch {
            throw .cannotRun(error.description)
        }
        if let line = block.first(where: { claims[$0.line] == .otherInput })?.line { throw otherInput(line: line) }
        for input in block where claims[input.line] == .claimed {
            if !queue.put(input) { return false }
        }
        return true
    }

    /// After the input is read: wait while other workers hold leases, and take over every case whose
    /// lease runs out (its worker died), reading it again from the input. Returns when no case is
    /// left to anyone but this worker.
    static func takeOverExpiredCases(_ configuration: BatchConfiguration, journal: any BatchJournal,
                                     queue: WorkQueue<InputCase>) throws(BatchError) {
        // Often enough that a dead worker's cases wait little longer than its lease.
        let poll = min(max(configuration.leaseSeconds / 4, 0.05), 2)
        while true {
            let expired: [Int: String]
            let elsewhere: Int
            do {
                expired = try journal.claimExpiredCases(limit: 500)
                elsewhere = expired.isEmpty ? try journal.casesLeasedElsewhere() : 1
            } catch {
                throw .cannotRun(error.description)
            }
            if !expired.isEmpty {
                try reread(expired, configuration: configuration, queue: queue)
                continue
            }
            if elsewhere == 0 { return }
            Thread.sleep(forTimeInterval: poll)
        }
    }

    /// Puts the cases on `lines` (claimed by this worker) in the queue, read again from the input.
    static func reread(_ lines: [Int: String], configuration: BatchConfiguration, queue: WorkQueue<InputCase>) throws(BatchError) {
        var missing = lines
        let source = try configuration.format.open(configuration.input)
        while !missing.isEmpty, let next = try source.nextCase() {
            guard let sha = missing.removeValue(forKey: next.line) else { continue }
            guard sha == SHA256.hex(next.bytes) else { throw otherInput(line: next.line) }
            if !queue.put(InputCase(line: next.line, bytes: next.bytes, sha256: sha, problems: next.problems)) { return }
        }
        if let line = missing.keys.min() {
            throw .cannotRun("line \(line) is in the shared journal but not in this input: every worker must read the same input")
        }
    }
}

/// Renews this worker's leases while it runs, so other workers take its cases only when it died.
final class LeaseHeartbeat: @unchecked Sendable {
    private let journal: any BatchJournal
    private let interval: Double
    private let condition = NSCondition()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(journal: any BatchJournal, interval: Double) {
        self.journal = journal
        self.interval = max(interval, 0.05)
    }

    func start() {
        Thread { [self] in
            defer { finished.signal() }
            condition.lock()
            while !stopped {
                condition.unlock()
                // A failure shows in the workers' own journal calls; the lease then simply runs out.
                try? journal.renewLeases()
                condition.lock()
                if !stopped { condition.wait(until: Date().addingTimeInterval(interval)) }
            }
            condition.unlock()
        }.start()
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }
}

/// The workers' threads. Each builds its own pipeline; if one cannot (a broken template or
/// font), the run stops before any case is read.
final class WorkerPool: @unchecked Sendable {
    let queue: WorkQueue<InputCase>
    private let count: Int
    private let environment: BrevEnvironment
    private let journal: any BatchJournal
    private let transport: any LetterTransport
    private let messageTransport: (any LetterTransport)?
    private let clock: DispatchClock
    private let versions: ResourceVersions
    private let counters: BatchCounters
    private let lock = NSLock()
    private var startupError: BrevError?
    private var journalError: JournalError?
    private let ready = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    /// The workers' finished cases go to the journal through it, in blocks.
    private let settlements: SettlementWriter

    init(count: Int, environment: BrevEnvironment, journal: any BatchJournal, transport: any LetterTransport,
         messageTransport: (any LetterTransport)?, clock: DispatchClock, versions: ResourceVersions, counters: BatchCounters) {
        self.count = count
        self.environment = environment
        self.journal = journal
        self.transport = transport
        self.messageTransport = messageTransport
        self.clock = clock
        self.versions = versions
        self.counters = counters
        queue = WorkQueue(capacity: count * 2)
        settlements = SettlementWriter(journal: journal)
    }

    func start() throws(BatchError) {
        settlements.start()
        for _ in 0..<count {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<count { ready.wait() }
        if let startupError = lock.withLock({ startupError }) {
            queue.abandon()
            _ = join()
            throw .resources(startupError)
        }
    }

    /// Waits for every worker and for the last settlements to be written; returns the first
    /// journal error if the journal failed.
    func join() -> JournalError? {
        for _ in 0..<count { finished.wait() }
        do {
            try settlements.finish()
        } catch {
            lock.withLock { journalError = journalError ?? error }
        }
        return lock.withLock { journalError }
    }

    private func work() {
        defer { finished.signal() }
        let pipeline: LetterPipeline
        do {
            pipeline = try LetterPipeline(environment: environment)
        } catch {
            lock.withLock { startupError = startupError ?? error }
            ready.signal()
            return
        }
        ready.signal()
        let worker = CaseWorker(pipeline: pipeline, journal: journal, transport: transport, messageTransport: messageTransport,
                                versions: versions, counters: counters, clock: clock)
        while let input = queue.take() {
            do {
                try settlements.add(worker.settlement(for: input, pending: settlements))
            } catch {
                // Without the journal nothing can be promised: stop the run; a re-run resumes.
                lock.withLock { journalError = journalError ?? error }
                queue.abandon()
                return
            }
        }
    }
}
