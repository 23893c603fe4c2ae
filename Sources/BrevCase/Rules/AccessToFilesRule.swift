import BrevCore

/// An answer to a request for access to the file (aktindsigt), domain.md §1.5: a party may see
/// their own file (FVL § 9); the answer is due within 7 working days of the request, or the
/// party must be told why not and when to expect it (FVL § 16 stk. 2). A refusal, whole or in
/// part, is a decision that needs a justification and complaint guidance to the body that hears
/// complaints in the underlying case.
public enum AccessToFilesRule: CaseRule {
    public static let domainSection = "§1.5"
    public static let codes: [DiagnosticCode] = [.missingField, .dateOrder, .accessAnswerLate]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        validate(c, calendar: context.calendar, into: d)
    }

    /// FVL § 16 stk. 2 (domain.md §1.5, §2.3): 7 working days from the day the request came
    /// in, that day not counted. ⚠ Assumption for the municipality's lawyer: the working days are
    /// those of the complaint calendar (weekends, public holidays and the profile's closed days,
    /// 5 June, 24 and 31 December), which can only make the answer due later. Late is a warning:
    /// the letter then says why it is late and when to expect the answer.
    public static let answerWorkingDays = 7

    /// The last day the answer is due.
    public static func answerDue(requestReceived: CivilDate, calendar: DanishCalendar) -> CivilDate {
        calendar.adding(workingDays: answerWorkingDays, to: requestReceived)
    }

    /// A refusal, whole or in part, needs a justification and complaint guidance.
    public static func isRefusal(_ c: CaseInput) -> Bool {
        c.outcome != .fuld
    }

    static func validate(_ c: CaseInput, calendar: DanishCalendar, into d: DiagnosticCollector) {
        guard c.letterType == .aktindsigt else { return }
        if c.outcome == nil {
            d.error(.missingField, "$.outcome", "say whether access is given in full (FULD), in part (DELVIS) or refused (AFSLAG)")
        }
        if let received = c.accessRequestReceivedDate {
            if received > c.letterDate {
                d.error(.dateOrder, "$.access_request_received_date", "the request cannot come in after the letter date")
            } else {
                let due = answerDue(requestReceived: received, calendar: calendar)
                if c.letterDate > due {
                    d.warning(.accessAnswerLate, "$.letter_date",
                              "the answer was due by \(DanishDateFormat.longWithWeekday(due)) (\(answerWorkingDays) working days, forvaltningsloven § 16, stk. 2); the citizen should have been told why and when to expect it")
                }
            }
        } else {
            d.error(.missingField, "$.access_request_received_date", "say when the request for access came in (forvaltningsloven § 16)")
        }
        if c.outcome == .delvis || c.outcome == .afslag {
            RefusalJustification.validate(c, what: "a refusal of access", into: d)
            if c.legalBasis.isEmpty {
                d.error(.missingField, "$.legal_basis", "the complaint route follows the underlying case: give its legal basis, such as SEL_101")
            }
        }
    }
}
