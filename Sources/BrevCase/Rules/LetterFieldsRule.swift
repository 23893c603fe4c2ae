import BrevCore

/// The fields the notices need: the expected decision date (RSL § 3), the hearing deadline and
/// the information heard on (FVL § 19), the day treatment ends (domain.md §1.2, §1.4, §6).
public enum LetterFieldsRule: CaseRule {
    public static let domainSection = "§1.2, §1.4, §6 expected_decision_date, hearing_deadline, treatment_end_date"
    public static let codes: [DiagnosticCode] = [.missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        switch c.letterType {
        case .svarfristOrientering:
            if c.expectedDecisionDate == nil {
                d.error(.missingField, "$.expected_decision_date", "say when the citizen can expect a decision (RSL § 3)")
            }
        case .partshoering:
            if c.hearingDeadline == nil { d.error(.missingField, "$.hearing_deadline", "give the day the comments must be in") }
            if (c.begrundelse?.facts ?? []).isEmpty {
                d.error(.missingField, "$.begrundelse.facts", "a hearing letter shows the information the citizen is heard on")
            }
        case .ophoer, .afslagForlaengelse:
            if c.treatmentEndDate == nil { d.error(.missingField, "$.treatment_end_date", "say when the treatment ends") }
        default:
            break
        }
    }
}
