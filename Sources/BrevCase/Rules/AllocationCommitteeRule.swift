import BrevCore

/// Day, residential and detox treatment are decided by the allocation committee after a VUM
/// assessment (domain.md §0, §3, §6 `vum_completed_date`, `visitationsudvalg_date`): a grant of
/// one needs both dates, a rejection the committee's.
public enum AllocationCommitteeRule: CaseRule {
    public static let domainSection = "§0 who decides, §3 day/residential/detox, §6 vum_completed_date, visitationsudvalg_date"
    public static let codes: [DiagnosticCode] = [.missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        if c.isGrant, let granted = c.treatmentTypeGranted, granted.needsAllocationCommittee {
            if c.vumCompletedDate == nil {
                d.error(.missingField, "$.vum_completed_date", "\(granted.danishNoun) is granted after a VUM assessment; give the date it was completed")
            }
            if c.visitationsudvalgDate == nil {
                d.error(.missingField, "$.visitationsudvalg_date",
                        "\(granted.danishNoun) is granted by the allocation committee; give the date of its decision")
            }
        }
        // Alcohol detox is no committee's decision: the letter refers the citizen on (AlcoholDetoxRule).
        if c.letterType == .afslag, let requested = c.treatmentTypeRequested, requested.needsAllocationCommittee,
           !(requested == .afgiftning && AlcoholDetoxRule.isAlcoholOnly(c)), c.visitationsudvalgDate == nil {
            d.error(.missingField, "$.visitationsudvalg_date",
                    "\(requested.danishNoun) is decided by the allocation committee; give the date of its decision")
        }
    }
}
