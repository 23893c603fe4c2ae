import BrevCommandLine
import BrevCore
import BrevPipeline
import Foundation

/// `render` over many cases on several pipelines at once, one thread each: the outcomes come
/// back in input order, for `Render` to admit, write (in groups) and print as if one by one.
/// A worker never waits for another's input, only for the window: at most `window` outcomes
/// wait to be taken, so memory stays bounded however many cases there are.
final class OrderedRenders: @unchecked Sendable {
    /// What one input became.
    struct Outcome {
        /// The letters rendered (their warnings are printed, even when the input is refused).
        var letters: [RenderedLetter] = []
        /// The paths written, per letter, in order (empty until written; when writing failed).
        var written: [[String]] = []
        /// A `BrevError` is reported with the input; any other error (a file that cannot be
        /// read) ends the run, as it did before the pool.
        var failure: (any Error)?
    }

    /// A pipeline is used by one thread only: the worker it was made for.
    private final class Worker: @unchecked Sendable {
        let pipeline: LetterPipeline
        init(_ pipeline: LetterPipeline) { self.pipeline = pipeline }
    }

    private let paths: [String]
    private let window: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var outcomes: [Int: Outcome] = [:]
    private var nextToClaim = 0
    private var consumed = 0

    init(paths: [String], window: Int) {
        self.paths = paths
        self.window = window
    }

    /// Starts one thread per pipeline; read the outcomes with `outcome(_:)`.
    func start(_ pipelines: [LetterPipeline]) {
        for pipeline in pipelines {
            let worker = Worker(pipeline)
            let thread = Thread { [self] in work(on: worker.pipeline) }
            thread.stackSize = 8 << 20  // as the main thread's
            thread.start()
        }
    }

    /// The outcome of input `index`, waiting for it; call for 0, 1, 2, … in order.
    func outcome(_ index: Int) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while outcomes[index] == nil { condition.wait() }
        let outcome = outcomes.removeValue(forKey: index)!
        consumed = index + 1
        condition.broadcast()
        return outcome
    }

    private func work(on pipeline: LetterPipeline) {
        while true {
            condition.lock()
            while nextToClaim - consumed >= window { condition.wait() }
            let index = nextToClaim
            nextToClaim += 1
            condition.unlock()
            guard index < paths.count else { return }
            let outcome = process(index, on: pipeline)
            condition.lock()
            outcomes[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Renders input `index`. Called on one thread for all inputs in order, or from the workers.
    func process(_ index: Int, on pipeline: LetterPipeline) -> Outcome {
        var outcome = Outcome()
        do {
            outcome.letters = try pipeline.renderAll(caseJSON: try readCase(paths[index]))
        } catch {
            outcome.failure = error
        }
        return outcome
    }
}
