import Foundation

/// CPU time of this thread spent in each stage of a letter, summed over letters; for the
/// benchmarks' per-stage split. A pipeline without one (the default) reads no clock.
public final class StageClock {
    public enum Stage: String, CaseIterable, Sendable {
        case caseInput = "case"       // read, validate, build the model
        case template                 // fill the template, read it into a Document, text rules
        case layout
        case pdf                      // draw, tag and finish PDF/UA + PDF/A
        case html
        case messages                 // MeMo / print letter and SF1601 body, schema-validated
    }

    public private(set) var seconds: [Stage: Double] = [:]

    public init() {}

    public func reset() { seconds = [:] }

    /// Runs `body` and adds its CPU time to `stage`.
    func time<T, E: Error>(_ stage: Stage, _ body: () throws(E) -> T) throws(E) -> T {
        let start = StageClock.threadCPUSeconds()
        defer { seconds[stage, default: 0] += StageClock.threadCPUSeconds() - start }
        return try body()
    }

    public static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

extension Optional where Wrapped == StageClock {
    /// Times `body` when there is a clock; otherwise just runs it.
    func time<T, E: Error>(_ stage: StageClock.Stage, _ body: () throws(E) -> T) throws(E) -> T {
        guard let clock = self else { return try body() }
        return try clock.time(stage, body)
    }
}
