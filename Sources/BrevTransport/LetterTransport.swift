import Foundation

/// Sends a letter on its way. The outbox folder (`OutboxFolderTransport`) is the one for now;
/// SF1601 over HTTPS will implement the same protocol. A transport must be idempotent by
/// parcel name: sending a parcel it already accepted returns `alreadyAccepted` and changes nothing,
/// which is how a batch resumed after a crash reconciles a letter that went out just before it.
public protocol LetterTransport: Sendable {
    func send(_ parcel: Parcel) throws(TransportError) -> DispatchReceipt
}

/// One letter ready to go: the files a sender needs (PDF, and the message when there is one).
public struct Parcel: Sendable {
    /// Opaque and unique per letter (`afgoerelse-<id>`); names the folder and the files.
    public var name: String
    public var files: [File]

    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public init(name: String, files: [File]) {
        self.name = name
        self.files = files
    }
}

public struct DispatchReceipt: Sendable {
    /// When the transport accepted the letter: the complaint deadline runs from here.
    public var acceptedAt: Date
    /// The transport already had this very letter (a resumed run): nothing was sent again.
    public var alreadyAccepted: Bool

    public init(acceptedAt: Date, alreadyAccepted: Bool) {
        self.acceptedAt = acceptedAt
        self.alreadyAccepted = alreadyAccepted
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
