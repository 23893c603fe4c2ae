import BrevCore

/// What a grant or rejection must state: what was applied for and when, what is granted, when
/// it starts and where, at an approved provider (domain.md §6 `treatment_type_*`, `provider`).
public enum GrantRule: CaseRule {
    public static let domainSection = "§6 treatment_type_requested/granted, application_received_date, planned_start_date, provider"
    public static let codes: [DiagnosticCode] = [.missingField, .invalidValue]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        if c.letterType == .afslag {
            if c.treatmentTypeRequested == nil { d.error(.missingField, "$.treatment_type_requested", "a rejection must say what was applied for") }
            if c.applicationReceivedDate == nil {
                d.error(.missingField, "$.application_received_date", "a rejection must say when the application was received")
            }
        }
        guard c.isGrant else { return }
        if c.applicationReceivedDate == nil {
            d.error(.missingField, "$.application_received_date", "a decision must say when the application was received")
        }
        if c.treatmentTypeGranted == nil { d.error(.missingField, "$.treatment_type_granted", "a grant must say what is granted") }
        if c.treatmentTypeRequested == nil { d.error(.missingField, "$.treatment_type_requested", "a grant must say what was applied for") }
        if c.plannedStartDate == nil { d.error(.missingField, "$.planned_start_date", "a grant must say when treatment starts") }
        if c.provider == nil {
            d.error(.missingField, "$.provider", "a grant must name the provider")
        } else if c.provider?.approved == false {
            d.error(.invalidValue, "$.provider.approved", "the provider must be approved (Tilbudsportalen)")
        }
    }
}
