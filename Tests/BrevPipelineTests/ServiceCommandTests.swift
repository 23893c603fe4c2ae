import BrevTestSupport
import Foundation
import Testing

/// `brev` links no server library: `batch`, `serve` and `users` run in `brev-service`, which
/// `brev` executes in its own process with the same arguments.
@Suite(.serialized) struct ServiceCommandTests {
    let brev: String
    let root = TestSupport.repositoryRoot.path

    init() throws {
        brev = try TestSupport.brevBinary
    }

    @Test func helpListsEveryCommand() throws {
        let r = try TestSupport.run(brev, ["--help"])
        #expect(r.status == 0, "\(r.stderr)")
        for command in ["render", "check", "standard", "batch", "serve", "users"] {
            #expect(r.stdout.contains("\n  \(command) "), "brev --help does not list \(command): \(r.stdout)")
        }
        #expect(r.stdout.contains("Start the caseworkers' service"))
    }

    @Test func helpOnAServiceCommandIsTheService() throws {
        let serve = try TestSupport.run(brev, ["serve", "--help"])
        #expect(serve.status == 0, "\(serve.stderr)")
        #expect(serve.stdout.contains("--behind-tls-proxy") && serve.stdout.contains("USAGE: brev serve"), "\(serve.stdout)")
        let users = try TestSupport.run(brev, ["help", "users"])
        #expect(users.status == 0, "\(users.stderr)")
        #expect(users.stdout.contains("USAGE: brev users") && users.stdout.contains("add"), "\(users.stdout)")
    }

    /// The service's message and exit status reach the user as if brev had them itself.
    @Test func aServiceCommandsExitStatusIsBrevs() throws {
        let empty = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(brev, ["batch", "status", empty])
        #expect(r.status == 4)
        #expect(r.stderr.contains("brev batch: no journal at \(empty)/journal.sqlite"), "\(r.stderr)")
        let usage = try TestSupport.run(brev, ["serve", "--no-such-option"])
        #expect(usage.status == 64, "\(usage.stderr)")
        #expect(usage.stderr.contains("--no-such-option"))
    }

    /// The same process becomes brev-service (execv), so a signal to the pid the caller started
    /// reaches the batch or the service, as the kill tests and scripts/serve.sh expect.
    @Test func theServiceRunsInBrevsProcess() throws {
        let outbox = try TestSupport.temporaryDirectory().appendingPathComponent("outbox").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: brev)
        process.arguments = ["batch", "--input", "-", "--out", outbox, "--resources", root, "--jobs", "1", "--progress", "none"]
        let input = Pipe()  // left open and empty: the batch waits for its first case
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let exe = "/proc/\(process.processIdentifier)/exe"
        var target = ""
        for _ in 0..<200 where !target.hasSuffix("/brev-service") {
            target = (try? FileManager.default.destinationOfSymbolicLink(atPath: exe)) ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(target.hasSuffix("/brev-service"), "process \(process.processIdentifier) runs \(target)")
        #expect(process.isRunning)
        try input.fileHandleForWriting.close()
    }

    @Test func aMissingServiceIsNamed() throws {
        let alone = try TestSupport.temporaryDirectory().appendingPathComponent("brev").path
        try FileManager.default.copyItem(atPath: brev, toPath: alone)
        defer { try? FileManager.default.removeItem(atPath: alone) }
        let r = try TestSupport.run(alone, ["serve", "--port", "0"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("brev-service") && r.stderr.contains("it is missing"), "\(r.stderr)")
        // The letter commands need no brev-service.
        let render = try TestSupport.run(alone, ["check", "--case", "\(root)/Examples/cases/afslag-doegn-sel101.json", "--resources", root])
        #expect(render.status == 0, "\(render.stderr)")
    }

    /// What keeps a one-letter start short: none of the server's modules is linked into brev.
    /// (Module names as they appear in Swift's mangled symbols; brev-service has them.)
    @Test func brevLinksNoServerLibrary() throws {
        let modules = ["10BrevServer", "9BrevBatch", "9BrevStore", "13BrevTransport", "11Hummingbird", "4GRDB",
                       "11PostgresNIO", "15AsyncHTTPClient", "7NIOCore"]
        func linked(_ binary: String) throws -> Set<String> {
            let r = try TestSupport.run("grep", ["-a", "-o", "-F"] + modules.flatMap { ["-e", "$s\($0)"] } + [binary])
            return Set(r.stdout.split(separator: "\n").map { String($0.dropFirst(2)) })
        }
        #expect(try linked(brev).isEmpty)
        let service = URL(fileURLWithPath: brev).deletingLastPathComponent().appendingPathComponent("brev-service").path
        #expect(try linked(service) == Set(modules))
    }
}
