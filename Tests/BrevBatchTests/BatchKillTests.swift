import BrevTestSupport
import Foundation
import Testing

/// The real binary, killed with SIGKILL at random moments and run again: every valid case's
/// letters end up in the outbox exactly once, whole, and the report lists exactly the refused.
@Suite(.serialized) struct BatchKillTests {
    let brev: String

    init() throws { brev = try TestSupport.brevBinary }
    let root = TestSupport.repositoryRoot.path

    @Test func killedThreeTimesAndResumedEveryLetterIsThereOnce() throws {
        let input = try BatchInput.generated(count: 200)
        let dir = try TestSupport.temporaryDirectory()
        let cases = dir.appendingPathComponent("cases.jsonl").path
        try Data(input.jsonl).write(to: URL(fileURLWithPath: cases))
        let outbox = dir.appendingPathComponent("outbox").path
        let arguments = ["batch", "--input", cases, "--out", outbox, "--jobs", "2", "--progress", "none", "--resources", root]

        var interrupted = 0
        var delays: [Double] = []
        for _ in 0..<3 {
            let process = try TestSupport.launch(brev, arguments)
            // A run of 200 cases takes a few seconds here; kill somewhere inside it.
            let delay = Double.random(in: 0.3...2.5)
            delays.append(delay)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
            }
            process.waitUntilExit()
        }
        #expect(interrupted >= 1, "no kill landed inside a run (delays \(delays))")

        let final = try TestSupport.run(brev, arguments)
        // On failure, say why: the report's failed cases carry the reason (never a personal value).
        let reportText = (try? String(contentsOfFile: "\(outbox)/report.txt", encoding: .utf8)) ?? ""
        #expect(final.status == 1, "refused cases give exit status 1: \(final.stderr)\n\(reportText.components(separatedBy: "Failed cases").last ?? "")")

        try OutboxContents.expectEveryLetterOnce(in: outbox, for: input, brev: brev, root: root, context: "delays \(delays)")

        let status = try TestSupport.run(brev, ["batch", "status", outbox])
        #expect(status.status == 0)
        #expect(status.stdout.contains("cases: \(input.validLines.count + input.refusedLines.count) (\(input.validLines.count) done, "
                                       + "\(input.refusedLines.count) refused, 0 failed, 0 unfinished); letters: \(input.expectedFolders.count) sent"),
                "\(status.stdout)")

        let text = try TestSupport.run(brev, ["batch", "report", outbox])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Refused cases (\(input.refusedLines.count))"))
        #expect(text.stdout.contains("line 13\n  MALFORMED_JSON"), "\(text.stdout)")
        #expect(text.stdout.contains("line 10, case 27.36.08-G01-20010-26\n"))

        let retry = try TestSupport.run(brev, ["batch", "retry", outbox])
        #expect(retry.stdout.hasPrefix("0 failed case(s) queued again"))
    }

    @Test func aRunReadsStandardInputAndReportsProgressAsJSON() throws {
        let input = try BatchInput.examplesAsTheyAre()
        let outbox = try TestSupport.temporaryDirectory().appendingPathComponent("outbox").path
        let run = try TestSupport.run(brev, ["batch", "--input", "-", "--out", outbox, "--progress", "json", "--resources", root],
                                      stdin: input.jsonl)
        #expect(run.status == 1)
        let last = try #require(run.stdout.split(separator: "\n").last)
        let summary = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
        #expect(summary["event"] as? String == "summary")
        #expect(summary["refused"] as? Int == input.refusedLines.count)
        #expect(summary["done"] as? Int == input.validLines.count)
        #expect(try OutboxContents(outbox).folders == input.expectedFolders)
    }

    @Test func aSecondBatchOnTheSameOutboxIsTurnedAway() throws {
        let outbox = try TestSupport.temporaryDirectory().path
        let lockPath = "\(outbox)/.brev-batch.lock"
        let fd = open(lockPath, O_CREAT | O_RDWR, 0o600)
        #expect(flock(fd, LOCK_EX) == 0)
        defer { close(fd) }
        let run = try TestSupport.run(brev, ["batch", "--input", "-", "--out", outbox, "--resources", root], stdin: [])
        #expect(run.status == 4)
        #expect(run.stderr.contains("another brev batch is running"))
    }
}
