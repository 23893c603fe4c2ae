import BrevCore

/// GENVURDERING_AENDRET (domain.md §1.3): after a complaint the municipality reassesses its
/// decision and changes it. The change is a new decision with its own justification; when it
/// still does not give full support, the citizen can complain about it. A reassessment that keeps
/// a full refusal is no change: the complaint is forwarded (VIDERESENDT_AST).
public enum ChangedDecisionRule: CaseRule {
    public static let domainSection = "§1.3"
    public static let codes: [DiagnosticCode] = [.missingField, .dateOrder, .outcomeMismatch]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        validate(c, into: d)
    }

    static func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        guard c.letterType == .genvurderingAendret else { return }
        if c.complaintReceivedDate == nil {
            d.error(.missingField, "$.complaint_received_date", "say when the complaint was received")
        }
        if let earlier = c.earlierDecisionDate {
            if let received = c.complaintReceivedDate, received < earlier {
                d.error(.dateOrder, "$.complaint_received_date", "the complaint cannot come before the decision it is about")
            }
            if earlier > c.letterDate { d.error(.dateOrder, "$.earlier_decision_date", "the earlier decision cannot come after this letter") }
        } else {
            d.error(.missingField, "$.earlier_decision_date", "say the date of the decision that is changed")
        }
        if let received = c.complaintReceivedDate, received > c.letterDate {
            d.error(.dateOrder, "$.complaint_received_date", "the complaint cannot come in after the letter date")
        }
        if c.legalBasis.isEmpty {
            d.error(.missingField, "$.legal_basis", "the new decision's complaint route follows its legal basis, such as SEL_101")
        }
        if c.treatmentTypeRequested == nil {
            d.error(.missingField, "$.treatment_type_requested", "say what the changed decision is about")
        }
        switch c.outcome {
        case nil:
            d.error(.missingField, "$.outcome", "say what the new decision gives: FULD or DELVIS")
        case .afslag?:
            d.error(.outcomeMismatch, "$.outcome",
                    "a reassessment that keeps a full refusal changes nothing: forward the complaint (VIDERESENDT_AST)")
        case .delvis?:
            if c.treatmentTypeGranted == nil {
                d.error(.missingField, "$.treatment_type_granted", "a partial new decision must say what it grants")
            }
        case .fuld?:
            if let granted = c.treatmentTypeGranted, let requested = c.treatmentTypeRequested, granted != requested {
                d.error(.outcomeMismatch, "$.outcome", "another type than the one applied for is not full support; use DELVIS")
            }
        }
        // The new decision carries its own justification (FVL § 22), also when it gives full support.
        RefusalJustification.validate(c, what: "a changed decision", into: d)
    }
}
