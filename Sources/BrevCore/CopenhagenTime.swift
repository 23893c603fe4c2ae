import Foundation

/// Dates and times as Danish letters count them: in Europe/Copenhagen, whatever the server's zone.
public enum CopenhagenTime {
    /// Parses an ISO 8601 date-time with an explicit offset (`2026-11-24T09:12+01:00`,
    /// `2026-11-24T08:12:00Z`) and returns the instant. A time without an offset is ambiguous
    /// across a DST change and is rejected.
    public static func instant(fromISO text: String) -> Date? {
        var text = text
        return text.withUTF8 { instant(fromISO: PatternText($0)) }
    }

    /// The parse of `^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$`
    /// as ICU matched it, on bytes: that expression's set-up was a fifth of a cold start's
    /// regular-expression cost, paid by the first case read. A field's digits are ASCII (ICU's `\d`
    /// took any decimal digit, which `Int` then refused, so those texts gave nil either way); the
    /// ignored fraction takes any; `$` also matches before one line terminator that ends the text.
    /// One difference, on purpose: seconds in other digits (`08:12:0٣Z`) were read as 0 (the old
    /// code fell back to 0 where `Int` refused them); they are refused now, as every other field
    /// in other digits was. `CopenhagenTimeTests` runs the expression beside it.
    static func instant(fromISO t: PatternText) -> Date? {
        var i = 0
        func number(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard i < t.count, t.bytes[i] &- 0x30 < 10 else { return nil }
                value = value * 10 + Int(t.bytes[i] &- 0x30)
                i += 1
            }
            return value
        }
        func literal(_ byte: UInt8) -> Bool {
            guard t.has(byte, at: i) else { return false }
            i += 1
            return true
        }
        guard let y = number(4), literal(0x2D), let mo = number(2), literal(0x2D), let d = number(2), literal(0x54),
              let h = number(2), literal(0x3A), let mi = number(2) else { return nil }
        var s = 0
        if literal(0x3A) {
            guard let seconds = number(2) else { return nil }
            s = seconds
            if literal(0x2E) {
                let fraction = t.digits(from: i)
                guard fraction.count > 0 else { return nil }
                i = fraction.end
            }
        }
        var offsetSeconds = 0
        if !literal(0x5A) {
            guard i < t.count, t.bytes[i] == 0x2B || t.bytes[i] == 0x2D else { return nil }
            let sign = t.bytes[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = number(2), literal(0x3A), let om = number(2), oh < 24, om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        guard endsLine(t, at: i), h < 24, mi < 60, s < 60, let date = CivilDate(year: y, month: mo, day: d) else { return nil }
        let seconds = date.dayNumber * 86400 + h * 3600 + mi * 60 + s - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// ICU's `$` without the multi-line flag: the end of the text, or one line terminator (LF, VT,
    /// FF, CR, NEL, LS, PS, or CR LF) that ends it.
    private static func endsLine(_ t: PatternText, at i: Int) -> Bool {
        let rest = t.count - i
        if rest == 0 { return true }
        let (v, n) = t.scalar(at: i)
        if n == rest { return v == 0x0A || v == 0x0B || v == 0x0C || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029 }
        return rest == 2 && v == 0x0D && t.bytes[i + 1] == 0x0A
    }

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
