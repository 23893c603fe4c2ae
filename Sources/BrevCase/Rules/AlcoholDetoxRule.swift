import BrevCore

/// Alcohol detox is not a municipal decision: the citizen is referred to their own doctor or
/// the medical helpline 1813 (domain.md §3 "Detox"). Drug detox is granted by the allocation committee.
public enum AlcoholDetoxRule: CaseRule {
    public static let domainSection = "§3 Detox"
    public static let codes: [DiagnosticCode] = [.alcoholDetoxNotMunicipal]

    /// Where a citizen who needs alcohol detox is sent instead.
    public static let referral = "egen læge eller 1813"

    /// The case is about alcohol only: no drug treatment is part of it.
    public static func isAlcoholOnly(_ c: CaseInput) -> Bool {
        if let substance = c.substanceCategory { return substance == .alkohol }
        return c.legalBasis.contains(.sul141) && !c.legalBasis.contains(where: SubstanceBasisRule.drugBases.contains)
    }

    /// The case has an alcohol part (ALKOHOL, or BEGGE with drugs): detox for the alcohol is
    /// referred, whatever is decided about drug detox.
    public static func involvesAlcohol(_ c: CaseInput) -> Bool {
        if let substance = c.substanceCategory { return substance != .stof }
        return c.legalBasis.contains(.sul141)
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.isGrant, c.treatmentTypeGranted == .afgiftning, isAlcoholOnly(c) else { return }
        d.error(.alcoholDetoxNotMunicipal, "$.treatment_type_granted",
                "alcohol detox is not a municipal decision: refer the citizen to their own doctor or 1813")
    }
}
