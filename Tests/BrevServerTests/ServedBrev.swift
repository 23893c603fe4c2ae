import BrevTestSupport
import Foundation

/// The real `brev serve` on a free loopback port with a fresh database and one caseworker's
/// token, for tests that talk to it over HTTP (schemathesis, the browser tests). Stopped by `stop()`.
final class ServedBrev {
    let process = Process()
    let port: Int
    let token: String
    let folder: URL

    /// `environment`: the server's whole environment (default: the test's); `arguments`: more of `brev serve`'s options.
    init(pipelines: Int = 1, caseworker: String = "schemathesis", environment: [String: String]? = nil, arguments: [String] = []) throws {
        let brev = try TestSupport.brevBinary
        folder = try TestSupport.temporaryDirectory()
        let database = folder.appendingPathComponent("brev.sqlite").path
        let added = try TestSupport.run(brev, ["users", "add", caseworker, "--database", database])
        guard added.status == 0 else { throw Failure(description: "brev users add: \(added.stderr)") }
        token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        port = try TestSupport.freeLoopbackPort()
        process.executableURL = URL(fileURLWithPath: brev)
        process.arguments = ["serve", "--port", String(port), "--database", database, "--pipelines", String(pipelines),
                             "--outbox", folder.appendingPathComponent("outbox").path, "--resources", TestSupport.repositoryRoot.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let environment { process.environment = environment }
        try process.run()
        // Ready when /health answers (the pipelines load fonts and templates first).
        for _ in 0..<300 {
            if (try? TestSupport.run("curl", ["-sf", "-o", "/dev/null", "http://127.0.0.1:\(port)/health"]).status) == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw Failure(description: "brev serve did not answer /health on port \(port) within 30 s")
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }
}
