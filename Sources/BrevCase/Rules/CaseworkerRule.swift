import BrevCore

/// A letter to a named citizen is signed by its caseworker (domain.md §4.1, §6 caseworker).
public enum CaseworkerRule: CaseRule {
    public static let domainSection = "§4.1, §6 caseworker"
    public static let codes: [DiagnosticCode] = [.missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        if c.isNamedCase, c.caseworker == nil { d.error(.missingField, "$.caseworker", "the letter needs a caseworker to sign it") }
    }
}
