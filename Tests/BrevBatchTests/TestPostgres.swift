import BrevTestSupport
import Foundation

/// A throwaway PostgreSQL cluster of the tests' own: `initdb` into a temporary folder, started by
/// `pg_ctl` on a free port of 127.0.0.1 with its unix socket in that folder, password login
/// (SCRAM) for one superuser, and stopped and removed at the end. PostgreSQL refuses to run as
/// root, so when the tests run as root its programs run as the `postgres` user (`runuser`), and
/// the folder is theirs.
final class TestPostgres {
    /// The folder of Debian's PostgreSQL programs (`scripts/setup.sh` installs `postgresql`), or
    /// one on PATH; nil when there are none, and the tests that need them are skipped.
    static let binaries: String? = {
        let fm = FileManager.default
        let debian = "/usr/lib/postgresql"
        let versions = ((try? fm.contentsOfDirectory(atPath: debian)) ?? []).compactMap(Int.init).sorted(by: >)
        for version in versions where fm.isExecutableFile(atPath: "\(debian)/\(version)/bin/pg_ctl") {
            return "\(debian)/\(version)/bin"
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if fm.isExecutableFile(atPath: "\(folder)/pg_ctl"), fm.isExecutableFile(atPath: "\(folder)/initdb") { return String(folder) }
        }
        return nil
    }()

    static let missingMessage = "PostgreSQL's initdb and pg_ctl are not installed (scripts/setup.sh installs Debian's postgresql)"

    let folder: String
    let port: Int
    let user = "brev"
    /// Given to brev through PGPASSWORD, as a user would.
    let password = UUID().uuidString
    private let bin: String
    private let asRoot = getuid() == 0

    init() throws {
        guard let bin = Self.binaries else { throw Failure(description: Self.missingMessage) }
        self.bin = bin
        folder = try TestSupport.temporaryDirectory().path
        port = try TestSupport.freeLoopbackPort()
        let passwordFile = "\(folder)/password"
        try Data(password.utf8).write(to: URL(fileURLWithPath: passwordFile))
        chmod(passwordFile, 0o600)
        if asRoot {
            // The temporary folder's parents are world-searchable; the cluster's own folder must be the postgres user's.
            try ownByPostgres(folder)
            try ownByPostgres(passwordFile)
        }
        try runAsPostgres("initdb", ["-D", "\(folder)/data", "-U", user, "--pwfile=\(passwordFile)", "--auth=scram-sha-256",
                                     "-E", "UTF8", "--no-locale", "--no-sync"])
        // fsync off: the tests kill brev's workers, never the server; the cluster is gone afterwards.
        try runAsPostgres("pg_ctl", ["-D", "\(folder)/data", "-l", "\(folder)/server.log", "-w", "-t", "60", "-o",
                                     "-p \(port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
                                     "start"])
    }

    deinit {
        _ = try? runAsPostgres("pg_ctl", ["-D", "\(folder)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A new database (one batch per database) and its URL for `--journal`.
    func createDatabase(_ name: String) throws -> String {
        _ = try runAsPostgres("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", user, name], environment: ["PGPASSWORD": password])
        return "postgres://\(user)@127.0.0.1:\(port)/\(name)?sslmode=disable"
    }

    /// The environment brev's workers get: the password in PGPASSWORD, never on the command line.
    var clientEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = password
        environment.removeValue(forKey: "PGPASSFILE")
        return environment
    }

    @discardableResult
    private func runAsPostgres(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        // Foundation learns that a child ended when every holder of a descriptor it shares with the
        // child has closed it; the server pg_ctl leaves running would hold it forever. So the
        // command runs with every descriptor above 2 closed.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        let command = (asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : [])
            + ["/usr/bin/env"] + environment.map { "\($0)=\($1)" } + ["\(bin)/\(program)"] + arguments
        process.arguments = ["-c", "import os, sys; os.closerange(3, 65536); os.execv(sys.argv[1], sys.argv[1:])"] + command
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // A file, not a pipe: the server pg_ctl starts inherits the descriptor and keeps it open,
        // so reading a pipe to its end would wait for the server to stop.
        let outputPath = "\(folder)/\(program).out"
        FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let log = (try? String(contentsOfFile: "\(folder)/server.log", encoding: .utf8)) ?? ""
            throw Failure(description: "\(program) exited \(process.terminationStatus): \(text)\n\(log.suffix(2000))")
        }
        return text
    }

    private func ownByPostgres(_ path: String) throws {
        guard let entry = getpwnam("postgres") else { throw Failure(description: "running as root and there is no postgres user") }
        guard chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
            throw Failure(description: "cannot give \(path) to the postgres user")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
