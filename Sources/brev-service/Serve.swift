import ArgumentParser
import BrevCommandLine
import BrevPipeline
import BrevServer
import Dispatch
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Synchronization

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: ServiceCommands.serveAbstract,
        discussion: """
        Every route but /health, /ready and the log-in page needs a caseworker's token (brev users add NAME) \
        or a page session. The database (tokens' hashes, sessions and the audit log; no case data) is \
        --database, else $BREV_DATABASE, else $XDG_DATA_HOME/brev/brev.sqlite (~/.local/share/brev/brev.sqlite). \
        brev serves plain HTTP: it listens off loopback only with --behind-tls-proxy, when a proxy in front \
        terminates TLS.

        "Send" puts a case's letters into the outbox (--outbox) through the same journal as brev batch: each \
        letter id goes out once, and brev batch status OUTBOX counts it. A letter that went out can be opened \
        again by its id only (GET /api/letters/ID), from its files in the outbox.
        """)

    @Option(help: "Address to listen on.") var host = ServerSettings.defaultHost
    @Option(help: "Port to listen on.") var port = ServerSettings.defaultPort
    @Option(help: "The service's SQLite database.") var database: String?
    @Flag(help: "A proxy in front of brev terminates TLS (needed to listen off loopback).") var behindTLSProxy = false
    @Option(help: "Letters rendered at once (default: one per core).") var pipelines: Int?
    @Option(help: "Threads that read and write the sockets (default: one per four cores, at least one).") var eventLoops: Int?
    @Option(help: "Requests that may wait for a pipeline; one more is answered 429 (default: 16 per pipeline).") var waiting: Int?
    @Option(help: "Seconds a request may take, waiting for a pipeline and rendering; later is answered 503.")
    var requestTimeout: Double = Double(ServerSettings.defaultRequestTimeout.components.seconds)
    @Option(help: "The outbox \"send\" puts letters into, with the batch's journal (default: $BREV_OUTBOX, else outbox/ next to the database).")
    var outbox: String?
    @OptionGroup var resources: ResourceOptions

    func run() throws {
        MallocArenas.limitUnlessConfigured()
        var settings = ServerSettings(host: host, port: port, databasePath: database ?? ServerSettings.defaultDatabasePath(),
                                      environment: try resources.environment(), behindTLSProxy: behindTLSProxy)
        if let pipelines { settings.pipelineCount = max(1, pipelines) }
        if let eventLoops { settings.eventLoopCount = max(1, eventLoops) }
        settings.waitingLimit = max(0, waiting ?? ServerSettings.waitingPerPipeline * settings.pipelineCount)
        settings.requestTimeout = .milliseconds(Int64(requestTimeout * 1000))
        if let outbox { settings.outboxPath = outbox }
        if let problem = settings.bindingProblem { throw ValidationError(problem) }
        if !(requestTimeout > 0) { throw ValidationError("--request-timeout is a number of seconds above 0") }
        let chosen = settings
        // Swift's tasks run on the event loops that read and write the sockets (Hummingbird's
        // group, NIO's singleton), not on a pool of their own: a request's handler, its wait for
        // a pipeline and its answer no longer hop between two sets of threads, and two threads
        // fewer contend for the two cores. Installed once, here on the main thread, before the
        // first task; the renders themselves run on the pipelines' threads (PipelinePool). The
        // singleton group is made when first used, with the count suggested here.
        NIOSingletons.groupLoopCountSuggestion = chosen.eventLoopCount
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let outcome = waitFor {
            let app = try await buildApplication(chosen)
            try await app.runService()
        }
        switch outcome {
        case .success: return
        case .failure(let error as BrevError):
            printError("brev: \(error)")
            throw ExitCode(error.exitCode)
        case .failure(let error):
            printError("brev serve: \(error)")
            throw ExitCode(4)
        }
    }
}

/// Runs async work from the synchronous command line and waits for it (the root command is synchronous).
func waitFor(_ work: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
    let outcome = Mutex<Result<Void, any Error>>(.success(()))
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await work() } catch { outcome.withLock { $0 = .failure(error) } }
        done.signal()
    }
    done.wait()
    return outcome.withLock { $0 }
}
