/// Dates a treatment course must keep (domain.md §2.3). Unlike a complaint deadline, these are
/// the municipality's own obligations: a date that falls on a closed day is scheduled on the
/// last working day before it, never later.
public struct TreatmentSchedule: Sendable {
    public struct Item: Sendable, Hashable {
        /// What is due ("borgerkonference", "opfølgning efter 6 måneder").
        public var name: String
        /// The date the rule gives.
        public var nominal: CivilDate
        /// The date it is scheduled: the nominal date, or the last working day before it.
        public var due: CivilDate
    }

    public var calendar: DanishCalendar

    public init(calendar: DanishCalendar = DanishCalendar()) {
        self.calendar = calendar
    }

    private func item(_ name: String, _ nominal: CivilDate) -> Item {
        Item(name: name, nominal: nominal, due: calendar.workingDay(onOrBefore: nominal))
    }

    /// Citizen conferences at Pitstop: 6 weeks and 180 days after enrolment (seed S3).
    public func citizenConferences(enrolment: CivilDate) -> [Item] {
        [item("borgerkonference efter 6 uger", enrolment.adding(weeks: 6)),
         item("borgerkonference efter 180 dage", enrolment.adding(days: 180))]
    }

    /// The status on the plan's goals, every 3 months from enrolment (seed S4, 2025).
    public func goalStatus(enrolment: CivilDate) -> Item {
        item("status på dine mål efter 3 måneder", enrolment.adding(months: 3))
    }

    /// What an external provider owes after enrolment (seed S1): outpatient or substitution,
    /// a written status within 6 weeks and a status meeting within 3 months; day or residential,
    /// a status within 14 days.
    public func externalProviderDeadlines(enrolment: CivilDate, dayOrResidential: Bool) -> [Item] {
        if dayOrResidential { return [item("status fra behandlingsstedet", enrolment.adding(days: 14))] }
        return [item("skriftlig status fra behandlingsstedet", enrolment.adding(weeks: 6)),
                item("statusmøde", enrolment.adding(months: 3))]
    }

    /// Follow-up after discharge, `months` after the end of treatment, with month-end clamping
    /// (31 January + 1 month = 28 February). The law requires 1 and 6 months; Ishøj's political
    /// decision adds 3 and 12. Consent-based: without consent, none are scheduled.
    public func followUps(discharge: CivilDate, months: [Int], consent: Bool) -> [Item] {
        guard consent else { return [] }
        return months.sorted().map { item("opfølgning efter \($0) måned\($0 == 1 ? "" : "er")", discharge.adding(months: $0)) }
    }
}
