import BrevPipeline
import Foundation

/// Renders many cases on several pipelines at once (one thread each) and hands the results
/// back strictly in input order, so that `render` reports, refuses duplicates
/// (`DUPLICATE_LETTER`: the first input wins) and writes exactly as it does one by one.
/// At most `window` results wait unconsumed: memory stays bounded however many cases there are.
final class OrderedRenders: @unchecked Sendable {
    /// What one input became: its letters, its refusal, or a file that could not be read.
    enum Outcome {
        case letters([RenderedLetter])
        case refused(BrevError)
        case unreadable(Error)
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
    private var results: [Int: Outcome] = [:]
    private var nextToClaim = 0
    private var consumed = 0

    /// Starts one thread per pipeline at once.
    init(paths: [String], pipelines: [LetterPipeline]) {
        self.paths = paths
        window = 4 * pipelines.count
        for pipeline in pipelines {
            let worker = Worker(pipeline)
            let thread = Thread { [self] in work(on: worker.pipeline) }
            thread.stackSize = 8 << 20  // layout recurses; the main thread has 8 MiB too
            thread.start()
        }
    }

    /// The outcome of input `index`, waiting for it; call for 0, 1, 2, … in order.
    func outcome(_ index: Int) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil { condition.wait() }
        let outcome = results.removeValue(forKey: index)!
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
            let outcome = Self.render(paths[index], on: pipeline)
            condition.lock()
            results[index] = outcome
            condition.broadcast()
            condition.unlock()
        }
    }

    static func render(_ path: String, on pipeline: LetterPipeline) -> Outcome {
        let json: [UInt8]
        do {
            json = try readCase(path)
        } catch {
            return .unreadable(error)
        }
        do {
            return .letters(try pipeline.renderAll(caseJSON: json))
        } catch {
            return .refused(error)
        }
    }
}
