import BrevCore

/// A complaint the municipality keeps its decision on is reassessed and forwarded to
/// Ankestyrelsen within 4 weeks of receipt (RSL § 67; domain.md §1.3, §2.3). An internal
/// deadline: never moved later, warned about when missed.
public enum ForwardingDeadlineRule: CaseRule {
    public static let domainSection = "§1.3 RSL § 67, §2.3"
    public static let codes: [DiagnosticCode] = [.forwardedLate, .missingField]

    /// The last day to forward the complaint.
    public static func deadline(complaintReceived: CivilDate) -> CivilDate {
        complaintReceived.adding(weeks: StatutoryPeriods.reassessmentWeeks)
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType == .viderestendtAST else { return }
        guard let received = c.complaintReceivedDate else {
            d.error(.missingField, "$.complaint_received_date", "say when the complaint was received")
            return
        }
        let deadline = deadline(complaintReceived: received)
        if c.letterDate > deadline {
            d.warning(.forwardedLate, "$.letter_date",
                      "the complaint had to be forwarded by \(DanishDateFormat.longWithWeekday(deadline)) (\(StatutoryPeriods.reassessmentWeeks) weeks from receipt)")
        }
    }
}
