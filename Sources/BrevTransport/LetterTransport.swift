import Foundation

/// Sends a letter on its way: the outbox folder (`OutboxFolderTransport`) or SF1601 over HTTPS
/// (`SF1601Transport`). A transport must be idempotent by parcel name (or message UUID): sending
/// a parcel it already accepted returns `alreadyAccepted` and changes nothing, which is how a batch
/// resumed after a crash reconciles a letter that went out just before it.
///
/// The complaint deadline runs from the day the letter is accepted, so the letter is not handed
/// over ready-made: `parcelAt(instant)` gives it as rendered for a dispatch at that instant, and
/// the transport asks for it at the start of each attempt (see `DispatchClock` for why an attempt
/// never straddles midnight).
public protocol LetterTransport: Sendable {
    func send(name: String, parcelAt: (Date) throws(TransportError) -> Parcel) throws(TransportError) -> DispatchReceipt
}

extension LetterTransport {
    /// A parcel that does not depend on the dispatch time.
    public func send(_ parcel: Parcel) throws(TransportError) -> DispatchReceipt {
        try send(name: parcel.name) { _ throws(TransportError) in parcel }
    }
}

/// One letter ready to go: the files a sender needs (PDF, and the message when there is one).
public struct Parcel: Sendable {
    /// Opaque and unique per letter (`afgoerelse-<id>`); names the folder and the files.
    public var name: String
    public var files: [File]
    /// The instant the files were rendered for (a MeMo's createdDateTime, to the second): the
    /// outbox folder takes it as its time, so a re-run that finds the folder renders the same bytes.
    public var renderedFor: Date?

    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public init(name: String, files: [File], renderedFor: Date? = nil) {
        self.name = name
        self.files = files
        self.renderedFor = renderedFor
    }
}

public struct DispatchReceipt: Sendable {
    /// When the transport accepted the letter: the complaint deadline runs from here.
    public var acceptedAt: Date
    /// The transport already had this very letter (a resumed run): nothing was sent again.
    public var alreadyAccepted: Bool
    /// The receiving system's id for the letter (SF1601's `TransmissionID`); nil for the outbox folder.
    public var receipt: String?
    /// Requests made for this letter (1 without retries; 0 when the circuit was open).
    public var attempts: Int

    public init(acceptedAt: Date, alreadyAccepted: Bool, receipt: String? = nil, attempts: Int = 1) {
        self.acceptedAt = acceptedAt
        self.alreadyAccepted = alreadyAccepted
        self.receipt = receipt
        self.attempts = attempts
    }
}

/// Why a letter did not go out. Names the parcel (opaque) and the system's reason, never a value.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public var parcel: String
    public var reason: String
    public init(parcel: String, reason: String) {
        self.parcel = parcel
        self.reason = reason
    }
    public var description: String { "\(parcel): \(reason)" }
}
