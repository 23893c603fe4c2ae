import BrevCore
import Testing

/// domain.md §7, cases 10–12: the 4-week complaint deadline, counted from receipt and moved to
/// the next working day.
@Suite struct ComplaintDeadlineTests {
    let rule = ComplaintDeadlineRule()
    func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func case10aDigitalPostSentOnSaturdayMovesToMonday() {
        let deadline = rule.deadline(letterDate: date("2026-11-14"), dispatchDate: nil, channel: .digitalPost)
        #expect(deadline == date("2026-12-14"))
        #expect(DanishDateFormat.longWithWeekday(deadline) == "mandag den 14. december 2026")
    }

    @Test func case10bDeadlineOnChristmasDayMovesPastTheWeekend() {
        let deadline = rule.deadline(letterDate: date("2026-11-27"), dispatchDate: nil, channel: .digitalPost)
        #expect(deadline == date("2026-12-28"))
        #expect(DanishDateFormat.longWithWeekday(deadline) == "mandag den 28. december 2026")
    }

    @Test func case11PaperLetterIsPresumedReceivedSixWorkingDaysLater() {
        let received = rule.receivedDate(letterDate: date("2026-11-18"), dispatchDate: nil, channel: .paper)
        #expect(received == date("2026-11-26"))
        let deadline = rule.deadline(received: received)
        #expect(DanishDateFormat.longWithWeekday(deadline) == "mandag den 28. december 2026")
    }

    @Test func case11WithoutChristmasEveClosedTheDeadlineIsChristmasEve() {
        let open24 = ComplaintDeadlineRule(calendar: DanishCalendar(closedDaysExtra: [
            .init(month: 6, day: 5), .init(month: 12, day: 31),
        ]))
        let deadline = open24.deadline(letterDate: date("2026-11-18"), dispatchDate: nil, channel: .paper)
        #expect(DanishDateFormat.longWithWeekday(deadline) == "torsdag den 24. december 2026")
    }

    @Test func case12DeadlineCountsFromTheActualDispatchNotTheLetterDate() {
        let deadline = rule.deadline(letterDate: date("2026-11-23"), dispatchDate: date("2026-11-25"), channel: .digitalPost)
        #expect(deadline == date("2026-12-23"))
        #expect(DanishDateFormat.longWithWeekday(deadline) == "onsdag den 23. december 2026")
    }

    @Test func aDispatchBeforeTheLetterDateNeverMakesTheDeadlineEarlier() {
        let deadline = rule.deadline(letterDate: date("2026-11-24"), dispatchDate: date("2026-11-20"), channel: .digitalPost)
        #expect(deadline == date("2026-12-22"))
    }

    @Test func handedOverInPersonIsReceivedTheSameDay() {
        #expect(rule.receivedDate(letterDate: date("2026-11-24"), dispatchDate: nil, channel: .inPerson) == date("2026-11-24"))
    }
}
