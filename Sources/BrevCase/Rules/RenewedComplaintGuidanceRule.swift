import BrevCore

/// KLAGEVEJLEDNING: complaint guidance sent again for an earlier decision whose guidance was
/// missing or wrong (FVL § 25). The complaint deadline runs from the receipt of this letter, not
/// of the decision, so the letter computes it exactly as for a decision sent today.
public enum RenewedComplaintGuidanceRule: CaseRule {
    public static let domainSection = "§1.1 (FVL § 25), §1.3"
    public static let codes: [DiagnosticCode] = [.missingField, .dateOrder]

    /// The deadline runs from the receipt of this letter (issue 9; a decision whose guidance was
    /// missing or wrong has given the citizen no deadline to keep).
    public static let complaintDeadlineRunsFromThisLetter = true

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        validate(c, into: d)
    }

    static func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        guard c.letterType == .klagevejledning else { return }
        if let earlier = c.earlierDecisionDate {
            if earlier > c.letterDate { d.error(.dateOrder, "$.earlier_decision_date", "the earlier decision cannot come after this letter") }
        } else {
            d.error(.missingField, "$.earlier_decision_date", "say the date of the decision the guidance belongs to")
        }
        if c.treatmentTypeRequested == nil {
            d.error(.missingField, "$.treatment_type_requested", "say what the earlier decision was about")
        }
        if c.legalBasis.isEmpty {
            d.error(.missingField, "$.legal_basis", "the complaint route follows the legal basis of the earlier decision, such as SEL_101")
        }
    }
}
