import BrevCore
import BrevTestSupport
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

    /// ISO dates read by their bytes are the dates read as before: split at "-", each part by `Int`.
    @Test func isoDatesAreReadAsByIntAfterSplitting() {
        func reference(_ iso: String) -> CivilDate? {
            let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        let years = ["2026", "+202", "1999", "0000", "٣٣٣٣", "20 6", "202", "20266", "+", "2024", "-202", "2é26"]
        let separators = ["-", "-", "-", "+", "", "--", "-\u{301}", "\r\n"]
        let twos = ["11", "02", "29", "31", "00", "13", "+1", "1", "024", "٣٣", "1a", "+", "++", " 1", "1\r\n"]
        var generator = SeededGenerator(seed: 1024)
        var dates = 0
        for _ in 0..<50_000 {
            let parts = [years.randomElement(using: &generator)!, separators.randomElement(using: &generator)!, twos.randomElement(using: &generator)!,
                         separators.randomElement(using: &generator)!, twos.randomElement(using: &generator)!]
            let text = parts.joined() + (Int.random(in: 0..<10, using: &generator) == 0 ? twos.randomElement(using: &generator)! : "")
            #expect(CivilDate(iso: text) == reference(text), "\(text.debugDescription)")
            if reference(text) != nil { dates += 1 }
        }
        for text in ["2026-11-24", "+202-01-01", "2024-02-29", "2023-02-29", "2026-+1-+5", "2026-1-024", "+2026-1-01", "2026-11-24\n"] {
            #expect(CivilDate(iso: text) == reference(text), "\(text.debugDescription)")
        }
        #expect(dates > 100)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "24-11-2026") == nil)
        #expect(CivilDate(iso: "2028-02-29") != nil)
    }
}
