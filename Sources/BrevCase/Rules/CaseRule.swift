import BrevCore

/// One rule of the law a case must meet (domain.md §§ 0, 1, 3, 6). Each rule lives in its own
/// file with its constants, the values the letter prints because of it, and the codes it reports;
/// `CaseValidator` runs them all, in the order of `CaseValidator.rules`. A rule reports every
/// problem it finds and never stops the others.
public protocol CaseRule {
    /// The part of docs/domain.md the rule encodes.
    static var domainSection: String { get }
    /// The codes the rule can report (the table in Tests/README.md lists them).
    static var codes: [DiagnosticCode] { get }
    static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector)
}

/// What a rule may consult besides the case: the municipality's profile, when there is one.
public struct RuleContext {
    public let profile: MunicipalityProfile?
    public let knownMunicipalityCodes: [String]

    public init(profile: MunicipalityProfile?, knownMunicipalityCodes: [String]) {
        self.profile = profile
        self.knownMunicipalityCodes = knownMunicipalityCodes
    }

    /// Working days and holidays: the profile's, or the national calendar.
    public var calendar: DanishCalendar { profile?.complaintDeadlineRule.calendar ?? DanishCalendar() }
}

extension CaseInput {
    /// Applies to a decision about a named citizen (not the anonymous sheet).
    var isNamedCase: Bool { !AnonymityRule.isAnonymous(self) }
    var isGrant: Bool { letterType == .bevilling || letterType == .delvisBevilling }
}
