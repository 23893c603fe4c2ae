import BrevTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `brev serve` on a free loopback port with a fresh database and one caseworker's
/// token, for tests that talk to it over HTTP (schemathesis). Stopped by `stop()`.
final class ServedBrev {
    let process = Process()
    let port: Int
    let token: String
    let folder: URL

    init(pipelines: Int = 1) throws {
        let brev = try TestSupport.brevBinary
        folder = try TestSupport.temporaryDirectory()
        let database = folder.appendingPathComponent("brev.sqlite").path
        let added = try TestSupport.run(brev, ["users", "add", "schemathesis", "--database", database])
        guard added.status == 0 else { throw Failure(description: "brev users add: \(added.stderr)") }
        token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: brev)
        process.arguments = ["serve", "--port", String(port), "--database", database, "--pipelines", String(pipelines),
                             "--outbox", folder.appendingPathComponent("outbox").path, "--resources", TestSupport.repositoryRoot.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
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

    /// A port the kernel just handed out for a moment (bind to 0), free again once the socket closes.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
