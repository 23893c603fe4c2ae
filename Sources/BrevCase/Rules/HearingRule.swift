import BrevCore

/// An adverse decision that relies on information from a third party needs the citizen heard
/// first, or the exception that allows skipping it (FVL § 19; domain.md §1.2).
public enum HearingRule: CaseRule {
    public static let domainSection = "§1.2 FVL § 19"
    public static let codes: [DiagnosticCode] = [.partshoeringRequired, .missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType.isAdverseDecision, c.begrundelse?.reliesOnThirdPartyInformation == true else { return }
        let hearing = c.partshoering
        if hearing?.performed != true && hearing?.exceptionCode == nil {
            d.error(.partshoeringRequired, "$.partshoering",
                    "the decision relies on third-party information: hear the citizen first, or give the exception (forvaltningsloven § 19)")
        } else if hearing?.performed == true && hearing?.date == nil {
            d.error(.missingField, "$.partshoering.date", "give the date of the hearing")
        }
    }
}
