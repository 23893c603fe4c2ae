#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One batch at a time per outbox: an exclusive lock on `.brev-batch.lock`. The kernel drops it
/// when the process dies, even by kill -9, so a re-run after a crash is never locked out.
/// Workers sharing a PostgreSQL journal take it shared: they may run together, but not beside a
/// SQLite batch on the same outbox.
final class OutboxLock {
    static let fileName = ".brev-batch.lock"
    private let fd: Int32

    init(outbox: String, shared: Bool = false) throws(BatchError) {
        fd = open("\(outbox)/\(Self.fileName)", O_CREAT | O_RDWR, 0o600)
        guard fd >= 0 else { throw .cannotRun("cannot create the lock in \(outbox): \(String(cString: strerror(errno)))") }
        guard flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(fd)
            throw .cannotRun("another brev batch is running on \(outbox)")
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
