#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a crash prints. Swift's runtime backtracer (on by default on Linux, set by
/// `SWIFT_BACKTRACE`) prints registers, stack memory and the values it can find on a crash, and
/// brev's memory holds case text: names, CPR numbers, what a caseworker wrote. So brev replaces
/// the runtime's handlers for the crash signals, first thing in `main`, with one that writes a
/// single fixed line and exits with `exitStatus`, dumping nothing.
///
/// (A Swift `fatalError`/`precondition` still prints its own message before it traps; brev's
/// messages name fields, never values.)
public enum CrashReport {
    /// Documented in `brev --help`.
    public static let exitStatus: Int32 = 70

    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    public static func install() {
        // The lines are made now: formatting text in a signal handler is not safe.
        for signal in signals {
            let line = "brev: internal error (signal \(signal)); no personal data was printed\n"
            crashLines[Int(signal)] = strdup(line)
        }
        // Its own stack, so a stack overflow can still be reported.
        let stackSize = 256 * 1024
        if let stack = malloc(stackSize) {
            var alternate = stack_t()
            alternate.ss_sp = stack
            alternate.ss_size = stackSize
            sigaltstack(&alternate, nil)
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = reportCrash
        action.sa_flags = Int32(SA_ONSTACK)
        sigemptyset(&action.sa_mask)
        for signal in signals { sigaction(signal, &action, nil) }
    }
}

/// One fixed line per signal number, made before any handler is installed.
nonisolated(unsafe) private var crashLines = [UnsafeMutablePointer<CChar>?](repeating: nil, count: 65)

/// Async-signal-safe: only write(2) and _exit(2).
private let reportCrash: @convention(c) (Int32) -> Void = { signal in
    if signal >= 0, signal < 65, let line = crashLines[Int(signal)] {
        _ = write(2, line, strlen(line))
    }
    _exit(CrashReport.exitStatus)
}
