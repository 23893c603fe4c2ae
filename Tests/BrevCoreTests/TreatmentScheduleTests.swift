import BrevCore
import Testing

/// domain.md §7 cases 19 and 20.
@Suite struct TreatmentScheduleTests {
    let schedule = TreatmentSchedule()
    func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test func case19aThistedFollowUpsClampToMonthEndAndMoveToTheFridayBefore() {
        let items = schedule.followUps(discharge: date("2027-01-31"), months: [1, 6], consent: true)
        #expect(items.map(\.nominal) == [date("2027-02-28"), date("2027-07-31")])
        #expect(items.map(\.due) == [date("2027-02-26"), date("2027-07-30")])
        #expect(DanishDateFormat.long(items[0].nominal) == "28. februar 2027")
    }

    @Test func case19bIshoejAddsThreeAndTwelveMonths() {
        let items = schedule.followUps(discharge: date("2027-01-31"), months: [1, 3, 6, 12], consent: true)
        #expect(items.map(\.nominal).contains(date("2027-04-30")))
        #expect(items.map(\.nominal).contains(date("2028-01-31")))
        #expect(items.count == 4)
    }

    @Test func case19cWithoutConsentNothingIsScheduled() {
        #expect(schedule.followUps(discharge: date("2027-01-31"), months: [1, 6], consent: false).isEmpty)
    }

    @Test func case20CitizenConferencesAndExternalDeadlines() {
        let enrolment = date("2027-01-04")
        let conferences = schedule.citizenConferences(enrolment: enrolment)
        #expect(DanishDateFormat.long(conferences[0].due) == "15. februar 2027")
        #expect(conferences[1].nominal == date("2027-07-03"))
        #expect(DanishDateFormat.longWithWeekday(conferences[1].due) == "fredag den 2. juli 2027")
        let outpatient = schedule.externalProviderDeadlines(enrolment: enrolment, dayOrResidential: false)
        #expect(outpatient[0].due == date("2027-02-15"))
        #expect(outpatient[1].nominal == date("2027-04-04"))
        #expect(DanishDateFormat.longWithWeekday(outpatient[1].due) == "fredag den 2. april 2027")
        let residential = schedule.externalProviderDeadlines(enrolment: enrolment, dayOrResidential: true)
        #expect(DanishDateFormat.long(residential[0].due) == "18. januar 2027")
    }
}
