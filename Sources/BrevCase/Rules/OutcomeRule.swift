import BrevCore

/// The outcome must match the letter and the facts (domain.md §1.1 "full support", §3, §6
/// `outcome`): a grant is full only if nothing in §1.1's list applies; a rejection grants
/// nothing; ending treatment or refusing to extend it is always adverse.
public enum OutcomeRule: CaseRule {
    public static let domainSection = "§1.1 full support, §3 extension and ending, §6 outcome"
    public static let codes: [DiagnosticCode] = [.outcomeMismatch]

    /// What makes a grant less than full support (domain.md §1.1): another type, a shorter
    /// period, own payment, a restricted free choice, a broken treatment guarantee. Each one
    /// makes justification and complaint guidance mandatory, so a "full" grant with any of them is refused.
    public static func partialReasons(_ c: CaseInput) -> [String] {
        var reasons: [String] = []
        if let requested = c.treatmentTypeRequested, let granted = c.treatmentTypeGranted, requested != granted {
            reasons.append("the granted type (\(granted.rawValue)) differs from the requested (\(requested.rawValue))")
        }
        if let requested = c.periodRequested, let granted = c.periodGranted, granted.days < requested.days {
            reasons.append("the granted period is shorter than the requested")
        }
        if c.egenbetaling?.applies == true { reasons.append("the citizen pays for board or lodging") }
        if c.freeChoice?.restricted == true { reasons.append("the free choice of provider is restricted") }
        if TreatmentGuaranteeRule.isBroken(c) {
            reasons.append("the treatment starts after the \(TreatmentGuarantee.days)-day guarantee deadline")
        }
        return reasons
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        switch c.letterType {
        case .afslag:
            if let outcome = c.outcome, outcome != .afslag {
                d.error(.outcomeMismatch, "$.outcome", "letter_type AFSLAG needs outcome AFSLAG, not \(outcome.rawValue)")
            }
            if c.treatmentTypeGranted != nil {
                d.error(.outcomeMismatch, "$.treatment_type_granted", "a rejection grants nothing; leave this field out")
            }
        case .ophoer, .afslagForlaengelse:
            if c.outcome == .fuld {
                d.error(.outcomeMismatch, "$.outcome",
                        "ending treatment or refusing to extend it is an adverse decision, never full support; use AFSLAG or DELVIS")
            }
        case .bevilling:
            let reasons = partialReasons(c)
            if let outcome = c.outcome, outcome != .fuld {
                d.error(.outcomeMismatch, "$.outcome", "letter_type BEVILLING is a full grant; outcome \(outcome.rawValue) needs DELVIS_BEVILLING or AFSLAG")
            } else if !reasons.isEmpty {
                d.error(.outcomeMismatch, "$.outcome",
                        "not full support: \(reasons.joined(separator: "; ")). Use DELVIS_BEVILLING with a justification (forvaltningsloven §§ 22 and 25)")
            }
        case .delvisBevilling:
            if let outcome = c.outcome, outcome != .delvis {
                d.error(.outcomeMismatch, "$.outcome", "letter_type DELVIS_BEVILLING needs outcome DELVIS, not \(outcome.rawValue)")
            } else if partialReasons(c).isEmpty {
                d.error(.outcomeMismatch, "$.outcome",
                        "nothing makes this grant partial: the type, period, payment, provider and start are as requested; use BEVILLING")
            }
        default:
            break
        }
    }
}
