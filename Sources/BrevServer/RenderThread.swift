import CThreadSettings
import Dispatch
import Foundation
import Synchronization

/// One pipeline's own thread: it runs that pipeline's renders and sleeps in between.
///
/// A render is a millisecond or more of work without a pause, while the event loops answer
/// requests in bursts of microseconds. Under load the two renders keep both cores busy, and the
/// kernel protects a running thread's time slice: an event loop woken to send a finished letter
/// used to wait up to a slice (about 1.5 ms here) for a core, several times a request. A render
/// thread asks for long slices instead (`timeSlice`), which tells the kernel's EEVDF scheduler
/// that it is throughput work: a woken thread with the default, shorter slice preempts it at
/// once. Its share of the processor is unchanged (same nice value, same weight).
final class RenderThread: Sendable {
    /// Long enough to mark the thread as throughput work; the kernel clamps it to 0.1–100 ms.
    static let timeSlice: UInt64 = 20_000_000
    /// The stack a render gets: the process's default thread stack, as GCD's workers had.
    static let stackBytes = 8 << 20

    private enum Mail {
        case work(@Sendable () -> Void)
        case stop
    }

    private let wake = DispatchSemaphore(value: 0)
    private let mailbox = Mutex<Mail?>(nil)

    /// Starts the thread; it holds this object until `stop()`.
    init(name: String) {
        let thread = Thread { self.serve(name: name) }
        thread.stackSize = RenderThread.stackBytes
        thread.start()
    }

    private func serve(name: String) {
        _ = cthread_set_name(name)
        _ = cthread_set_time_slice(RenderThread.timeSlice)
        while true {
            wake.wait()
            switch mailbox.withLock({ mail in defer { mail = nil }; return mail }) {
            case .work(let work): work()
            case .stop: return
            case nil: continue
            }
        }
    }

    /// Runs `work` on this thread; it must be asleep (its pipeline free).
    func run(_ work: @escaping @Sendable () -> Void) {
        mailbox.withLock { $0 = .work(work) }
        wake.signal()
    }

    /// Ends the thread once it is asleep.
    func stop() {
        mailbox.withLock { $0 = .stop }
        wake.signal()
    }
}
