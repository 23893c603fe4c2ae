import BrevCore
import Foundation

/// MeMo versions brev writes. 1.2 is the default; 1.1 stays accepted in parallel (memo.md §1).
public enum MeMoVersion: String, Sendable, CaseIterable {
    case v1_1 = "1.1"
    case v1_2 = "1.2"
}

/// One letter to one recipient, as Digital Post and remote print need it. Built by the
/// pipeline from a validated case; this module never sees cases.
public struct OutgoingLetter: Sendable {
    public var messageUUID: String
    /// Neutral subject shown in the mailbox ("Afgørelse fra Ishøj Kommune").
    public var label: String
    /// Neutral notification text, at most 150 characters.
    public var notification: String?
    public var mandatory: Bool
    public var legalNotification: Bool
    public var senderCVR: String
    public var senderLabel: String
    public var recipientCPR: String
    /// Name of the recipient and the person the case concerns (the same person in brev's letters).
    public var recipientName: String
    /// Postal address lines below the name (street, postcode and town), for print.
    public var addressLines: [String]
    /// The address's country for remote print (ISO 3166 alpha-2): "DK" unless the recipient lives abroad.
    public var countryCode: String
    public var caseNumber: String
    public var caseSystem: String
    public var kle: KLE?
    /// When the message is created (dispatch time), written in UTC.
    public var created: Date
    public var letterDate: String
    public var mainDocument: Attachment
    public var additionalDocuments: [Attachment]

    public struct KLE: Sendable {
        public var subjectKey: String
        public var version: String
        public var activityFacet: String?
        public var label: String

        public init(subjectKey: String, version: String, activityFacet: String?, label: String) {
            self.subjectKey = subjectKey
            self.version = version
            self.activityFacet = activityFacet
            self.label = label
        }
    }

    public struct Attachment: Sendable {
        public var label: String
        public var filename: String
        public var pdf: [UInt8] {
            didSet { base64 = Base64.encoded(pdf) }
        }
        /// `pdf` in base64, as the messages carry it: encoded once for the message and the
        /// SF1601 body that wraps it.
        public private(set) var base64: String

        public init(label: String, filename: String, pdf: [UInt8]) {
            self.label = label
            self.filename = filename
            self.pdf = pdf
            base64 = Base64.encoded(pdf)
        }
    }

    public init(messageUUID: String, label: String, notification: String?, mandatory: Bool, legalNotification: Bool,
                senderCVR: String, senderLabel: String, recipientCPR: String, recipientName: String, addressLines: [String],
                caseNumber: String, caseSystem: String, kle: KLE?, created: Date, letterDate: String,
                mainDocument: Attachment, additionalDocuments: [Attachment] = [], countryCode: String = "DK") {
        self.countryCode = countryCode
        self.messageUUID = messageUUID
        self.label = label
        self.notification = notification
        self.mandatory = mandatory
        self.legalNotification = legalNotification
        self.senderCVR = senderCVR
        self.senderLabel = senderLabel
        self.recipientCPR = recipientCPR
        self.recipientName = recipientName
        self.addressLines = addressLines
        self.caseNumber = caseNumber
        self.caseSystem = caseSystem
        self.kle = kle
        self.created = created
        self.letterDate = letterDate
        self.mainDocument = mainDocument
        self.additionalDocuments = additionalDocuments
    }
}

/// Why a message cannot be written.
public enum DigitalPostError: Error, Sendable, CustomStringConvertible {
    case invalidIdentifier(field: String, reason: String)
    case sensitive(field: String, reason: String)
    case tooLong(field: String, limit: Int)
    case tooManyLines(field: String, limit: Int)
    case tooLarge(bytes: Int, limit: Int)
    case noAddress
    case writer(String)

    public var description: String {
        switch self {
        case .invalidIdentifier(let f, let r): return "\(f): \(r)"
        case .sensitive(let f, let r): return "\(f) must be neutral: \(r)"
        case .tooLong(let f, let limit): return "\(f) is longer than \(limit) characters"
        case .tooManyLines(let f, let limit): return "\(f) has more than \(limit) lines"
        case .tooLarge(let bytes, let limit): return "the message would be \(bytes) bytes, over the limit of \(limit)"
        case .noAddress: return "a print letter needs the recipient's postal address"
        case .writer(let m): return "XML writer: \(m)"
        }
    }
}
