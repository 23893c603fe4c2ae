import BrevCore
import Testing

@Suite struct DanishCalendarTests {
    func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func easterSundayMatchesTheKnownDates() {
        #expect(DanishCalendar.easterSunday(year: 2025) == date("2025-04-20"))
        #expect(DanishCalendar.easterSunday(year: 2026) == date("2026-04-05"))
        #expect(DanishCalendar.easterSunday(year: 2027) == date("2027-03-28"))
    }

    @Test func movableHolidaysFollowEaster2026() {
        let holidays = DanishCalendar.publicHolidays(year: 2026)
        for iso in ["2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-24", "2026-05-25"] {
            #expect(holidays.contains(date(iso)), "\(iso) should be a holiday")
        }
        #expect(holidays.contains(date("2026-12-25")) && holidays.contains(date("2026-12-26")) && holidays.contains(date("2026-01-01")))
    }

    @Test func greatPrayerDayIsAHolidayOnlyBefore2024() {
        // Store bededag: Easter + 26 days. 2023: 5 May; 2024 would have been 26 April.
        #expect(DanishCalendar.publicHolidays(year: 2023).contains(date("2023-05-05")))
        #expect(!DanishCalendar.publicHolidays(year: 2024).contains(date("2024-04-26")))
        #expect(DanishCalendar().isWorkingDay(date("2024-04-26")))
    }

    @Test func closedDaysExtraAreNotWorkingDaysByDefaultButConfigurable() {
        let calendar = DanishCalendar()
        #expect(!calendar.isWorkingDay(date("2026-12-24")))
        #expect(!calendar.isWorkingDay(date("2026-12-31")))
        #expect(!calendar.isWorkingDay(date("2026-06-05")))
        #expect(DanishCalendar(closedDaysExtra: []).isWorkingDay(date("2026-12-24")))
    }

    @Test func weekendsAreNotWorkingDays() {
        #expect(!DanishCalendar().isWorkingDay(date("2026-11-28")))
        #expect(!DanishCalendar().isWorkingDay(date("2026-11-29")))
        #expect(DanishCalendar().isWorkingDay(date("2026-11-30")))
    }
}
