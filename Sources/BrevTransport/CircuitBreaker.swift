import Foundation

/// Stops sending when the receiver is down, instead of every worker hammering it with retries:
/// after `threshold` letters in a row that failed every attempt the circuit opens, and letters
/// fail at once (no request) for `openSeconds`. Then one letter is let through as a trial: if it
/// goes out the circuit closes, if not it opens again. Shared by all workers of a run.
public final class CircuitBreaker: @unchecked Sendable {
    private let threshold: Int
    private let openSeconds: TimeInterval
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var failuresInARow = 0
    private var openUntil: Date?
    private var trialRunning = false

    public init(threshold: Int, openSeconds: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.threshold = max(1, threshold)
        self.openSeconds = openSeconds
        self.now = now
    }

    /// May a letter be sent now? False while the circuit is open (or its trial is under way).
    public func allow() -> Bool {
        lock.withLock {
            guard let until = openUntil else { return true }
            if now() < until || trialRunning { return false }
            trialRunning = true
            return true
        }
    }

    public func succeeded() {
        lock.withLock {
            failuresInARow = 0
            openUntil = nil
            trialRunning = false
        }
    }

    public func failed() {
        lock.withLock {
            failuresInARow += 1
            if trialRunning || failuresInARow >= threshold {
                openUntil = now().addingTimeInterval(openSeconds)
            }
            trialRunning = false
        }
    }

    public var isOpen: Bool {
        lock.withLock { openUntil.map { now() < $0 } ?? false }
    }
}
