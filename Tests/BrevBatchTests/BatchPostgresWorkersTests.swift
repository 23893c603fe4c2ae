import BrevStore
import BrevTestSupport
import Foundation
import Testing

/// Three `brev batch` processes share one batch through a real PostgreSQL; one is killed with
/// SIGKILL in the middle. The other two take over its cases when its leases run out: every case's
/// letters are in the shared outbox exactly once, schema-valid, and the report lists exactly the
/// refused cases.
@Suite(.serialized, .enabled(if: TestPostgres.binaries != nil, Comment(rawValue: TestPostgres.missingMessage)))
final class BatchPostgresWorkersTests {
    let server: TestPostgres
    let brev: String
    let root = TestSupport.repositoryRoot.path

    init() throws {
        brev = try TestSupport.brevBinary
        server = try TestPostgres()
    }

    @Test func threeWorkersOneKilledEveryCaseGoesOutOnce() throws {
        let input = try BatchInput.generated(count: 240)
        let dir = try TestSupport.temporaryDirectory()
        let cases = dir.appendingPathComponent("cases.jsonl").path
        try Data(input.jsonl).write(to: URL(fileURLWithPath: cases))
        let outbox = dir.appendingPathComponent("outbox").path
        let url = try server.createDatabase("workers")
        // A short lease, so the dead worker's cases are taken over within seconds.
        let arguments = ["batch", "--input", cases, "--out", outbox, "--journal", url, "--jobs", "1", "--lease", "3",
                         "--progress", "none", "--resources", root]

        var workers: [Process] = []
        for _ in 0..<3 {
            let process = try TestSupport.launch(brev, arguments, environment: server.clientEnvironment)
            workers.append(process)
        }
        // Kill one once the batch is well under way (some cases settled, most not).
        let journal = try PostgresBatchJournal(location: PostgresJournalLocation(url: url), password: server.password)
        let killAfter = Int.random(in: 20...60)
        var settledAtKill = 0
        let waitUntil = Date().addingTimeInterval(300)
        while Date() < waitUntil {
            let summary = try journal.summary()
            settledAtKill = summary.count(CaseState.done) + summary.count(CaseState.refused) + summary.count(CaseState.failed)
            if settledAtKill >= killAfter { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let victim = workers[1]
        #expect(victim.isRunning, "the worker to kill finished before \(killAfter) cases were settled")
        let heldAtKill = try journal.summary().count(CaseState.queued)
        kill(victim.processIdentifier, SIGKILL)
        for worker in workers { worker.waitUntilExit() }
        #expect(victim.terminationReason == .uncaughtSignal)
        #expect(settledAtKill < input.validLines.count + input.refusedLines.count, "killed after the batch was over")
        #expect(heldAtKill > 0, "no case was being worked on when the worker was killed")
        // The survivors saw the batch through: refused cases give 1, never 2 (cases left) or 4.
        for survivor in [workers[0], workers[2]] {
            #expect(survivor.terminationStatus == 1, "a surviving worker exited \(survivor.terminationStatus)")
        }

        let summary = try journal.summary()
        #expect(summary.count(CaseState.queued) == 0)
        #expect(summary.count(CaseState.done) == input.validLines.count)
        #expect(summary.count(CaseState.refused) == input.refusedLines.count)
        #expect(summary.count(LetterState.sent) == input.expectedFolders.count)

        let report = try OutboxContents.expectEveryLetterOnce(in: outbox, for: input, brev: brev, root: root)
        #expect((report["failed"] as! [Any]).isEmpty)

        // The read-only commands read the shared journal too (the password again from PGPASSWORD).
        let status = Process()
        status.executableURL = URL(fileURLWithPath: brev)
        status.arguments = ["batch", "status", outbox, "--journal", url]
        status.environment = server.clientEnvironment
        let output = Pipe()
        status.standardOutput = output
        try status.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        status.waitUntilExit()
        #expect(text.contains("cases: \(input.validLines.count + input.refusedLines.count) (\(input.validLines.count) done, "
                              + "\(input.refusedLines.count) refused, 0 failed, 0 unfinished); letters: \(input.expectedFolders.count) sent"),
                "\(text)")
    }

    @Test func aSharedJournalNeedsAnInputFileAndNoPasswordInTheURL() throws {
        let outbox = try TestSupport.temporaryDirectory().appendingPathComponent("outbox").path
        let stdin = try TestSupport.run(brev, ["batch", "--input", "-", "--out", outbox, "--journal", "postgres://brev@127.0.0.1:1/x",
                                               "--resources", root], stdin: [])
        #expect(stdin.status == 4)
        #expect(stdin.stderr.contains("needs --input FILE"), "\(stdin.stderr)")

        let cases = try TestSupport.temporaryDirectory().appendingPathComponent("cases.jsonl").path
        try Data().write(to: URL(fileURLWithPath: cases))
        let secret = try TestSupport.run(brev, ["batch", "--input", cases, "--out", outbox, "--journal", "postgres://brev:hunter2@127.0.0.1:1/x",
                                                "--resources", root])
        #expect(secret.status == 4)
        #expect(secret.stderr.contains("PGPASSWORD") && !secret.stderr.contains("hunter2"), "\(secret.stderr)")
    }
}
