import Foundation

/// Dates and times as Danish letters count them: in Europe/Copenhagen, whatever the server's zone.
public enum CopenhagenTime {
    /// Parses an ISO 8601 date-time with an explicit offset (`2026-11-24T09:12+01:00`,
    /// `2026-11-24T08:12:00Z`) and returns the instant. A time without an offset is ambiguous
    /// across a DST change and is rejected.
    public static func instant(fromISO text: String) -> Date? {
        guard let m = isoInstant.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(m.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        guard let y = Int(group(1)!), let mo = Int(group(2)!), let d = Int(group(3)!),
              let h = Int(group(4)!), let mi = Int(group(5)!), h < 24, mi < 60,
              let date = CivilDate(year: y, month: mo, day: d) else { return nil }
        let s = group(6).flatMap(Int.init) ?? 0
        guard s < 60 else { return nil }
        var offsetSeconds = 0
        let zone = group(7)!
        if zone != "Z" {
            let sign = zone.hasPrefix("-") ? -1 : 1
            let parts = zone.dropFirst().split(separator: ":")
            guard let oh = Int(parts[0]), let om = Int(parts[1]), oh < 24, om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        let seconds = date.dayNumber * 86400 + h * 3600 + mi * 60 + s - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Compiled once: every case with a dispatch time is read through it.
    private static let isoInstant = try! NSRegularExpression(
        pattern: #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$"#)

    /// The date of an instant in Europe/Copenhagen. Counted with `CivilDate`'s proleptic Gregorian
    /// day numbers, not Foundation's calendar: that one is Julian before 1582, where some of its
    /// dates (29 February 1500) do not exist in ours. Any instant gives a date; none traps.
    public static func date(of instant: Date) -> CivilDate {
        let zone = TimeZone(identifier: "Europe/Copenhagen")!
        let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
        // ±10^14 days is far beyond any year brev reads, and well inside Int.
        let days = (local / 86400).rounded(.down)
        guard days.isFinite else { return CivilDate(dayNumber: 0) }
        return CivilDate(dayNumber: Int(min(max(days, -1e14), 1e14)))
    }
}

extension CopenhagenTime {
    /// Midnight of a date in Europe/Copenhagen as ISO 8601 with its offset
    /// (`2026-11-24T00:00:00+01:00`), for document dates that must not depend on the clock.
    public static func isoMidnight(_ date: CivilDate) -> String {
        let zone = TimeZone(identifier: "Europe/Copenhagen")!
        let noonUTC = Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86400 + 12 * 3600))
        let offset = zone.secondsFromGMT(for: noonUTC)
        let sign = offset < 0 ? "-" : "+"
        let h = abs(offset) / 3600
        let m = abs(offset) % 3600 / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T00:00:00\(sign)\(two(h)):\(two(m))"
    }
}
