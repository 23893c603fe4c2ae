import BrevCore

/// The substance decides the law (domain.md §0, §6 `legal_basis` "consistent with
/// substance_category"): alcohol is SUL § 141, drugs SEL § 101 / BL § 33 / SEL § 101a (with
/// SUL § 142 for the medical part). An alcohol-only case never carries a drug basis, so never
/// the Ankestyrelsen route; a case with both (BEGGE) carries both, and gets both routes.
public enum SubstanceBasisRule: CaseRule {
    public static let domainSection = "§0, §6 legal_basis and substance_category"
    public static let codes: [DiagnosticCode] = [.substanceBasisMismatch]

    /// Legal bases for drug treatment.
    public static let drugBases: [LegalBasis] = [.sel101, .bl33, .sel101a, .sul142]
    /// Legal bases for alcohol treatment.
    public static let alcoholBases: [LegalBasis] = [.sul141]

    /// How a letter names the law of each part: the genitive, as in "efter servicelovens § 101".
    public static let drugLaw = "servicelovens § 101"
    public static let drugLawYoung = "barnets lov § 33"
    public static let alcoholLaw = "sundhedslovens § 141"

    /// A case for both alcohol and drugs (BEGGE): the law of each part, as the letter names it;
    /// nil for a case about one substance.
    public static func parts(_ c: CaseInput) -> LetterModel.TreatmentParts? {
        guard c.substanceCategory == .begge else { return nil }
        let drugs = c.legalBasis.contains(.bl33) ? drugLawYoung : drugLaw
        return .init(drugsLaw: drugs, alcoholLaw: alcoholLaw)
    }

    /// The case has a drug part (SEL § 101, BL § 33): a rejected day or residential treatment
    /// leaves outpatient drug treatment open.
    public static func hasDrugPart(_ c: CaseInput) -> Bool {
        c.legalBasis.contains(.sel101) || c.legalBasis.contains(.bl33)
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard let substance = c.substanceCategory else { return }
        let treatmentBases = c.legalBasis.filter { drugBases.contains($0) || alcoholBases.contains($0) }
        guard !treatmentBases.isEmpty else { return }
        switch substance {
        case .alkohol:
            for (i, basis) in c.legalBasis.enumerated() where drugBases.contains(basis) || basis == .sel163 {
                d.error(.substanceBasisMismatch, "$.legal_basis[\(i)]",
                        "\(basis.rawValue) is not a basis for alcohol treatment: alcohol is sundhedsloven § 141 (SUL_141), which cannot be appealed to Ankestyrelsen")
            }
            if !c.legalBasis.contains(.sul141) {
                d.error(.substanceBasisMismatch, "$.legal_basis", "alcohol treatment is under sundhedsloven § 141: give SUL_141")
            }
        case .stof:
            for (i, basis) in c.legalBasis.enumerated() where alcoholBases.contains(basis) {
                d.error(.substanceBasisMismatch, "$.legal_basis[\(i)]",
                        "\(basis.rawValue) is for alcohol; drug treatment is under SEL § 101 (BL § 33 under 18, SEL § 101a anonymous)")
            }
            if !c.legalBasis.contains(where: drugBases.contains) {
                d.error(.substanceBasisMismatch, "$.legal_basis", "drug treatment needs its basis: SEL_101, BL_33 or SEL_101A")
            }
        case .begge:
            if !c.legalBasis.contains(.sul141) {
                d.error(.substanceBasisMismatch, "$.legal_basis", "treatment for both alcohol and drugs needs SUL_141 for the alcohol part")
            }
            if !c.legalBasis.contains(where: { $0 == .sel101 || $0 == .bl33 || $0 == .sel101a }) {
                d.error(.substanceBasisMismatch, "$.legal_basis",
                        "treatment for both alcohol and drugs needs SEL_101 (BL_33 under 18) for the drug part")
            }
        }
    }
}
