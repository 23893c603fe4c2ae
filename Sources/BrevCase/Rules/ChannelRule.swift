import BrevCore

/// Digital Post only for a citizen who has it: not for one exempt from it, not under 15
/// (domain.md §3 minors, §4.4, §6 channel). The anonymous case's channel is `AnonymityRule`'s.
public enum ChannelRule: CaseRule {
    public static let domainSection = "§3 minors, §4.4, §6 channel"
    public static let codes: [DiagnosticCode] = [.channelNotAllowed]

    /// Digital Post starts at this age (domain.md §3 minors).
    public static let digitalPostAge = 15

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.channel == .digitalPost, let citizen = c.citizen else { return }
        if citizen.digitalPostStatus == .fritaget {
            d.error(.channelNotAllowed, "$.channel", "the citizen is exempt from Digital Post (FRITAGET); send it by paper post (FYSISK)")
        }
        let tooYoung = citizen.cpr.map { $0.age(on: c.letterDate) < digitalPostAge } ?? false
        if citizen.digitalPostStatus == .under15 || tooYoung {
            d.error(.channelNotAllowed, "$.channel", "a citizen under \(digitalPostAge) has no Digital Post; send it by paper post or in person")
        }
    }
}
