import Foundation
import Synchronization

/// Counts for `/metrics` in Prometheus' text format: renders by format, refusals by code and
/// render latencies. Labels are formats and codes only, never anything from a case.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct State {
        var renders: [String: Int] = [:]
        var checks = 0
        var refusals: [String: Int] = [:]
        var busy = 0
        var timeouts = 0
        var latencyCounts = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var latencySum = 0.0
        var latencyCount = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// A letter handed out in a format (the API's download or the pages').
    func delivered(format: String) { state.withLock { $0.renders[format, default: 0] += 1 } }

    /// A render finished (previews included), in `seconds`.
    func rendered(seconds: Double) {
        state.withLock { s in
            for (i, bound) in ServerMetrics.latencyBuckets.enumerated() where seconds <= bound { s.latencyCounts[i] += 1 }
            s.latencySum += seconds
            s.latencyCount += 1
        }
    }

    func checked() { state.withLock { $0.checks += 1 } }
    func refused(code: String) { state.withLock { $0.refusals[code, default: 0] += 1 } }
    func wasBusy() { state.withLock { $0.busy += 1 } }
    func timedOut() { state.withLock { $0.timeouts += 1 } }

    public func prometheusText() -> String {
        let s = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP brev_renders_total Letters handed out, by format.")
        lines.append("# TYPE brev_renders_total counter")
        for (format, n) in s.renders.sorted(by: { $0.key < $1.key }) { lines.append("brev_renders_total{format=\"\(format)\"} \(n)") }
        lines.append("# HELP brev_checks_total Cases checked.")
        lines.append("# TYPE brev_checks_total counter")
        lines.append("brev_checks_total \(s.checks)")
        lines.append("# HELP brev_refusals_total Requests refused, by brev's code.")
        lines.append("# TYPE brev_refusals_total counter")
        for (code, n) in s.refusals.sorted(by: { $0.key < $1.key }) { lines.append("brev_refusals_total{code=\"\(code)\"} \(n)") }
        lines.append("# HELP brev_busy_total Requests answered 429 because every pipeline was busy.")
        lines.append("# TYPE brev_busy_total counter")
        lines.append("brev_busy_total \(s.busy)")
        lines.append("# HELP brev_timeouts_total Requests answered 503 because the letter was not ready in time.")
        lines.append("# TYPE brev_timeouts_total counter")
        lines.append("brev_timeouts_total \(s.timeouts)")
        lines.append("# HELP brev_render_seconds Time to render one letter.")
        lines.append("# TYPE brev_render_seconds histogram")
        for (i, bound) in ServerMetrics.latencyBuckets.enumerated() {
            lines.append("brev_render_seconds_bucket{le=\"\(bound)\"} \(s.latencyCounts[i])")
        }
        lines.append("brev_render_seconds_bucket{le=\"+Inf\"} \(s.latencyCount)")
        lines.append("brev_render_seconds_sum \(s.latencySum)")
        lines.append("brev_render_seconds_count \(s.latencyCount)")
        return lines.joined(separator: "\n") + "\n"
    }
}
