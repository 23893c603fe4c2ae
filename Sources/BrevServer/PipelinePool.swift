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

    /// A request's render, waiting for a pipeline or running on one. `render` runs it on a
    /// pipeline and returns what answers the request (unless its deadline answered first), to
    /// be called once the pipeline is free again: a request answered finds its pipeline free.
    private struct Job {
        let id: Int
        let render: @Sendable (Slot) -> @Sendable () -> Void
    }

    /// What a request's arrival finds: a free pipeline, a place in the line, or neither.
    private enum Admission { case run(Slot), wait, busy }

    private struct State {
        var free: [Slot]
        var waiting: [Job] = []
    }

    private let state: Mutex<State>
    private let jobIDs = Atomic(0)
    private let deadlines: RequestDeadlines
    public let size: Int
    /// Requests that may wait for a pipeline; one more is refused with 429.
    public let waitingLimit: Int
    /// From the moment a request asks for a pipeline to the end of its render.
    public var timeout: Duration { deadlines.timeout }
    /// The date the pipelines check and date letters against.
    public let today: CivilDate

    public init(environment: BrevEnvironment, size: Int, waitingLimit: Int = 0, timeout: Duration = .seconds(10)) throws(BrevError) {
        var slots: [Slot] = []
        for _ in 0..<max(1, size) { slots.append(Slot(try LetterPipeline(environment: environment))) }
        self.size = slots.count
        self.waitingLimit = max(0, waitingLimit)
        deadlines = RequestDeadlines(timeout: timeout)
        today = environment.today
        state = Mutex(State(free: slots))
    }

    /// Pipelines not lent out now.
    var freeCount: Int { state.withLock { $0.free.count } }
    /// Requests waiting for a pipeline now.
    var waitingCount: Int { state.withLock { $0.waiting.count } }
    /// Requests whose deadline is still to come: waiting or rendering.
    var openDeadlines: Int { deadlines.openCount }

    /// Runs `work` on a pipeline off the server's threads, once one is free.
    ///
    /// A render that ends hands its pipeline to the longest waiting request and runs that one's
    /// work on the same thread: a waiting request costs no trip back to the server's threads
    /// and out again. One deadline a request answers it 503 if its work has not answered by then.
    public func run<T: Sendable>(_ work: @escaping @Sendable (LetterPipeline) -> T) async -> Outcome<T> {
        let answer = AnswerOnce()
        let id = jobIDs.add(1, ordering: .relaxed).newValue
        return await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            // The deadline is set before the job can run, so an answer always finds it to take out.
            deadlines.add(id: id) {
                // Still in the line: it leaves it. Running: it runs to its end, then frees its pipeline.
                self.state.withLock { s in s.waiting.removeAll { $0.id == id } }
                if answer.claim() { continuation.resume(returning: .timedOut) }
            }
            let job = Job(id: id) { slot in
                let result = work(slot.pipeline)
                return {
                    self.deadlines.remove(id: id)
                    if answer.claim() { continuation.resume(returning: .done(result)) }
                }
            }
            let admission: Admission = state.withLock { s in
                if let slot = s.free.popLast() { return .run(slot) }
                if s.waiting.count >= waitingLimit { return .busy }
                s.waiting.append(job)
                return .wait
            }
            switch admission {
            case .busy:
                deadlines.remove(id: id)
                _ = answer.claim()
                continuation.resume(returning: .busy)
            case .run(let slot):
                DispatchQueue.global().async { self.runJobs(from: job, on: slot) }
            case .wait:
                break
            }
        }
    }

    /// Runs `job` on `slot`, then each job waiting when one ends, until none waits and the
    /// pipeline goes back to the free ones.
    private func runJobs(from job: Job, on slot: Slot) {
        var next: Job? = job
        while let job = next {
            let answer = job.render(slot)
            next = state.withLock { s -> Job? in
                if s.waiting.isEmpty {
                    s.free.append(slot)
                    return nil
                }
                return s.waiting.removeFirst()
            }
            answer()
        }
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
