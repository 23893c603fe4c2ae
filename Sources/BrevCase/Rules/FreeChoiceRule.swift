import BrevCore

/// Free choice is of an approved provider of the same type only (SEL § 101 stk. 5–7). A citizen
/// who chose another provider and goes there may waive the 14-day guarantee; a restricted choice
/// needs a reason, makes the grant partial and never waives the guarantee (domain.md §3 "Free
/// choice of provider", §6 `free_choice`).
public enum FreeChoiceRule: CaseRule {
    public static let domainSection = "§3 free choice of provider, §6 free_choice"
    public static let codes: [DiagnosticCode] = [.freeChoiceTypeMismatch, .missingField]

    /// The waiver of the guarantee applies: the citizen chose another provider, the choice was
    /// not restricted, so the citizen goes where they chose.
    public static func waivesGuarantee(_ c: CaseInput) -> Bool {
        guard let choice = c.freeChoice else { return false }
        return choice.chosenOtherProvider && !choice.restricted
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, let choice = c.freeChoice else { return }
        if choice.chosenOtherProvider && !choice.sameType {
            d.error(.freeChoiceTypeMismatch, "$.free_choice.same_type",
                    "free choice covers a provider of the same type only; another type needs a new allocation")
        }
        if choice.restricted && choice.restrictionReason == nil {
            d.error(.missingField, "$.free_choice.restriction_reason", "a restricted free choice needs a reason")
        }
    }
}
