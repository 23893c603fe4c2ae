import BrevCore
import Testing

@Suite struct CivilDateTests {
    @Test func the24thOfNovember2026IsATuesday() {
        let d = CivilDate(year: 2026, month: 11, day: 24)!
        #expect(d.isoWeekday == 2)
        #expect(DanishDateFormat.weekday(d) == "tirsdag")
    }

    @Test func danishDateForms() {
        let d = CivilDate(year: 2026, month: 11, day: 24)!
        #expect(DanishDateFormat.long(d) == "24. november 2026")
        #expect(DanishDateFormat.longWithWeekday(d) == "tirsdag den 24. november 2026")
        #expect(DanishDateFormat.short(d) == "24.11.2026")
        #expect(DanishDateFormat.long(CivilDate(year: 2027, month: 3, day: 1)!) == "1. marts 2027")
    }

    @Test func monthArithmeticClampsToTheLastDayOfTheMonth() {
        #expect(CivilDate(iso: "2027-01-31")!.adding(months: 1) == CivilDate(iso: "2027-02-28"))
        #expect(CivilDate(iso: "2028-01-31")!.adding(months: 1) == CivilDate(iso: "2028-02-29"))
        #expect(CivilDate(iso: "2027-01-31")!.adding(months: 6) == CivilDate(iso: "2027-07-31"))
        #expect(CivilDate(iso: "2027-01-31")!.adding(months: 12) == CivilDate(iso: "2028-01-31"))
        #expect(CivilDate(iso: "2027-03-15")!.adding(months: -3) == CivilDate(iso: "2026-12-15"))
    }

    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(iso: "1970-01-01")!.dayNumber == 0)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "24-11-2026") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
    }
}
