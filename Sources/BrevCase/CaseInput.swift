import BrevCore
import Foundation

/// One case as a caseworker's system sends it: the fields of domain.md §6 that brev's letters
/// use, read from JSON. Field names in JSON are the snake_case names of §6.
public struct CaseInput: Sendable {
    public var municipalityCode: String
    public var caseNumber: String?
    public var letterType: LetterType
    public var legalBasis: [LegalBasis]
    public var legalCitations: [String]
    public var substanceCategory: SubstanceCategory?
    public var treatmentTypeRequested: TreatmentType?
    public var treatmentTypeGranted: TreatmentType?
    public var outcome: Outcome?
    public var applicationReceivedDate: CivilDate?
    public var firstContactDate: CivilDate?
    public var vumCompletedDate: CivilDate?
    public var visitationsudvalgDate: CivilDate?
    public var begrundelse: Begrundelse?
    public var citizenViews: String?
    public var partshoering: Partshoering?
    public var citizen: Citizen?
    public var anonymous: Bool
    public var channel: Channel
    public var letterDate: CivilDate
    /// The day the letter actually leaves, in Europe/Copenhagen (from `dispatch_datetime`).
    public var dispatchDate: CivilDate?
    /// The exact dispatch time, when given; MeMo's createdDateTime.
    public var dispatchInstant: Date?
    /// Raised when a corrected letter replaces an earlier one: a new version is a new message.
    public var letterVersion: Int
    public var caseworker: Caseworker?
    public var periodRequested: Period?
    public var periodGranted: Period?
    public var plannedStartDate: CivilDate?
    public var provider: Provider?
    public var freeChoice: FreeChoice?
    public var egenbetaling: Egenbetaling?
    public var childrenUnder18AtHome: Bool
    public var pregnant: Bool
    public var behandlingsplan: Behandlingsplan?
    /// For a young person under 18: every custody holder gets their own copy (BL § 3 no. 2).
    public var custodyHolders: [CustodyHolder]
    /// VIDERESENDT_AST: when the municipality received the complaint.
    public var complaintReceivedDate: CivilDate?
    /// SVARFRIST_ORIENTERING: when the citizen can expect a decision.
    public var expectedDecisionDate: CivilDate?
    /// OPHOER, AFSLAG_FORLAENGELSE: the day the treatment ends.
    public var treatmentEndDate: CivilDate?
    /// PARTSHOERING: the day the citizen's comments must be in.
    public var hearingDeadline: CivilDate?
    public var handleplan: Handleplan?
    /// Why the decision departs from the municipality's local practice (a longer residential
    /// period than Thisted's 3 months): without it, such a departure is warned about.
    public var exceptionReason: String? = nil
    /// GENVURDERING_AENDRET, KLAGEVEJLEDNING: the date of the earlier decision this letter is about.
    public var earlierDecisionDate: CivilDate?
    /// AKTINDSIGT: when the request for access came in (FVL § 16 stk. 2 counts from it).
    public var accessRequestReceivedDate: CivilDate?
    /// SKRIFTLIG_BEGRUNDELSE: when the decision was given orally, and when the written justification was asked for (FVL § 23).
    public var oralDecisionDate: CivilDate?
    public var justificationRequestedDate: CivilDate?
    /// A representative (FVL § 8): the letter goes to them, with a copy to the citizen.
    public var representative: Representative?

    /// Someone who acts for the citizen (FVL § 8): a party representative, or someone holding
    /// the citizen's power of attorney.
    public struct Representative: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case partsrepraesentant = "PARTSREPRAESENTANT"
            case fuldmagt = "FULDMAGT"
        }
        public var name: String
        public var kind: Kind
        public var cpr: CPR?
        public var address: Address?
        public var digitalPostStatus: DigitalPostStatus?
    }

    /// The action plan (SEL § 141), written only with the citizen's consent (domain.md §4.7).
    public struct Handleplan: Sendable {
        public var consent: Bool
        public var purpose: String?
        public var services: [String]
        public var expectedDuration: String?
        public var specialConditions: String?
        public var nextReview: CivilDate?
    }

    public struct CustodyHolder: Sendable {
        public var name: String
        public var cpr: CPR?
        public var address: Address?
        public var digitalPostStatus: DigitalPostStatus?
    }

    /// The treatment plan (SEL § 101 stk. 8): the citizen's own SMART goals (domain.md §4.6).
    public struct Behandlingsplan: Sendable {
        public var enrolmentDate: CivilDate?
        public var goals: [Goal]
        public var educationGoalId: String?
        public var educationNotRelevantReason: String?
        public var dayOrResidential: Bool

        public struct Goal: Sendable {
            public var id: String?
            public var text: String
            public var indicator: String?
            public var targetDate: CivilDate?
            public var lifeArea: String?
            public var citizenAccepted: Bool
        }
    }

    /// A date range, both ends included.
    public struct Period: Sendable, Equatable {
        public var from: CivilDate
        public var to: CivilDate
        public var days: Int { from.days(until: to) + 1 }
    }

    public struct Provider: Sendable {
        public var name: String
        public var address: String?
        public var approved: Bool
    }

    /// The citizen's free choice of provider (SEL § 101 stk. 5–7).
    public struct FreeChoice: Sendable {
        public var chosenOtherProvider: Bool
        public var sameType: Bool
        public var restricted: Bool
        public var restrictionReason: String?
    }

    /// Own payment for board and lodging in residential treatment (SEL § 163).
    public struct Egenbetaling: Sendable {
        public var applies: Bool
        public var amount: Double?
        public var unit: String?
        public var covers: String?
        public var basis: String?
        public var collector: String?
        /// The citizen keeps a home of their own during the stay: then lodging is not paid for.
        public var keepsOwnHome: Bool? = nil
    }

    public struct Begrundelse: Sendable {
        public var facts: [String]
        public var assessment: String?
        /// True when the decision relies on information from a third party (a provider's
        /// status report, the police, a VUM statement): then the citizen must have been heard.
        public var reliesOnThirdPartyInformation: Bool
    }

    public struct Partshoering: Sendable {
        public var performed: Bool
        public var date: CivilDate?
        public var exceptionCode: String?
    }

    public struct Citizen: Sendable {
        public var cpr: CPR?
        public var name: String?
        public var address: Address?
        public var digitalPostStatus: DigitalPostStatus?
        /// Navne- og adressebeskyttelse: the address is printed only in the envelope block of
        /// the citizen's own letter, never on a copy to anyone else (domain.md §4.4).
        public var protectedAddress: Bool = false
    }

    /// A Danish postal address (domain.md §4.4): name, c/o, street, postcode and town.
    public struct Address: Sendable {
        public var co: String?
        public var street: String
        public var postcode: String
        public var city: String
        /// An address abroad: the ISO 3166 alpha-2 code for remote print, and the country's name,
        /// printed in capitals as the last line. Nil or "DK": Denmark.
        public var countryCode: String?
        public var countryName: String?

        public var isAbroad: Bool { countryCode.map { $0 != "DK" } ?? false }

        public var lines: [String] {
            var out: [String] = []
            if let co { out.append("c/o \(co)") }
            out.append(street)
            out.append("\(postcode) \(city)")
            if isAbroad, let countryName { out.append(countryName.uppercased()) }
            return out
        }
    }

    public struct Caseworker: Sendable {
        public var name: String
        public var title: String?
        public var phone: String?
        public var email: String?
    }
}
