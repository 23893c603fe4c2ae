import Foundation
import GRDB

/// Every letter rendered or downloaded: who, when, what and which letter id. Never a CPR, a
/// citizen's name or any text of the letter; a letter is found again only by its id.
public struct AuditLog: Sendable {
    public enum Action: String, Sendable, Codable {
        case rendered
        case checked
        /// Put into the outbox ("send"); the PDF hash is the one that went out.
        case sent
        /// A sent letter opened again by its id.
        case opened
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var at: String
        public var caseworker: String
        public var action: String
        public var letterId: String?
        public var letterKind: String?
        public var pdfSHA256: String?

        enum CodingKeys: String, CodingKey {
            case at, caseworker, action
            case letterId = "letter_id"
            case letterKind = "letter_kind"
            case pdfSHA256 = "pdf_sha256"
        }
    }

    let database: ServerDatabase
    private let committer: AuditCommitter

    public init(database: ServerDatabase) {
        self.database = database
        committer = AuditCommitter(database: database)
    }

    /// Returns once the entry is on disk: a letter is handed out only after its audit entry is
    /// kept. Entries of requests that arrive together share one transaction (`AuditCommitter`).
    public func record(_ action: Action, by caseworker: String, letterId: String?, letterKind: String?, pdfSHA256: String?,
                       at date: Date = Date()) async throws {
        try await committer.commit(Entry(at: UTCTimestamp.string(from: date), caseworker: caseworker, action: action.rawValue,
                                         letterId: letterId, letterKind: letterKind, pdfSHA256: pdfSHA256))
    }

    /// The newest entries first.
    public func entries(limit: Int = 200) async throws -> [Entry] {
        try await database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, caseworker, action, letter_id, letter_kind, pdf_sha256 FROM audit ORDER BY id DESC LIMIT ?
                """, arguments: [limit]).map {
                Entry(at: $0["at"], caseworker: $0["caseworker"], action: $0["action"], letterId: $0["letter_id"],
                      letterKind: $0["letter_kind"], pdfSHA256: $0["pdf_sha256"])
            }
        }
    }
}
