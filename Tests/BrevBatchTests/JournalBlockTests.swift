@testable import BrevBatch
import BrevStore
import BrevTestSupport
import Foundation
import Testing

/// Finished cases written to the journal in blocks (`BatchJournal.settle`, `SettlementWriter`).
@Suite struct JournalBlockTests {
    func journal() throws -> SQLiteBatchJournal {
        try SQLiteBatchJournal(path: try TestSupport.temporaryDirectory().appendingPathComponent("journal.sqlite").path)
    }

    static func letter(_ id: String, line: Int, sent: Bool, at: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> LetterSettlement {
        let entry = LetterEntry(letterId: id, line: line, messageUUID: "u-\(id)", templateVersion: "t", fontVersion: "f",
                                pdfSHA256: String(repeating: "a", count: 64), renderMilliseconds: 5)
        return LetterSettlement(entry: entry, outcome: sent ? .sent(dispatchedAt: at, sendMilliseconds: 2, receipt: "r-\(id)")
                                                             : .failed(reason: "timeout"))
    }

    static func done(_ line: Int, letters: [LetterSettlement], sameAs: Int? = nil) -> CaseSettlement {
        CaseSettlement(line: line, inputSHA256: "h\(line)", caseNumber: "27.36.08-G01-\(line)-26", outcome: .done(sameAsLine: sameAs),
                       letters: letters)
    }

    @Test func aBlockWritesEveryOutcomeOfItsCasesAndLetters() throws {
        let j = try journal()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try j.settle([
            Self.done(1, letters: [Self.letter("a", line: 1, sent: true, at: at)]),
            CaseSettlement(line: 2, inputSHA256: "h2", caseNumber: nil,
                           outcome: .refused([CaseProblem(code: "MISSING_FIELD", path: "$.outcome")])),
            CaseSettlement(line: 3, inputSHA256: "h3", caseNumber: "27.36.08-G01-3-26", outcome: .failed(reason: "not sent: x"),
                           letters: [Self.letter("b", line: 3, sent: false)]),
            Self.done(4, letters: [], sameAs: 1),
        ])
        #expect(try j.settledCases() == [1: "h1", 2: "h2", 3: "h3", 4: "h4"])
        #expect(try j.settledCases(lines: 2...3) == [2: "h2", 3: "h3"])
        #expect(try j.sentLetter(letterId: "a") == SentLetter(line: 1, pdfSHA256: String(repeating: "a", count: 64), dispatchedAt: at, receipt: "r-a"))
        #expect(try j.letterState(letterId: "b") == .failed)
        #expect(try j.refusedCases() == [RefusedCase(line: 2, caseNumber: nil, problems: [CaseProblem(code: "MISSING_FIELD", path: "$.outcome")])])
        #expect(try j.failedCases() == [FailedCase(line: 3, caseNumber: "27.36.08-G01-3-26", reason: "not sent: x")])
        #expect(try j.duplicateCases() == [DuplicateCase(line: 4, caseNumber: "27.36.08-G01-4-26", sameAsLine: 1)])
        // A later failure of the same letter (a stalled attempt) never overwrites the confirmed send.
        try j.settle([CaseSettlement(line: 5, inputSHA256: "h5", caseNumber: nil, outcome: .failed(reason: "x"),
                                     letters: [Self.letter("a", line: 5, sent: false)])])
        #expect(try j.letterState(letterId: "a") == .sent)
        // Retry queues the failed case again; its letter goes out in the next block.
        #expect(try j.requeueFailed() == 2)
        try j.settle([Self.done(3, letters: [Self.letter("b", line: 3, sent: true)])])
        #expect(try j.letterState(letterId: "b") == .sent)
        #expect(try j.summary().count(CaseState.done) == 3)
    }

    @Test func aBlockIsWrittenWholeOrNotAtAll() throws {
        let j = try journal()
        try j.settle([Self.done(1, letters: [Self.letter("a", line: 1, sent: true)])])
        // Line 3's letter takes a messageUUID another letter holds: the block fails, line 2 with it.
        var clash = Self.letter("c", line: 3, sent: true)
        clash.entry.messageUUID = "u-a"
        #expect(throws: JournalError.self) {
            try j.settle([Self.done(2, letters: [Self.letter("b", line: 2, sent: true)]), Self.done(3, letters: [clash])])
        }
        #expect(try j.settledCases() == [1: "h1"])
        #expect(try j.letterState(letterId: "b") == nil)
    }

    @Test func theWriterWritesFullBlocksAtOnceTheRestAfterItsDelayAndCountsUnwrittenSends() throws {
        let j = try journal()
        let writer = SettlementWriter(journal: j, blockSize: 2, maxDelay: 0.3)
        writer.start()
        try writer.add(Self.done(1, letters: [Self.letter("a", line: 1, sent: true)]))
        // Handed over, not written: the run counts it as sent, the journal does not know it yet.
        #expect(writer.sentLetter(letterId: "a")?.line == 1)
        #expect(try j.sentLetter(letterId: "a") == nil)
        try writer.add(Self.done(2, letters: [Self.letter("b", line: 2, sent: true)]))
        // A full block is written at once; a send leaves the writer's memory only once written.
        try waitUntil { writer.sentLetter(letterId: "a") == nil }
        #expect(try j.settledCases().count == 2)
        #expect(try j.sentLetter(letterId: "a")?.line == 1, "written: the journal answers now")
        try writer.add(Self.done(3, letters: []))
        // Half a block: written once it has waited maxDelay, not at once.
        #expect(try j.settledCases().count == 2)
        try waitUntil { try j.settledCases().count == 3 }
        try writer.add(Self.done(4, letters: []))
        try writer.finish()
        #expect(try j.settledCases().count == 4)
    }

    @Test func aFailedBlockStopsTheWriterAndTheRun() throws {
        let j = try journal()
        let writer = SettlementWriter(journal: j, blockSize: 1, maxDelay: 10)
        writer.start()
        try writer.add(Self.done(1, letters: [Self.letter("a", line: 1, sent: true)]))
        var clash = Self.letter("b", line: 2, sent: true)
        clash.entry.messageUUID = "u-a"
        try writer.add(Self.done(2, letters: [clash]))
        #expect(throws: JournalError.self) { try writer.finish() }
        #expect(try j.settledCases() == [1: "h1"])
    }

    func waitUntil(_ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(10)
        while try !condition() {
            guard Date() < deadline else { Issue.record("not written within 10 s"); return }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
