import Foundation

/// An instant as ISO 8601 in UTC to the second (`2026-12-01T12:34:56Z`), the form
/// `ISO8601DateFormatter` writes by default (the second the instant falls in), without making a formatter for every request
/// (that cost more than the audit row it dated).
enum UTCTimestamp {
    static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
