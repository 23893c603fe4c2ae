import BrevCore

/// A citizen under 18 on the letter date is under barnets lov § 33, not serviceloven § 101, and
/// every custody holder gets a copy. Custody holders exist only for a citizen under 18: the
/// letter is health data, and an adult's parents are third parties. A holder is not the child,
/// and no holder is named twice (domain.md §0 BL § 33, §1.6, §3 minors, §6 custody_holders).
public enum MinorsRule: CaseRule {
    public static let domainSection = "§0 BL § 33, §1.6, §3 minors, §6 custody_holders"
    public static let codes: [DiagnosticCode] = [.missingCustodyHolder, .wrongLegalBasisMinor, .invalidValue,
                                                 .custodyHolderNotAllowed, .custodyHolderIsCitizen, .duplicateCustodyHolder]

    /// Since 1 January 2024 SEL applies from this age; under it, barnets lov.
    public static let adultAge = 18

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        let age = c.citizen?.cpr.map { $0.age(on: c.letterDate) }
        if let age, age < adultAge, c.custodyHolders.isEmpty {
            d.error(.missingCustodyHolder, "$.custody_holders",
                    "the young person is under \(adultAge): every custody holder must get a copy; give at least one")
        }
        if let age, age >= adultAge, !c.custodyHolders.isEmpty {
            d.error(.custodyHolderNotAllowed, "$.custody_holders",
                    "the citizen is \(adultAge) or over on the letter date: no copy goes to custody holders (it is health data)")
        }
        checkHolders(c, d)
        if let age {
            if age < adultAge, let i = c.legalBasis.firstIndex(of: .sel101) {
                d.error(.wrongLegalBasisMinor, "$.legal_basis[\(i)]",
                        "the citizen is under \(adultAge): social drug treatment is under barnets lov § 33 (BL_33), not SEL § 101")
            }
            if age >= adultAge, let i = c.legalBasis.firstIndex(of: .bl33) {
                d.error(.invalidValue, "$.legal_basis[\(i)]", "barnets lov § 33 is for citizens under \(adultAge)")
            }
        }
    }

    private static func checkHolders(_ c: CaseInput, _ d: DiagnosticCollector) {
        var seen: [CaseInput.CustodyHolder] = []
        for (i, holder) in c.custodyHolders.enumerated() {
            if let cpr = holder.cpr, cpr.digits == c.citizen?.cpr?.digits {
                d.error(.custodyHolderIsCitizen, "$.custody_holders[\(i)].cpr", "a custody holder's CPR number is the young person's own")
            }
            if seen.contains(where: { samePerson($0, holder) }) {
                d.error(.duplicateCustodyHolder, "$.custody_holders[\(i)]", "this custody holder is already named; each gets one copy")
            }
            seen.append(holder)
        }
    }

    /// The same CPR number; or, where a CPR number is missing, the same name at the same address.
    static func samePerson(_ a: CaseInput.CustodyHolder, _ b: CaseInput.CustodyHolder) -> Bool {
        if let x = a.cpr, let y = b.cpr { return x.digits == y.digits }
        func key(_ h: CaseInput.CustodyHolder) -> String {
            ([h.name] + (h.address?.lines ?? [])).map { $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                .joined(separator: "\n")
        }
        return key(a) == key(b)
    }
}
