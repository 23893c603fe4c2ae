import Foundation

/// Where a PostgreSQL batch journal lives: `postgres://user@host:port/database`, with an optional
/// `?sslmode=disable|prefer|require` (default `prefer`). The password never comes from the URL (a
/// command line shows in process lists, shell history and logs): it comes from `PGPASSWORD`, or from
/// the password file `PGPASSFILE` (default `~/.pgpass`, libpq's format, used only when mode 0600).
public struct PostgresJournalLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var sslMode: SSLMode

    public enum SSLMode: String, Sendable, CaseIterable {
        case disable
        case prefer
        case require
    }

    public static let schemes: Set<String> = ["postgres", "postgresql"]

    /// Is `location` (a `--journal` value) a PostgreSQL URL rather than a SQLite file?
    public static func isPostgres(_ location: String) -> Bool {
        guard let colon = location.firstIndex(of: ":") else { return false }
        return schemes.contains(location[..<colon].lowercased()) && location[colon...].hasPrefix("://")
    }

    public init(url text: String) throws(JournalError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), Self.schemes.contains(scheme) else {
            throw JournalError("the journal URL is not postgres://user@host:port/database")
        }
        if components.password != nil {
            // Said without repeating the URL: it holds the password.
            throw JournalError("the journal URL holds a password: put it in PGPASSWORD or ~/.pgpass instead, never on the command line")
        }
        guard let host = components.host, !host.isEmpty else { throw JournalError("the journal URL names no host") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else { throw JournalError("the journal URL names no database (postgres://user@host:port/database)") }
        let user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        var sslMode = SSLMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw JournalError("the journal URL's sslmode is disable, prefer or require")
                }
                sslMode = value
            default:
                throw JournalError("the journal URL has an unknown parameter \(item.name) (only sslmode)")
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.database = database
        self.sslMode = sslMode
    }

    /// The URL as it may be shown (it never holds a password).
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `PGPASSWORD`, else the first matching line of the password file; nil if neither has one.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"] { return password }
        let file = environment["PGPASSFILE"] ?? environment["HOME"].map { "\($0)/.pgpass" }
        guard let file, let text = Self.privateFileText(file) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passFileFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The file's text if only its owner may read it (as libpq, which ignores a password file others can read).
    private static func privateFileText(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0 else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// `host:port:database:user:password`, where `\:` and `\\` stand for `:` and `\`.
    static func passFileFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
