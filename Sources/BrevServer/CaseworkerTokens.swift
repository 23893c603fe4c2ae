import BrevCore
import Foundation
import GRDB

/// A caseworker's token: 32 random bytes, shown once when made. The database keeps only its
/// SHA-256: the token is random and long, so a fast hash is enough (no password to guess).
public enum CaseworkerTokens {
    public enum AddError: Error, CustomStringConvertible {
        case invalidName
        case nameTaken

        public var description: String {
            switch self {
            case .invalidName: return "a caseworker's name is 1 to 64 letters, digits, spaces, dots, hyphens or underscores"
            case .nameTaken: return "a caseworker with that name exists already"
            }
        }
    }

    /// Makes a caseworker and returns their token (the only time it is seen).
    public static func add(name: String, to database: ServerDatabase, now: Date = Date()) throws -> String {
        guard isValidName(name) else { throw AddError.invalidName }
        let token = newToken()
        do {
            try database.pool.write { db in
                try db.execute(sql: "INSERT INTO caseworker (name, token_sha256, created) VALUES (?, ?, ?)",
                               arguments: [name, SHA256.hex(token), UTCTimestamp.string(from: now)])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AddError.nameTaken
        }
        return token
    }

    /// The caseworker whose token this is, or nil.
    ///
    /// Every request asks this, so it reads on the calling thread (a write-ahead log read takes
    /// microseconds and never waits for a commit) with a statement prepared once per connection:
    /// an asynchronous read would cost two thread switches a request. Not cached in memory, so a
    /// caseworker removed from the database is refused at once.
    public static func caseworker(forToken token: String, in database: ServerDatabase) throws -> String? {
        let hash = SHA256.hex(token)
        return try database.pool.read { db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM caseworker WHERE token_sha256 = ?"), arguments: [hash])
        }
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "brev_" + bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || " .-_".unicodeScalars.contains($0)
        }
    }
}
