import BrevCore

/// Anonymous treatment (SEL § 101a; alcohol SUL § 141 stk. 7) records no personal data: no CPR
/// number, name or address, never Digital Post or print, and no appeal (domain.md §0, §3
/// "Anonymous", §6 `anonymous`). A case under § 101a is anonymous whatever its `anonymous` flag says.
public enum AnonymityRule: CaseRule {
    public static let domainSection = "§0 SEL § 101a, §3 Anonymous, §6 anonymous"
    public static let codes: [DiagnosticCode] = [.anonymousNoIdentifiers, .anonymousNoDigitalPost, .anonymousNoMessage, .invalidValue]

    /// The one answer to "is this case anonymous?": the flag, or the legal basis § 101a.
    public static func isAnonymous(_ c: CaseInput) -> Bool {
        c.anonymous || c.legalBasis.contains(.sel101a)
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard isAnonymous(c) else { return }
        let why = c.anonymous ? "an anonymous case (SEL § 101a)" : "a case under SEL § 101a is anonymous: it"
        if c.citizen?.cpr != nil { d.error(.anonymousNoIdentifiers, "$.citizen.cpr", "\(why) must not carry a CPR number") }
        if c.citizen?.name != nil { d.error(.anonymousNoIdentifiers, "$.citizen.name", "\(why) must not carry a name") }
        if c.citizen?.address != nil { d.error(.anonymousNoIdentifiers, "$.citizen.address", "\(why) must not carry an address") }
        if !c.custodyHolders.isEmpty {
            d.error(.anonymousNoIdentifiers, "$.custody_holders", "\(why) must not name custody holders (anonymous treatment is for adults)")
        }
        if c.legalBasis.contains(where: { $0 != .sel101a && $0 != .sul141 }) {
            d.error(.invalidValue, "$.legal_basis", "an anonymous case is under SEL § 101a (or SUL § 141 stk. 7) alone")
        }
        if c.letterType == .handleplan {
            d.error(.invalidValue, "$.letter_type", "an anonymous citizen is not offered an action plan (it needs their identity and consent)")
        }
        switch c.channel {
        case .digitalPost:
            d.error(.anonymousNoDigitalPost, "$.channel", "an anonymous case cannot be sent by Digital Post; hand it over in person")
        case .fysisk:
            d.error(.anonymousNoMessage, "$.channel", "an anonymous case has no address to post to; hand it over in person")
        case .personlig, .ingen:
            break
        }
    }
}
