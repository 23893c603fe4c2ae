import Foundation

/// How the run shows progress: a line redrawn on a terminal, JSON lines for a scheduler, or nothing.
public enum ProgressStyle: String, Sendable, CaseIterable {
    /// A terminal line on standard error when standard error is a terminal, otherwise quiet.
    case auto
    /// One JSON object per second on standard output, and a final `summary` object.
    case json
    case none
}

/// Counts shared by the workers, and the figures progress shows.
final class BatchCounters: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var done = 0
    private(set) var refused = 0
    private(set) var failed = 0
    /// Letters sent in this run.
    private(set) var lettersSent = 0
    /// Cases settled in this run (the rest were settled by an earlier run).
    private(set) var settledThisRun = 0
    let started = Date()

    init(alreadyDone: Int, alreadyRefused: Int, alreadyFailed: Int) {
        done = alreadyDone
        refused = alreadyRefused
        failed = alreadyFailed
    }

    func add(done: Int = 0, refused: Int = 0, failed: Int = 0, letters: Int = 0) {
        lock.lock()
        self.done += done
        self.refused += refused
        self.failed += failed
        lettersSent += letters
        settledThisRun += done + refused + failed
        lock.unlock()
    }

    struct Snapshot: Sendable {
        var done, refused, failed, lettersSent, settledThisRun: Int
        var elapsed: Double
        var total: Int?

        var lettersPerSecond: Double { elapsed > 0 ? Double(lettersSent) / elapsed : 0 }
        var etaSeconds: Double? {
            guard let total, settledThisRun > 0, elapsed > 0 else { return nil }
            let remaining = max(0, total - done - refused - failed)
            return Double(remaining) / (Double(settledThisRun) / elapsed)
        }

        var terminalLine: String {
            let totalText = total.map(String.init) ?? "?"
            let eta = etaSeconds.map { "ETA \(Self.clock($0))" } ?? "ETA -"
            return "done \(done) · refused \(refused) · failed \(failed) / \(totalText) · "
                + String(format: "%.1f letters/s", lettersPerSecond) + " · \(eta)"
        }

        var json: String {
            let totalText = total.map(String.init) ?? "null"
            let eta = etaSeconds.map { String(format: "%.0f", $0) } ?? "null"
            return "{\"event\":\"progress\",\"done\":\(done),\"refused\":\(refused),\"failed\":\(failed),\"total\":\(totalText),"
                + "\"letters_sent\":\(lettersSent),\"letters_per_second\":" + String(format: "%.2f", lettersPerSecond)
                + ",\"eta_seconds\":\(eta),\"elapsed_seconds\":" + String(format: "%.1f", elapsed) + "}"
        }

        static func clock(_ seconds: Double) -> String {
            let s = Int(seconds.rounded())
            return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        }
    }

    func snapshot(total: Int?) -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(done: done, refused: refused, failed: failed, lettersSent: lettersSent,
                        settledThisRun: settledThisRun, elapsed: Date().timeIntervalSince(started), total: total)
    }
}

/// Shows progress once a second on its own thread until stopped.
final class ProgressDisplay: @unchecked Sendable {
    private let counters: BatchCounters
    private let total: Int?
    private let style: ProgressStyle
    private let condition = NSCondition()
    private var stopped = false
    private var thread: Thread?
    private let finishedSignal = DispatchSemaphore(value: 0)

    init(counters: BatchCounters, total: Int?, style: ProgressStyle) {
        self.counters = counters
        self.total = total
        self.style = style == .auto ? (isatty(STDERR_FILENO) == 1 ? .auto : .none) : style
    }

    func start() {
        guard style != .none else { return }
        let thread = Thread { [self] in
            condition.lock()
            while !stopped {
                _ = condition.wait(until: Date().addingTimeInterval(1))
                if !stopped { show() }
            }
            condition.unlock()
            finishedSignal.signal()
        }
        self.thread = thread
        thread.start()
    }

    func stop() {
        guard style != .none, thread != nil else { return }
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
        finishedSignal.wait()
        show()
        if style == .auto { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func show() {
        let snapshot = counters.snapshot(total: total)
        switch style {
        case .auto: FileHandle.standardError.write(Data("\r\u{1B}[K\(snapshot.terminalLine)".utf8))
        case .json: FileHandle.standardOutput.write(Data((snapshot.json + "\n").utf8))
        case .none: break
        }
    }
}
