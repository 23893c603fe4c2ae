import Foundation
import BrevCore

/// Runs every rule of the law on a case before any letter is made. The rules themselves live in
/// `Sources/BrevCase/Rules/`, one file each; every broken rule is reported, none stops the check early.
public struct CaseValidator {
    public let profiles: ProfileCatalog

    public init(profiles: ProfileCatalog) {
        self.profiles = profiles
    }

    /// The rules, in the order their problems are reported. A new rule is a new file and a line here.
    public static let rules: [any CaseRule.Type] = [
        MunicipalityRule.self,
        IdentityRule.self,
        RepresentativeRule.self,
        AnonymityRule.self,
        DateOrderRule.self,
        JustificationRule.self,
        HearingRule.self,
        OutcomeRule.self,
        GrantRule.self,
        AllocationCommitteeRule.self,
        OwnPaymentRule.self,
        TreatmentGuaranteeRule.self,
        FreeChoiceRule.self,
        AlcoholDetoxRule.self,
        TreatmentPlanRule.self,
        ForwardingDeadlineRule.self,
        LetterFieldsRule.self,
        HandleplanRule.self,
        StaleCitationRule.self,
        CaseworkerWordingRule.self,
        MinorsRule.self,
        SubstanceBasisRule.self,
        LocalPracticeRule.self,
        ChannelRule.self,
        CaseworkerRule.self,
        AccessToFilesRule.self,
        OralDecisionJustificationRule.self,
        ChangedDecisionRule.self,
        RenewedComplaintGuidanceRule.self,
    ]

    public func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        let context = RuleContext(profile: profiles.profile(forMunicipalityCode: c.municipalityCode),
                                  knownMunicipalityCodes: profiles.knownCodes)
        for rule in CaseValidator.rules { rule.check(c, context, d) }
    }

    /// What makes a grant less than full support (domain.md §1.1); see `OutcomeRule`.
    public static func partialReasons(_ c: CaseInput) -> [String] { OutcomeRule.partialReasons(c) }
}
