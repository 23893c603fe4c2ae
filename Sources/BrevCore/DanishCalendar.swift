/// Which days are working days (*hverdage*) in Denmark, for moving a complaint deadline to the
/// next working day (domain.md §2.1).
public struct DanishCalendar: Sendable, Hashable {
    /// A day of the year that recurs: (month, day).
    public struct MonthDay: Sendable, Hashable, Codable {
        public var month: Int
        public var day: Int
        public init(month: Int, day: Int) {
            self.month = month
            self.day = day
        }
    }

    /// Days that count as closed although they are not public holidays. The default follows
    /// domain.md §2.1: Constitution Day, Christmas Eve and New Year's Eve. Including them only
    /// ever makes a deadline later, which favours the citizen; a municipality can change it.
    public var closedDaysExtra: Set<MonthDay>

    public static let defaultClosedDaysExtra: Set<MonthDay> = [
        MonthDay(month: 6, day: 5), MonthDay(month: 12, day: 24), MonthDay(month: 12, day: 31),
    ]

    public init(closedDaysExtra: Set<MonthDay> = DanishCalendar.defaultClosedDaysExtra) {
        self.closedDaysExtra = closedDaysExtra
    }

    /// Easter Sunday, Gregorian computus (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)!
    }

    /// The public holidays (*helligdage*) of the year. Great Prayer Day (*store bededag*) was
    /// abolished from 2024 and is a holiday only in earlier years.
    public static func publicHolidays(year: Int) -> Set<CivilDate> {
        let easter = easterSunday(year: year)
        var days: Set<CivilDate> = [
            CivilDate(year: year, month: 1, day: 1)!,
            CivilDate(year: year, month: 12, day: 25)!,
            CivilDate(year: year, month: 12, day: 26)!,
        ]
        // Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
        for offset in [-3, -2, 0, 1, 39, 49, 50] {
            days.insert(easter.adding(days: offset))
        }
        if year < 2024 {
            days.insert(easter.adding(days: 26))
        }
        return days
    }

    public func isPublicHoliday(_ date: CivilDate) -> Bool {
        DanishCalendar.publicHolidays(year: date.year).contains(date)
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if date.isoWeekday >= 6 { return false }
        if closedDaysExtra.contains(MonthDay(month: date.month, day: date.day)) { return false }
        return !isPublicHoliday(date)
    }

    /// The date itself if it is a working day, else the next one.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        var d = date
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }

    /// The date itself if it is a working day, else the last one before it.
    public func workingDay(onOrBefore date: CivilDate) -> CivilDate {
        var d = date
        while !isWorkingDay(d) { d = d.adding(days: -1) }
        return d
    }

    /// `count` working days after `date` (the start day itself is not counted).
    public func adding(workingDays count: Int, to date: CivilDate) -> CivilDate {
        var d = date
        var left = count
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }
}
