import BrevCore

/// A named case needs a case number and a named citizen with an address; no CPR number hides in
/// the case number, and a CPR number gives a plausible age (domain.md §5, §7 case 23).
public enum IdentityRule: CaseRule {
    public static let domainSection = "§5, §6 case_number and citizen, §7 case 23"
    public static let codes: [DiagnosticCode] = [.caseNumberContainsCPR, .implausibleAge, .missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        // A CPR number in a case number would be printed on every letter and file name.
        if let number = c.caseNumber, CaseNumberCPR.containsCPR(number) {
            d.error(.caseNumberContainsCPR, "$.case_number", "the case number contains a CPR number; use the ESDH case number")
        }
        checkAge(c.citizen?.cpr, at: "$.citizen.cpr", c, d)
        for (i, holder) in c.custodyHolders.enumerated() { checkAge(holder.cpr, at: "$.custody_holders[\(i)].cpr", c, d) }
        guard c.isNamedCase else { return }
        if c.caseNumber == nil { d.error(.missingField, "$.case_number", "a case number is required (not for anonymous cases)") }
        guard let citizen = c.citizen else {
            d.error(.missingField, "$.citizen", "the citizen is required (not for anonymous cases)")
            return
        }
        if citizen.name == nil { d.error(.missingField, "$.citizen.name", "the citizen's name is required") }
        if citizen.address == nil { d.error(.missingField, "$.citizen.address", "the citizen's address is required") }
    }

    /// A CPR number may be structurally valid yet mean a birth in the 1800s: the number is
    /// accepted, the case is not.
    private static func checkAge(_ cpr: CPR?, at path: String, _ c: CaseInput, _ d: DiagnosticCollector) {
        guard let cpr else { return }
        if cpr.birthDate > c.letterDate {
            d.error(.implausibleAge, path, "the CPR number gives a birth date after the letter date")
        } else if cpr.age(on: c.letterDate) > CaseLimits.maximumAge {
            d.error(.implausibleAge, path, "the CPR number gives an age over \(CaseLimits.maximumAge) on the letter date")
        }
    }
}
