import BrevCore
import Foundation
import GRDB

/// The service's own SQLite database: caseworkers (a name and the SHA-256 of their token, never
/// the token) and the audit log. Holds no case data: no CPR, no citizen's name, no letter text.
///
/// Write-ahead log (a `DatabasePool`): a request reading a token or a session does not wait for
/// an audit commit's fsync, and a commit is one fsync of the log. `synchronous = FULL` keeps a
/// commit that returned on disk.
public struct ServerDatabase: Sendable {
    let pool: DatabasePool

    /// Opens (and creates, mode 0600 in a 0700 folder) the database at `path`.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try SecureFile.makeDirectory(folder) }
        // Made 0600 before SQLite opens it, so its -wal and -shm files (which SQLite creates with
        // the database's mode) are never readable by others either.
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        if fd >= 0 { close(fd) }
        chmod(path, 0o600)
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // `brev users add` (another process) may hold the write lock for a moment: wait, do not fail.
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        try ServerDatabase.migrator.migrate(pool)
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
