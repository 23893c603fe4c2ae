import BrevCommandLine
import BrevCore
import BrevPipeline
import Foundation

/// `render` over many cases on several pipelines at once, one thread each, with everything a
/// user sees as it is one by one: each case is rendered, then admitted strictly in input order
/// (a letter id already admitted in this run refuses the later input, `DUPLICATE_LETTER`: the
/// first wins); outcomes come back in input order, to be written (`Render`, in groups) and
/// printed. Renders run in parallel; only the admission is one at a time. At most `window`
/// outcomes wait to be taken: memory stays bounded however many cases there are.
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
    private var nextToAdmit = 0
    private var consumed = 0
    /// Which input each letter id of this run came from.
    private var inputOfLetter: [String: String] = [:]
    /// An input could not be read: the run ends there, so no later input is written.
    private var stopped = false

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

    /// Renders and admits input `index`, in input order. Called on one thread for all inputs
    /// in order, or from the workers.
    func process(_ index: Int, on pipeline: LetterPipeline) -> Outcome {
        let path = paths[index]
        var outcome = Outcome()
        do {
            outcome.letters = try pipeline.renderAll(caseJSON: try readCase(path))
        } catch {
            outcome.failure = error
        }
        // Admission, one input at a time in input order, even when this one failed.
        condition.lock()
        while nextToAdmit != index { condition.wait() }
        let admitted = !stopped
        if outcome.failure.map({ !($0 is BrevError) }) == true { stopped = true }
        if !admitted {
            outcome = Outcome()
        } else if outcome.failure == nil, let taken = outcome.letters.first(where: { inputOfLetter[$0.letterId] != nil }) {
            outcome.failure = BrevError.invalid([.error(.duplicateLetter, at: .jsonPath("$"),
                "letter \(taken.letterId) was already written in this run from \(inputOfLetter[taken.letterId]!); nothing was written for this input")])
        } else if outcome.failure == nil {
            for letter in outcome.letters { inputOfLetter[letter.letterId] = path }
        }
        nextToAdmit += 1
        condition.broadcast()
        condition.unlock()
        return outcome
    }
}
