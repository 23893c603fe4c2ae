import BrevCore
import Foundation
import GRDB

/// The pages' log-in: a caseworker gives their token once and gets a session cookie (HttpOnly,
/// Secure, SameSite=Strict) for a working day. Every form carries the session's CSRF token.
struct Sessions: Sendable {
    struct Session: Sendable {
        var caseworker: String
        var csrf: String
    }

    static let cookieName = "brev_session"
    /// A working day; after it the caseworker logs in again.
    static let lifetime: TimeInterval = 8 * 3600

    let database: ServerDatabase

    /// A new session; returns the cookie's value. Written off the event loop: a commit waits for
    /// the disk, and the loop serves every other connection meanwhile.
    func start(for caseworker: String, now: Date = Date()) async throws -> String {
        let id = CaseworkerTokens.newToken()
        let csrf = CaseworkerTokens.newToken()
        try await database.pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [now.timeIntervalSince1970])
            try db.execute(sql: "INSERT INTO session (id_sha256, caseworker, csrf, expires) VALUES (?, ?, ?, ?)",
                           arguments: [SHA256.hex(id), caseworker, csrf, now.timeIntervalSince1970 + Sessions.lifetime])
        }
        return id
    }

    /// The session with this cookie value, unexpired, or nil. Read on the calling thread, as a
    /// token is (`CaseworkerTokens.caseworker(forToken:in:)`).
    func session(_ id: String, now: Date = Date()) throws -> Session? {
        let (hash, at) = (SHA256.hex(id), now.timeIntervalSince1970)
        return try database.pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT caseworker, csrf FROM session WHERE id_sha256 = ? AND expires >= ?"),
                             arguments: [hash, at])
                .map { Session(caseworker: $0["caseworker"], csrf: $0["csrf"]) }
        }
    }

    /// Ends a session (log-out), off the event loop as `start` is.
    func end(_ id: String) async throws {
        let hash = SHA256.hex(id)
        try await database.pool.write { db in try db.execute(sql: "DELETE FROM session WHERE id_sha256 = ?", arguments: [hash]) }
    }

    static func setCookie(_ value: String, maxAge: Int = Int(lifetime)) -> String {
        "\(cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; Secure; SameSite=Strict"
    }

    /// Compares without stopping at the first difference, so timing tells nothing about the token.
    static func sameToken(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The value of a cookie in a `Cookie` header.
    static func cookie(named name: String, in header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        return nil
    }
}
