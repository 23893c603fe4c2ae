import BrevCore

/// A complaint the municipality keeps its decision on is reassessed and forwarded to
/// Ankestyrelsen within 4 weeks of receipt (RSL § 67; domain.md §1.3, §2.3). An internal
/// deadline: never moved later, warned about when missed. Only a decision with the Ankestyrelsen
/// route is forwarded at all.
public enum ForwardingDeadlineRule: CaseRule {
    public static let domainSection = "§1.3 RSL § 67, §2.3"
    public static let codes: [DiagnosticCode] = [.forwardedLate, .missingField, .wrongComplaintRoute]

    /// The last day to forward the complaint.
    public static func deadline(complaintReceived: CivilDate) -> CivilDate {
        complaintReceived.adding(weeks: StatutoryPeriods.reassessmentWeeks)
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType == .viderestendtAST else { return }
        // Only a decision with the Ankestyrelsen route (SEL § 101, BL § 33) can be forwarded there:
        // never an alcohol-only (SUL § 141) or anonymous (SEL § 101a) one (domain.md §0).
        if !ComplaintRoute.routes(for: c.legalBasis).contains(.astViaKommune) {
            d.error(.wrongComplaintRoute, "$.legal_basis",
                    "a decision on \(c.legalBasis.map(\.rawValue).joined(separator: ", ")) cannot be appealed to Ankestyrelsen, so no complaint is forwarded there")
        }
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
