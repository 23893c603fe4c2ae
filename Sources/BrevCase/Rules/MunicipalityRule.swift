import BrevCore

/// Every letter is sent by a municipality brev has a profile for (domain.md §6 `municipality_code`).
public enum MunicipalityRule: CaseRule {
    public static let domainSection = "§6 municipality_code"
    public static let codes: [DiagnosticCode] = [.unknownMunicipality]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        if context.profile == nil {
            d.error(.unknownMunicipality, "$.municipality_code",
                    "no profile for this municipality code; known codes: \(context.knownMunicipalityCodes.joined(separator: ", "))")
        }
    }
}
