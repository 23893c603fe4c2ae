import BrevCore
import Foundation

/// How one letter leaves and the facts Digital Post or remote print need (domain.md §4.4–4.5).
/// It travels beside the `LetterModel`, never inside it: the template is filled from the model
/// alone, so no template can print the recipient's CPR number or the profile's settings.
public struct LetterDelivery: Sendable {
    public enum Channel: Sendable {
        case digitalPost, print, inPerson, none
    }

    public var channel: Channel
    /// Derived from municipality, case, letter type, recipient and letter version: the same
    /// letter rendered again keeps its id; another recipient gets another (memo.md §3).
    public var messageUUID: String
    public var recipientCPR: String?
    public var recipientName: String
    /// The envelope's address lines (street, postcode and town).
    public var addressLines: [String]
    /// The envelope address's country (ISO 3166 alpha-2), "DK" at home.
    public var countryCode: String = "DK"
    public var caseNumber: String
    public var created: Date
    public var profile: MunicipalityProfile
    /// Decisions get the decision notification and legalNotification from the profile.
    public var isDecision: Bool
    /// Paper post to a recipient without a CPR number (a custody holder living abroad or
    /// without one): remote print needs the number, so the municipality prints and posts the
    /// PDF itself and no message is made.
    public var printedLocally: Bool = false
}
