import BrevCore
import Foundation

/// How `brev serve` runs: where it listens, where its database is, where the letters' resources
/// are. `buildApplication` takes these; the tests make their own with a temporary database.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// The SQLite file with the caseworkers' token hashes and the audit log.
    public var databasePath: String
    public var environment: BrevEnvironment
    /// Renders at once; one pipeline per core (each holds its own fonts and caches).
    public var pipelineCount: Int
    /// The caller has said that a proxy in front terminates TLS (required to bind off loopback).
    public var behindTLSProxy: Bool

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080

    public init(host: String = ServerSettings.defaultHost, port: Int = ServerSettings.defaultPort, databasePath: String,
                environment: BrevEnvironment, pipelineCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                behindTLSProxy: Bool = false) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.environment = environment
        self.pipelineCount = max(1, pipelineCount)
        self.behindTLSProxy = behindTLSProxy
    }

    /// `$BREV_DATABASE`, else `$XDG_DATA_HOME/brev/brev.sqlite`, else `~/.local/share/brev/brev.sqlite`.
    public static func defaultDatabasePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["BREV_DATABASE"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((dataHome as NSString).appendingPathComponent("brev") as NSString).appendingPathComponent("brev.sqlite")
    }

    /// Tokens and session cookies cross the network in the clear without TLS, so brev binds
    /// only to loopback unless the caller says a proxy terminates TLS in front of it.
    public var bindingProblem: String? {
        if ServerSettings.isLoopback(host) || behindTLSProxy { return nil }
        return "refusing to listen on \(host) without TLS: brev serves plain HTTP; put a TLS proxy in front and pass --behind-tls-proxy"
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
