import Dispatch
import GRDB
import Synchronization

/// Group commit for the audit log: an entry waits here while the transaction before it is being
/// written, then goes to disk with every entry that arrived meanwhile, in one transaction (one
/// fsync). At 16 requests at once that is one fsync for many letters instead of one each, and
/// the fsync runs on this committer's own queue, never on a thread that serves requests.
final class AuditCommitter: Sendable {
    private struct Waiting {
        var entries: [(entry: AuditLog.Entry, done: CheckedContinuation<Void, any Error>)] = []
        var writing = false
    }

    private let waiting = Mutex(Waiting())
    private let database: ServerDatabase
    private let queue = DispatchQueue(label: "brev.audit-commit")

    init(database: ServerDatabase) {
        self.database = database
    }

    /// Returns when `entry` is committed; throws the database's error if its transaction failed.
    func commit(_ entry: AuditLog.Entry) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let startWriting = waiting.withLock { state in
                state.entries.append((entry, done))
                defer { state.writing = true }
                return !state.writing
            }
            if startWriting { queue.async { self.writeUntilEmpty() } }
        }
    }

    private func writeUntilEmpty() {
        while true {
            let batch = waiting.withLock { state in
                let batch = state.entries
                state.entries.removeAll(keepingCapacity: true)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            if batch.isEmpty { return }
            let entries = batch.map(\.entry)
            do {
                try database.pool.write { db in
                    let insert = try db.cachedStatement(sql: """
                        INSERT INTO audit (at, caseworker, action, letter_id, letter_kind, pdf_sha256) VALUES (?, ?, ?, ?, ?, ?)
                        """)
                    for e in entries {
                        try insert.execute(arguments: [e.at, e.caseworker, e.action, e.letterId, e.letterKind, e.pdfSHA256])
                    }
                }
                for waiter in batch { waiter.done.resume() }
            } catch {
                for waiter in batch { waiter.done.resume(throwing: error) }
            }
        }
    }
}
