import BrevCore

/// A representative (FVL § 8; domain.md §6 `representative`): a party representative or someone
/// holding the citizen's power of attorney. The letter goes to them, and the citizen gets a copy
/// (`LetterModelBuilder.recipients`). An anonymous case names no one, so it has no representative.
public enum RepresentativeRule: CaseRule {
    public static let domainSection = "§6 representative (FVL § 8)"
    public static let codes: [DiagnosticCode] = [.anonymousNoIdentifiers, .invalidValue]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        validate(c, into: d)
    }

    static func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        guard let rep = c.representative else { return }
        if c.anonymous {
            d.error(.anonymousNoIdentifiers, "$.representative", "an anonymous case (SEL § 101a) names no one: leave the representative out")
            return
        }
        if let cpr = rep.cpr, let own = c.citizen?.cpr, cpr.digits == own.digits {
            d.error(.invalidValue, "$.representative.cpr", "the representative cannot be the citizen")
        }
        if let cpr = rep.cpr, cpr.age(on: c.letterDate) < 18 {
            d.error(.invalidValue, "$.representative.cpr", "a representative must be an adult")
        }
    }
}
