import BrevCore

/// An action plan (SEL § 141) is written only with the adult citizen's consent and states its
/// purpose, services and expected duration; a young person's plan is barnets plan (domain.md §4.7, §3 minors).
public enum HandleplanRule: CaseRule {
    public static let domainSection = "§4.7 action plan, §3 minors"
    public static let codes: [DiagnosticCode] = [.handleplanNoConsent, .wrongLegalBasisMinor, .missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType == .handleplan else { return }
        guard let h = c.handleplan else {
            d.error(.missingField, "$.handleplan", "an action plan letter needs the plan")
            return
        }
        if !h.consent {
            d.error(.handleplanNoConsent, "$.handleplan.consent",
                    "an action plan is written only with the citizen's consent (serviceloven § 141)")
        }
        if h.purpose == nil { d.error(.missingField, "$.handleplan.purpose", "the plan must state its purpose") }
        if h.services.isEmpty { d.error(.missingField, "$.handleplan.services", "the plan must list the services") }
        if h.expectedDuration == nil { d.error(.missingField, "$.handleplan.expected_duration", "the plan must state the expected duration") }
        if let cpr = c.citizen?.cpr, cpr.age(on: c.letterDate) < MinorsRule.adultAge {
            d.error(.wrongLegalBasisMinor, "$.letter_type",
                    "serviceloven § 141 is for adults; a young person's plan is barnets plan under barnets lov")
        }
    }
}
