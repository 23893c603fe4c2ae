import BrevCore
import BrevPipeline
import Dispatch
import Synchronization

/// A fixed number of pipelines (one per core). A request borrows one for the whole render. When
/// none is free it waits in a short line (`waitingLimit`); when the line is full too the service
/// answers 429 at once instead of queueing without bound. A request that has not finished by its
/// deadline is answered 503; its render runs to its end and only then frees its pipeline, so the
/// number of renders at once never exceeds the pool's size.
public final class PipelinePool: Sendable {
    /// One pipeline, used by one render at a time: the pool hands it to one borrower only.
    final class Slot: @unchecked Sendable {
        let pipeline: LetterPipeline
        init(_ pipeline: LetterPipeline) { self.pipeline = pipeline }
    }

    /// What became of a piece of work.
    public enum Outcome<T: Sendable>: Sendable {
        case done(T)
        /// Every pipeline was busy and the waiting line full.
        case busy
        /// The deadline passed (waiting or rendering).
        case timedOut
    }

    private enum Borrowed: Sendable {
        case slot(Slot)
        case busy
        case timedOut
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Borrowed, Never>
    }

    private struct State {
        var free: [Slot]
        var waiting: [Waiter] = []
        var nextWaiter = 0
    }

    private let state: Mutex<State>
    public let size: Int
    /// Requests that may wait for a pipeline; one more is refused with 429.
    public let waitingLimit: Int
    /// From the moment a request asks for a pipeline to the end of its render.
    public let timeout: Duration
    /// The date the pipelines check and date letters against.
    public let today: CivilDate

    public init(environment: BrevEnvironment, size: Int, waitingLimit: Int = 0, timeout: Duration = .seconds(10)) throws(BrevError) {
        var slots: [Slot] = []
        for _ in 0..<max(1, size) { slots.append(Slot(try LetterPipeline(environment: environment))) }
        self.size = slots.count
        self.waitingLimit = max(0, waitingLimit)
        self.timeout = timeout
        today = environment.today
        state = Mutex(State(free: slots))
    }

    /// Pipelines not lent out now.
    var freeCount: Int { state.withLock { $0.free.count } }
    /// Requests waiting for a pipeline now.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs `work` on a pipeline off the server's threads, once one is free.
    public func run<T: Sendable>(_ work: @escaping @Sendable (LetterPipeline) -> T) async -> Outcome<T> {
        let deadline = ContinuousClock.now + timeout
        let slot: Slot
        switch await borrow(until: deadline) {
        case .slot(let borrowed): slot = borrowed
        case .busy: return .busy
        case .timedOut: return .timedOut
        }
        let answer = AnswerOnce()
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            DispatchQueue.global().async {
                let result = work(slot.pipeline)
                self.giveBack(slot)
                if answer.claim() { continuation.resume(returning: .done(result)) }
            }
            PipelinePool.after(deadline) {
                if answer.claim() { continuation.resume(returning: .timedOut) }
            }
        }
    }

    private func borrow(until deadline: ContinuousClock.Instant) async -> Borrowed {
        let id = state.withLock { s in
            s.nextWaiter += 1
            return s.nextWaiter
        }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Borrowed, Never>) in
            let now: Borrowed? = state.withLock { s in
                if let slot = s.free.popLast() { return .slot(slot) }
                if s.waiting.count >= waitingLimit { return .busy }
                s.waiting.append(Waiter(id: id, continuation: continuation))
                return nil
            }
            if let now {
                continuation.resume(returning: now)
                return
            }
            PipelinePool.after(deadline) {
                let expired = self.state.withLock { s -> Waiter? in
                    guard let index = s.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                    return s.waiting.remove(at: index)
                }
                expired?.continuation.resume(returning: .timedOut)
            }
        }
    }

    /// Deadlines fire on a queue of their own: a serial queue may get a thread of its own, while
    /// Swift's cooperative pool and GCD's global queues have one per core, all of them busy
    /// rendering under load (a deadline there fires only when a render ends).
    private static let deadlines = DispatchQueue(label: "brev.pipeline-deadlines")

    /// Runs `action` (which must be quick) at `deadline`.
    private static func after(_ deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        let left = ContinuousClock.now.duration(to: deadline)
        let nanoseconds = max(0, left.components.seconds * 1_000_000_000 + left.components.attoseconds / 1_000_000_000)
        deadlines.asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds)), execute: action)
    }

    /// A finished render's pipeline goes to the longest waiting request, or back to the free ones.
    private func giveBack(_ slot: Slot) {
        let next = state.withLock { s -> Waiter? in
            if s.waiting.isEmpty {
                s.free.append(slot)
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .slot(slot))
    }
}

/// The render and its deadline race to answer; only the first may resume the request.
private final class AnswerOnce: Sendable {
    private let answered = Mutex(false)

    func claim() -> Bool {
        answered.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
