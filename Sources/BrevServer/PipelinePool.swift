import BrevCore
import BrevPipeline
import Dispatch
import Synchronization

/// A fixed number of pipelines (one per core). A request borrows one for the whole render; when
/// none is free the service answers 429 at once instead of queueing without bound.
public final class PipelinePool: Sendable {
    /// One pipeline, used by one render at a time: the pool hands it to one borrower only.
    final class Slot: @unchecked Sendable {
        let pipeline: LetterPipeline
        init(_ pipeline: LetterPipeline) { self.pipeline = pipeline }
    }

    private let free: Mutex<[Slot]>
    public let size: Int
    /// The date the pipelines check and date letters against.
    public let today: CivilDate

    public init(environment: BrevEnvironment, size: Int) throws(BrevError) {
        var slots: [Slot] = []
        for _ in 0..<max(1, size) { slots.append(Slot(try LetterPipeline(environment: environment))) }
        self.size = slots.count
        today = environment.today
        free = Mutex(slots)
    }

    /// Pipelines not lent out now.
    var freeCount: Int { free.withLock { $0.count } }

    /// Runs `work` on a free pipeline off the server's threads, or returns nil when all are busy.
    public func run<T: Sendable>(_ work: @escaping @Sendable (LetterPipeline) -> T) async -> T? {
        guard let slot = free.withLock({ $0.popLast() }) else { return nil }
        defer { free.withLock { $0.append(slot) } }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work(slot.pipeline)) }
        }
    }
}
