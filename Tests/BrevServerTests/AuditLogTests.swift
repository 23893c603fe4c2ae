@testable import BrevServer
import BrevTestSupport
import Foundation
import Testing

@Suite struct AuditLogTests {
    /// Requests that arrive together share transactions: every entry is kept exactly once and
    /// each `record` returns only after its entry can be read back.
    @Test func entriesRecordedAtOnceAreAllKeptOnce() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("audit.sqlite").path
        let audit = AuditLog(database: try ServerDatabase(path: path))
        let count = 150
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<count {
                group.addTask {
                    try await audit.record(.rendered, by: "cw\(i % 7)", letterId: "letter-\(i)", letterKind: "afgoerelse",
                                           pdfSHA256: String(repeating: "a", count: 64))
                    let kept = try await audit.entries(limit: 1_000)
                    #expect(kept.contains { $0.letterId == "letter-\(i)" }, "entry \(i) not readable after record returned")
                }
            }
            try await group.waitForAll()
        }
        let entries = try await audit.entries(limit: 1_000)
        #expect(entries.count == count)
        #expect(Set(entries.compactMap(\.letterId)) == Set((0..<count).map { "letter-\($0)" }))
        // A second database handle (another process, a restart) sees them too: they are committed.
        let reopened = AuditLog(database: try ServerDatabase(path: path))
        #expect(try await reopened.entries(limit: 1_000).count == count)
    }

    /// The database and SQLite's write-ahead files are readable by the service's user only.
    @Test func theDatabaseFilesAreMode0600() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("modes.sqlite").path
        let audit = AuditLog(database: try ServerDatabase(path: path))
        try await audit.record(.checked, by: "cw", letterId: nil, letterKind: nil, pdfSHA256: nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("modes.sqlite") }
        #expect(files.contains("modes.sqlite-wal"))
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(file): \(String(mode ?? 0, radix: 8))")
        }
    }

    /// The audit's timestamps are what `ISO8601DateFormatter` wrote before, the second an event
    /// happened in (the formatter rounds to the nearest second; a timestamp does not run ahead).
    @Test func timestampsAreISO8601InUTC() {
        let formatter = ISO8601DateFormatter()
        var generator = SeededGenerator(seed: 8601)
        let instants = [0, 951_782_400, 1_796_083_199.999, 4_102_444_800] + (0..<500).map { _ in
            Double.random(in: 0..<4_102_444_800, using: &generator)
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let second = Date(timeIntervalSince1970: seconds.rounded(.down))
            #expect(UTCTimestamp.string(from: date) == formatter.string(from: second), "\(seconds)")
        }
    }
}
