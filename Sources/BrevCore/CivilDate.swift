/// A calendar date with no time and no time zone: what a letter date or a deadline is.
/// Kept apart from `Foundation.Date` so that no server locale or zone can shift a day.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a day that does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO 8601 `YYYY-MM-DD`.
    /// Read by its bytes: what splitting at "-" into parts of 4, 2 and 2 characters, each read
    /// by `Int`, accepts is ten ASCII bytes, "-" at 4 and 7, and each part an optional "+" and
    /// digits (`Int` takes no other character, so a text with any other byte is no date).
    public init?(iso: String) {
        var text = iso
        guard let (y, m, d) = text.withUTF8({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ from: Int, _ to: Int) -> Int? {
                var i = from
                if b[i] == 0x2B { i += 1 }
                guard i < to else { return nil }
                var n = 0
                while i < to {
                    let digit = b[i] &- 0x30
                    guard digit < 10 else { return nil }
                    n = n * 10 + Int(digit)
                    i += 1
                }
                return n
            }
            guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
            return (y, m, d)
        }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }
    public func adding(weeks: Int) -> CivilDate { adding(days: 7 * weeks) }

    /// Same day n months later; a day that does not exist becomes the month's last day
    /// (31 January + 1 month = 28 or 29 February), as forældelsesloven § 27 counts.
    public func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = min(day, CivilDate.daysIn(month: m, year: y))
        return CivilDate(year: y, month: m, day: d)!
    }

    public func days(until other: CivilDate) -> Int { other.dayNumber - dayNumber }

    public var iso: String {
        func pad(_ n: Int, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "'\(text)' is not a date YYYY-MM-DD"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
