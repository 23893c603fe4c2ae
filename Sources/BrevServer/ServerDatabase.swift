import BrevCore
import Foundation
import GRDB

/// The service's own SQLite database: caseworkers (a name and the SHA-256 of their token, never
/// the token) and the audit log. Holds no case data: no CPR, no citizen's name, no letter text.
public struct ServerDatabase: Sendable {
    let queue: DatabaseQueue

    /// Opens (and creates, mode 0600 in a 0700 folder) the database at `path`.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try SecureFile.makeDirectory(folder) }
        queue = try DatabaseQueue(path: path)
        chmod(path, 0o600)
        try ServerDatabase.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE caseworker (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    created TEXT NOT NULL
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    caseworker TEXT NOT NULL,
                    action TEXT NOT NULL,
                    letter_id TEXT,
                    letter_kind TEXT,
                    pdf_sha256 TEXT
                );
                """)
        }
        migrator.registerMigration("v2-sessions") { db in
            // A page session: the SHA-256 of the cookie's value (never the value), and the form's CSRF token.
            try db.execute(sql: """
                CREATE TABLE session (
                    id_sha256 TEXT PRIMARY KEY,
                    caseworker TEXT NOT NULL,
                    csrf TEXT NOT NULL,
                    expires REAL NOT NULL
                );
                """)
        }
        return migrator
    }
}
