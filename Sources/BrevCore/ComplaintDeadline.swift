/// The complaint deadline (*klagefrist*) of a social decision: 4 weeks from the day the citizen
/// received it, moved to the next working day (domain.md §2.1–2.2, rules D1 and D2).
public struct ComplaintDeadlineRule: Sendable, Hashable {
    public var calendar: DanishCalendar
    /// Working days from posting until a paper letter is presumed received. The default is the
    /// latest of the known rules (+6), which favours the citizen (domain.md §2.2).
    public var paperReceiptWorkingDays: Int
    public var weeks: Int

    public init(calendar: DanishCalendar = DanishCalendar(),
                paperReceiptWorkingDays: Int = StatutoryPeriods.minimumPaperReceiptWorkingDays,
                weeks: Int = StatutoryPeriods.complaintWeeks) {
        self.calendar = calendar
        self.paperReceiptWorkingDays = paperReceiptWorkingDays
        self.weeks = weeks
    }

    /// The day the decision counts as received. It is counted from the actual dispatch, never
    /// from an earlier letter date (rule D1).
    public func receivedDate(letterDate: CivilDate, dispatchDate: CivilDate?, channel: DeliveryChannel) -> CivilDate {
        let sent = max(letterDate, dispatchDate ?? letterDate)
        switch channel {
        case .digitalPost, .inPerson:
            return sent
        case .paper:
            return calendar.adding(workingDays: paperReceiptWorkingDays, to: sent)
        }
    }

    /// Same weekday `weeks` later; a Saturday, Sunday, holiday or closed day moves it to the
    /// next working day. The day of receipt itself is not counted.
    public func deadline(received: CivilDate) -> CivilDate {
        calendar.workingDay(onOrAfter: received.adding(weeks: weeks))
    }

    public func deadline(letterDate: CivilDate, dispatchDate: CivilDate?, channel: DeliveryChannel) -> CivilDate {
        deadline(received: receivedDate(letterDate: letterDate, dispatchDate: dispatchDate, channel: channel))
    }
}
