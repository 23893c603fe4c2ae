import Foundation

/// Everything a letter template prints, computed and worded in Swift (dates in Danish,
/// deadlines, the complaint route, which sections apply). Templates only print these values
/// and switch sections on their flags; they decide nothing.
public struct LetterModel: Sendable {
    /// The template folder under `LetterTemplates/letters/`.
    public var templateName: String
    /// An opaque id for file names and logs: a hash, never the citizen or the treatment.
    public var letterId: String
    /// The neutral title for PDF metadata ("Afgørelse fra Ishøj Kommune").
    public var documentTitle: String
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
    /// How the letter leaves: not printed in the letter, read by the pipeline.
    public var delivery: Delivery

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
    }

    /// The channel and the facts Digital Post or remote print need (domain.md §4.4–4.5).
    public struct Delivery: Sendable {
        public enum Channel: Sendable {
            case digitalPost, print, inPerson, none
        }

        public var channel: Channel
        /// Derived from case, letter type, recipient and letter version: the same letter
        /// rendered again keeps its id; another recipient gets another (memo.md §3).
        public var messageUUID: String
        public var recipientCPR: String?
        public var recipientName: String
        public var addressLines: [String]
        public var caseNumber: String
        public var created: Date
        public var profile: MunicipalityProfile
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
        /// "2. november 2026"
        public var receivedDate: String
        /// The allocation committee's decision date, for day, residential and detox treatment.
        public var committeeDate: String?
        /// A rejected day or residential treatment leaves outpatient treatment open (S1).
        public var outpatientStillAvailable: Bool
        public var centreName: String
        public var centreAddress: String
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
    }

    /// The SEL § 101 / BL § 33 route: to the municipality, reassessment, then Ankestyrelsen.
    public struct AstViaKommune: Sendable {
        /// "mandag den 14. december 2026"
        public var deadline: String
        public var complaintWeeks: Int
        public var reassessmentWeeks: Int
        /// Paper post: the letter states the rule and the presumed day of receipt (rule D2).
        public var byPaper: Bool
        public var presumedReceivedDate: String
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
