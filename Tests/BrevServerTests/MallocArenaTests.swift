import BrevTestSupport
import Foundation
import Testing

/// `brev serve` keeps glibc to two malloc arenas by itself (its memory stayed flat over ten
/// minutes of distinct letters only so), not only when started by scripts/serve.sh.
@Suite(.serialized) struct MallocArenaTests {
    @Test func brevServeKeepsTwoMallocArenasUnlessTold() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MALLOC_ARENA_MAX"] = nil
        #expect(try arenasAfterConcurrentRenders(environment) <= 1, "more than one arena besides the main one")
        // The count can fail: told otherwise, glibc makes an arena per contended thread.
        environment["MALLOC_ARENA_MAX"] = "16"
        #expect(try arenasAfterConcurrentRenders(environment) > 1)
    }

    /// glibc's arenas besides the main one after 48 letters, 16 at a time: each is an
    /// anonymous 64 MiB-aligned heap in the process's memory map.
    private func arenasAfterConcurrentRenders(_ environment: [String: String]) throws -> Int {
        let served = try ServedBrev(pipelines: 2, caseworker: "arenas", environment: environment)
        defer { served.stop() }
        let caseFile = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases/afslag-doegn-sel101.json").path
        let load = try TestSupport.run("bash", ["-c", """
            seq 48 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\\n' -H 'Authorization: Bearer \(served.token)' \
                --data-binary @\(caseFile) '\(served.base)/api/letters'
            """])
        #expect(load.stdout.split(separator: "\n").allSatisfy { $0 == "200" }, "\(load.stdout)")
        let maps = try String(contentsOfFile: "/proc/\(served.process.processIdentifier)/maps", encoding: .utf8)
        let heapSize: UInt64 = 64 << 20
        return maps.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 5, fields[1].hasPrefix("rw"),  // anonymous: no path
                  let start = UInt64(fields[0].split(separator: "-")[0], radix: 16) else { return false }
            return start % heapSize == 0
        }.count
    }
}
