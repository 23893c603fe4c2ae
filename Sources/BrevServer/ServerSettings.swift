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
    /// Threads that read and write the sockets and run the requests' handlers (`brev serve` runs
    /// Swift's tasks on them too); the renders run beside them, on the pipelines.
    public var eventLoopCount: Int
    /// Requests that may wait for a pipeline when all are busy; one more is answered 429.
    public var waitingLimit: Int
    /// From asking for a pipeline to the end of the render; later is answered 503.
    public var requestTimeout: Duration
    /// The outbox folder "send" puts letters into, with the batch's journal (`journal.sqlite`) in it.
    public var outboxPath: String
    /// The caller has said that a proxy in front terminates TLS (required to bind off loopback).
    public var behindTLSProxy: Bool

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080

    public init(host: String = ServerSettings.defaultHost, port: Int = ServerSettings.defaultPort, databasePath: String,
                environment: BrevEnvironment, pipelineCount: Int = ProcessInfo.processInfo.activeProcessorCount,
                eventLoopCount: Int = ServerSettings.defaultEventLoopCount(cores: ProcessInfo.processInfo.activeProcessorCount),
                behindTLSProxy: Bool = false, waitingLimit: Int? = nil, requestTimeout: Duration = ServerSettings.defaultRequestTimeout,
                outboxPath: String? = nil) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.environment = environment
        self.pipelineCount = max(1, pipelineCount)
        self.eventLoopCount = max(1, eventLoopCount)
        self.behindTLSProxy = behindTLSProxy
        self.waitingLimit = max(0, waitingLimit ?? ServerSettings.waitingPerPipeline * max(1, pipelineCount))
        self.requestTimeout = requestTimeout
        self.outboxPath = outboxPath ?? ServerSettings.defaultOutboxPath(databasePath: databasePath)
    }

    /// One event loop per four cores, at least one. The event loops do about a quarter of the
    /// service's work (the renders the rest), so one loop keeps up with the pipelines of four
    /// cores. On two cores at 16 connections, one loop instead of NIO's default of one per core
    /// gave 15-25% more letters a second and a p99 2-5 ms lower in six alternated rounds: a
    /// single loop handles the wake-ups of all its sockets in one pass, and no second loop takes
    /// turns on the cores the renders need.
    public static func defaultEventLoopCount(cores: Int) -> Int { max(1, cores / 4) }

    /// A waiting request holds only its body (at most the case limit, 1 MB), so 16 per pipeline
    /// bounds memory to tens of MB while 16 caseworkers at once on two cores still get answers.
    public static let waitingPerPipeline = 16
    /// A letter renders in tens of milliseconds; ten seconds means something is wrong.
    public static let defaultRequestTimeout: Duration = .seconds(10)

    /// `$BREV_OUTBOX`, else `outbox/` next to the database.
    public static func defaultOutboxPath(databasePath: String,
                                         environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["BREV_OUTBOX"], !path.isEmpty { return path }
        return ((databasePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent("outbox")
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
