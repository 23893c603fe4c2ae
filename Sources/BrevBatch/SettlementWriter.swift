import BrevStore
import Foundation

/// Writes finished cases to the journal in blocks, on a thread of its own: one transaction (one
/// flush to disk) per block of up to `blockSize` cases, or fewer once the oldest has waited
/// `maxDelay` seconds. A commit per step was most of the journal's cost (PostgreSQL: six commits
/// a letter, 24% of a letter's time).
///
/// Why a block may wait: a case is settled in the journal only to save work on a re-run. A run
/// killed before a block is written works on those cases again, and each letter that had gone
/// out is recognised by its transport (the outbox folder is renamed into place atomically and
/// checked byte for byte; SF1601 deduplicates by messageUUID and answers with its first
/// acceptance time), so it is not sent twice and its deadline still runs from its first
/// dispatch. `maxDelay` bounds how much work a kill can cost. Inside the run, letters in a block
/// not yet written count as sent (`sentLetter`), so the same case twice in the input still sends
/// once and is reported as a duplicate.
public final class SettlementWriter: @unchecked Sendable {
    /// Cases in one transaction: enough that the flush is a small share of their cost.
    public static let defaultBlockSize = 32
    /// At most this long between a case finishing and its settlement being durable.
    static let defaultMaxDelay: Double = 1

    private let journal: any BatchJournal
    private let blockSize: Int
    private let maxDelay: Double
    private let condition = NSCondition()
    private var pending: [CaseSettlement] = []
    private var oldestPending: Date?
    /// Letters sent in settlements handed over and not yet written (pending or being written).
    private var unwrittenSends: [String: SentLetter] = [:]
    private var stopped = false
    private var failure: JournalError?
    private let finished = DispatchSemaphore(value: 0)

    init(journal: any BatchJournal, blockSize: Int = SettlementWriter.defaultBlockSize,
         maxDelay: Double = SettlementWriter.defaultMaxDelay) {
        self.journal = journal
        self.blockSize = max(1, blockSize)
        self.maxDelay = maxDelay
    }

    func start() {
        let thread = Thread { [self] in
            defer { finished.signal() }
            writeBlocks()
        }
        thread.start()
    }

    /// Hands a finished case over. Waits while the journal is more than a few blocks behind (so
    /// memory stays bounded); throws if writing an earlier block failed (the run must stop).
    func add(_ settlement: CaseSettlement) throws(JournalError) {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= 4 * blockSize && failure == nil && !stopped { condition.wait() }
        if let failure { throw failure }
        pending.append(settlement)
        // The first of a block starts the writer's clock (it waits without a deadline when idle).
        if oldestPending == nil {
            oldestPending = Date()
            condition.broadcast()
        }
        for letter in settlement.letters {
            if let sent = letter.sentLetter { unwrittenSends[letter.entry.letterId] = sent }
        }
        if pending.count >= blockSize { condition.broadcast() }
    }

    /// A letter sent in a settlement not yet written, if any.
    func sentLetter(letterId: String) -> SentLetter? {
        condition.lock()
        defer { condition.unlock() }
        return unwrittenSends[letterId]
    }

    /// Writes what is pending and stops the thread; throws the first failure of any block.
    func finish() throws(JournalError) {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
    }

    private func writeBlocks() {
        condition.lock()
        while true {
            while !stopped && failure == nil && pending.count < blockSize {
                if let oldest = oldestPending {
                    let due = oldest.addingTimeInterval(maxDelay)
                    if due <= Date() { break }
                    condition.wait(until: due)
                } else {
                    condition.wait()
                }
            }
            if failure != nil || pending.isEmpty {
                if stopped || failure != nil { break }
                continue
            }
            let block = Array(pending.prefix(blockSize))
            pending.removeFirst(block.count)
            oldestPending = pending.isEmpty ? nil : Date()
            condition.broadcast()
            condition.unlock()
            var error: JournalError?
            do {
                try journal.settle(block)
            } catch let thrown {
                error = thrown
            }
            condition.lock()
            if let error {
                failure = failure ?? error
                condition.broadcast()
                break
            }
            for letter in block.flatMap(\.letters) where unwrittenSends[letter.entry.letterId]?.line == letter.entry.line {
                unwrittenSends.removeValue(forKey: letter.entry.letterId)
            }
        }
        condition.unlock()
    }
}
