import Foundation

/// Everything a letter template prints, computed and worded in Swift (dates in Danish,
/// deadlines, the complaint route, which sections apply). Templates only print these values
/// and switch sections on their flags; they decide nothing.
///
/// It holds only what a letter may print: no CPR number, no profile settings, no message id.
/// How the letter is sent travels beside it in `LetterDelivery`.
public struct LetterModel: Sendable {
    /// The template folder under `LetterTemplates/letters/`.
    public var templateName: String
    /// An opaque id for file names and logs: a hash, never the citizen or the treatment.
    public var letterId: String
    /// The neutral title for PDF metadata and Digital Post ("Afgørelse fra Ishøj Kommune").
    public var documentTitle: String
    /// Decisions are filed as `afgoerelse-<id>`, other letters as `brev-<id>`; the Digital Post
    /// document label follows ("Afgørelse", "Brev").
    public var fileKind: String
    public var documentLabel: String
    /// Set on treatment plans.
    public var plan: Plan?
    /// Dates and facts of the notices (hearing, case-handling time, forwarding, ending).
    public var notice: Notice
    /// Set on action plans (SEL § 141).
    public var handleplan: Handleplan?
    public var authority: Authority
    public var recipient: Recipient
    public var letterDate: String
    public var caseNumber: String
    public var caseworker: Caseworker
    public var application: Application
    public var begrundelse: Begrundelse
    public var hearing: Hearing?
    public var legalCitations: [String]
    public var klagevejledning: Klagevejledning
    /// Whether the letter carries complaint guidance: always on adverse decisions, on full
    /// grants when the profile says so.
    public var complaintGuidance: Bool
    /// Set on grants: what is granted, from when, where.
    public var grant: Grant?
    /// Children under 18 at home: the stricter duty to report concerns (barnets lov § 133).
    public var reportingDuty: Bool
    /// Pregnant: coordinated effort and the offer of a retention contract.
    public var pregnant: Bool
    /// Set on the letters that answer or follow an earlier step (access, a changed decision,
    /// renewed complaint guidance, the written justification of an oral decision).
    public var followUp: FollowUp?

    /// The facts of the letters that answer or follow an earlier step.
    public struct FollowUp: Sendable {
        /// "2. november 2026": the decision a changed decision or renewed guidance is about.
        public var earlierDecisionDate: String?
        /// AKTINDSIGT: when the request came in, and the answer's outcome.
        public var accessRequestReceivedDate: String?
        public var accessDays: Int
        /// SKRIFTLIG_BEGRUNDELSE: when the decision was given orally, and when the justification was asked for.
        public var oralDecisionDate: String?
        public var justificationRequestedDate: String?
        /// The new decision or answer gives full support, part of it, or nothing.
        public var full: Bool
        public var partial: Bool
        public var refused: Bool
        /// GENVURDERING_AENDRET: what the new decision grants, "dagbehandling".
        public var grantedTreatment: String
    }

    public struct Authority: Sendable {
        public var name: String
        public var unit: String
        public var addressLines: [String]
        public var phone: String
        public var email: String?
        public var web: String?
    }

    public struct Recipient: Sendable {
        public var name: String
        public var addressLines: [String]
        /// The envelope's return line, on print letters only.
        public var returnLine: String?
        /// On a custody holder's copy: the young person's name.
        public var copyFor: String?
        /// Who applied, as the sentence names them: "Du" in the citizen's own letter, the young
        /// person's name on a custody holder's copy (never as if the parent applied).
        public var applicant: String
        /// On a young person's own letter: the custody holders get a copy.
        public var custodyHoldersGetCopy: Bool
        /// On the representative's letter (FVL § 8): the citizen's name, and the role as the
        /// sentence says it ("er partsrepræsentant for", "har fuldmagt fra").
        public var representing: String?
        public var representativeRole: String?
        /// On the citizen's copy when a representative gets the letter: the representative's name.
        public var representedBy: String?
        /// The recipient can be told to write by Digital Post: never a child under 15 (no mailbox
        /// before 15), nor someone without a CPR number.
        public var digitalPost: Bool
    }

    public struct Caseworker: Sendable {
        public var name: String
        public var title: String?
        public var phone: String?
        public var email: String?
    }

    public struct Application: Sendable {
        /// "døgnbehandling"
        public var treatment: String
        /// After a possessive: "din ambulante behandling".
        public var treatmentDefinite: String
        /// "2. november 2026"
        public var receivedDate: String
        /// The allocation committee's decision date, for day, residential and detox treatment.
        public var committeeDate: String?
        /// A rejected day or residential treatment leaves outpatient treatment open (S1).
        public var outpatientStillAvailable: Bool
        /// Alcohol treatment (SUL § 141): outpatient treatment at any approved site, without referral.
        public var alcohol: Bool
        /// Drug treatment (SEL § 101, BL § 33): outpatient treatment at the centre stays open.
        public var drugs: Bool = true
        /// A case for both alcohol and drugs: the law of each part
        /// (SubstanceBasisRule.parts); each part also has its own complaint guidance.
        public var parts: TreatmentParts? = nil
        public var centreName: String
        public var centreAddress: String
        /// Detox was asked for in a case with alcohol: alcohol detox is not a municipal decision;
        /// the letter refers the citizen to their own doctor or 1813 (AlcoholDetoxRule).
        public var alcoholDetoxReferral: Bool = false
    }

    /// The two parts of a case for both alcohol and drugs, as the letter names them.
    public struct TreatmentParts: Sendable {
        /// "servicelovens § 101" (barnets lov § 33 under 18): social drug treatment
        public var drugsLaw: String
        /// "sundhedslovens § 141": alcohol treatment
        public var alcoholLaw: String
    }

    public struct Grant: Sendable {
        /// "dagbehandling"
        public var treatment: String
        public var requestedTreatment: String
        /// The granted type differs from the requested (a partial grant).
        public var otherTypeThanRequested: Bool
        /// "1. marts 2027 – 31. maj 2027"
        public var period: String?
        public var requestedPeriod: String?
        public var shorterPeriod: Bool
        /// "tirsdag den 15. december 2026"
        public var startDate: String
        public var provider: String
        public var providerAddress: String?
        /// "21. december 2026": treatment must have started by then (never moved later).
        public var guaranteeDeadline: String?
        /// The citizen chose another provider of the same type: the deadline may be waived.
        public var guaranteeWaived: Bool
        /// Drug treatment: the right to a free talk with a doctor (SUL § 142).
        public var doctorTalk: Bool
        /// Social drug treatment: free choice of another approved provider of the same type.
        public var freeChoice: Bool
        public var egenbetaling: Egenbetaling?
        public var restrictedChoiceReason: String?
        /// The treatment guarantee's days (TreatmentGuarantee.days), printed, never written in a template.
        public var guaranteeDays: Int = TreatmentGuarantee.days
        /// The planned start is after the guarantee deadline: the grant is partial and says so (domain.md §1.1).
        public var guaranteeBroken: Bool = false
    }

    public struct Egenbetaling: Sendable {
        /// "2.500 kr."
        public var amount: String
        /// "om måneden"
        public var unit: String
        public var covers: String
        public var basis: String
        public var collector: String
    }

    public struct Plan: Sendable {
        public var enrolmentDate: String
        public var goals: [PlanGoal]
        public var educationGoal: String?
        public var educationNotRelevantReason: String?
        public var reviews: [Review]
        /// "1, 3, 6 og 12"
        public var followUpMonths: String
        /// "servicelovens § 101, stk. 8" or, for a young person, "barnets lov § 33"
        public var legalReference: String
    }

    public struct Notice: Sendable {
        /// "mandag den 4. januar 2027"
        public var complaintReceivedDate: String?
        /// Reassessment and forwarding deadline: 4 weeks from receipt, never moved later.
        public var forwardingDeadline: String?
        public var expectedDecisionDate: String?
        public var hearingDeadline: String?
        public var treatmentEndDate: String?
    }

    public struct Handleplan: Sendable {
        public var purpose: String
        public var services: [String]
        public var expectedDuration: String
        public var specialConditions: String?
        public var nextReview: String?
    }

    public struct PlanGoal: Sendable {
        public var text: String
        public var indicator: String
        public var targetDate: String
    }

    public struct Review: Sendable {
        public var name: String
        public var date: String
    }

    public struct Begrundelse: Sendable {
        public var facts: [String]
        public var assessment: String
    }

    public struct Hearing: Sendable {
        public var date: String
        public var citizenViews: String?
    }

    /// One flag or value per complaint route; a template includes the partial for each route set.
    public struct Klagevejledning: Sendable {
        public var astViaKommune: AstViaKommune?
        public var noneAlcohol: Bool
        public var none101a: Bool
        public var stpk: Bool
        /// With two or more routes, the heading over each (`ComplaintRoute.heading`).
        public var socialHeading: String? = nil
        public var alcoholHeading: String? = nil
        public var healthHeading: String? = nil
    }

    /// The SEL § 101 / BL § 33 route: to the municipality, reassessment, then Ankestyrelsen.
    public struct AstViaKommune: Sendable {
        /// "mandag den 14. december 2026"
        public var deadline: String
        public var complaintWeeks: Int
        public var reassessmentWeeks: Int
        /// Paper post: the letter states the rule and the presumed day of receipt (rule D2).
        public var byPaper: Bool
        /// The recipient can use Digital Post: never a citizen under 15 (domain.md §4.5).
        public var digitalPost: Bool
        public var presumedReceivedDate: String
        /// What the deadline counts from: "afgørelsen", or "dette brev" when this letter gives the
        /// guidance again or justifies an oral decision; and its pronoun ("den", "det").
        public var countsFrom: String
        public var countsFromPronoun: String
        public var recipient: String
        public var address: String
        public var caseNumber: String
        public var citizensAdviser: CitizensAdviser?
    }

    public struct CitizensAdviser: Sendable {
        public var name: String
        public var phone: String?
        public var email: String?
    }
}
