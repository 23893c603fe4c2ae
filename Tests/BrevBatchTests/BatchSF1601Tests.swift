@testable import BrevBatch
import BrevCore
import BrevPipeline
import BrevStore
import BrevTestSupport
import BrevTransport
import Foundation
import Testing

/// The batch sending through SF1601 to the local test server: each message taken once across
/// failures and retries, the receipt in the journal, and the deadline printed in each letter
/// counted from the dispatch time the server acknowledged.
@Suite(.serialized) struct BatchSF1601Tests {
    func run(_ lines: [[UInt8]], server: SF1601TestServer, timeout: Double, clock: DispatchClock = .system,
             jobs: Int = 2) throws -> (outcome: BatchOutcome, outbox: String) {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("cases.jsonl").path
        try Data(lines.flatMap { $0 + [0x0A] }).write(to: URL(fileURLWithPath: path))
        let outbox = dir.appendingPathComponent("outbox").path
        var configuration = BatchConfiguration(
            input: path, outbox: outbox, jobs: jobs, progress: .none, environment: TestSupport.environment,
            sf1601: SF1601Configuration(endpoint: server.endpoint, allowPlainHTTPOnLoopback: true, attemptTimeoutSeconds: timeout,
                                        maxAttempts: 6, backoffSeconds: 0.05, backoffMaxSeconds: 0.2, circuitFailures: 50))
        configuration.clock = clock
        return (try BatchRunner.run(configuration), outbox)
    }

    /// The valid examples that go out by Digital Post or print, under new case numbers.
    func cases(count: Int) throws -> [[UInt8]] {
        let names = BatchInput.examples.filter { !$0.contains("invalid") && !$0.hasPrefix("anonym") }
        return try (0..<count).map { i in
            var object = try TestSupport.exampleObject(names[i % names.count])
            object["case_number"] = "27.36.08-G01-\(30000 + i)-26"
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        }
    }

    @Test func everyMessageIsTakenOnceAcrossFailuresTimeoutsAndSlowAnswers() throws {
        // By the message's first hex digit: a 503, an answer lost to the timeout, a slow answer, or at once.
        let server = try SF1601TestServer { uuid, attempt in
            guard attempt == 1 else { return .accept(delay: 0) }
            switch Int(String(uuid.first ?? "0"), radix: 16)! % 4 {
            case 0: return .status(503, delay: 0)
            case 1: return .accept(delay: 1.2)
            case 2: return .accept(delay: 0.2)
            default: return .accept(delay: 0)
            }
        }
        defer { server.shutdown() }
        let lines = try cases(count: 24)
        let (outcome, outbox) = try run(lines, server: server, timeout: 0.6)
        #expect(outcome.exitCode == 0)

        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let journal = try SQLiteBatchJournal(path: "\(outbox)/\(BatchConfiguration.journalFileName)")
        var expected: [String: (letterId: String, letterDate: CivilDate)] = [:]
        var inOutbox: Set<String> = []
        for line in lines {
            let letterDate = CivilDate(iso: (try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any])["letter_date"] as! String)!
            for letter in try pipeline.renderAll(caseJSON: line) {
                if let uuid = letter.messages.lazy.compactMap({ MessageIdentity.messageUUID(in: $0.bytes) }).first {
                    expected[uuid] = (letter.letterId, letterDate)
                } else {
                    inOutbox.insert(letter.fileBaseName)
                }
            }
        }
        #expect(expected.count >= 20)
        #expect(Set(server.acceptances.keys) == Set(expected.keys))
        #expect(server.acceptCountsByUUID.values.allSatisfy { $0 == 1 }, "a message taken twice")
        #expect(server.attempts.values.contains { $0 > 1 }, "some letters needed a retry")
        #expect(Set(server.transactionIDsSeen).count == server.requestCount, "a new x-TransaktionsId for each attempt")
        #expect(try OutboxContents(outbox).folders == inOutbox)

        var deadlinesChecked = 0
        for (uuid, acceptance) in server.acceptances {
            let (letterId, letterDate) = try #require(expected[uuid])
            let sent = try #require(try journal.sentLetter(letterId: letterId))
            #expect(sent.receipt == acceptance.transmissionID)
            if try checkDeadline(in: acceptance, letterDate: letterDate) { deadlinesChecked += 1 }
        }
        #expect(deadlinesChecked >= 5)
    }

    @Test func aLetterDueJustBeforeMidnightGoesOutTheNextDayWithThatDaysDeadline() throws {
        // The batch's and the server's clocks both read 2.5 seconds before the next Copenhagen midnight.
        let real = Date()
        let offset = DispatchClock.nextMidnight(after: real).timeIntervalSince(real) - 2.5
        let shifted: @Sendable () -> Date = { Date().addingTimeInterval(offset) }
        let server = try SF1601TestServer(now: shifted) { _, _ in .accept(delay: 0) }
        defer { server.shutdown() }
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        object["case_number"] = "27.36.08-G01-39999-26"
        let line = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        let before = CopenhagenTime.date(of: shifted())
        _ = try run([line], server: server, timeout: 2, clock: DispatchClock(now: shifted), jobs: 1)

        let acceptance = try #require(server.acceptances.values.first)
        #expect(CopenhagenTime.date(of: acceptance.at) == before.adding(days: 1), "the attempt waited for the new day")
        let letterDate = CivilDate(iso: (try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any])["letter_date"] as! String)!
        #expect(try checkDeadline(in: acceptance, letterDate: letterDate))
        // And the letter carries the new day's deadline, not the one it was first rendered with.
        let text = try Self.pdfText(of: acceptance)
        let stale = ComplaintDeadlineRule().deadline(letterDate: letterDate, dispatchDate: before, channel: .digitalPost)
        let fresh = ComplaintDeadlineRule().deadline(letterDate: letterDate, dispatchDate: before.adding(days: 1), channel: .digitalPost)
        // (Two days of dispatch can share a deadline when it moves past a holiday.)
        if stale != fresh { #expect(!text.contains("senest \(DanishDateFormat.longWithWeekday(stale))")) }
    }

    /// The Digital Post letter's PDF, as the server received it, prints the deadline that runs from
    /// the day the server accepted it. False for a letter without such a sentence (print, other routes).
    func checkDeadline(in acceptance: SF1601TestServer.Acceptance, letterDate: CivilDate) throws -> Bool {
        guard String(decoding: acceptance.body, as: UTF8.self).contains("<memo:content>") else { return false }
        let text = try Self.pdfText(of: acceptance)
        guard text.contains("Vi skal have din klage senest") else { return false }
        let deadline = ComplaintDeadlineRule().deadline(letterDate: letterDate, dispatchDate: CopenhagenTime.date(of: acceptance.at),
                                                        channel: .digitalPost)
        #expect(text.contains("Vi skal have din klage senest \(DanishDateFormat.longWithWeekday(deadline))"),
                "accepted \(acceptance.at)")
        return true
    }

    static func pdfText(of acceptance: SF1601TestServer.Acceptance) throws -> String {
        let body = String(decoding: acceptance.body, as: UTF8.self)
        let open = try #require(body.range(of: "<memo:content>"))
        let close = try #require(body.range(of: "</memo:content>", range: open.upperBound..<body.endIndex))
        let pdf = try #require(Data(base64Encoded: String(body[open.upperBound..<close.lowerBound]), options: .ignoreUnknownCharacters))
        let path = try TestSupport.writeTemporary(Array(pdf))
        return try TestSupport.pdfText(path).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
