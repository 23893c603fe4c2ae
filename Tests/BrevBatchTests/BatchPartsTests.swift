@testable import BrevBatch
import BrevCore
import BrevLayout
import BrevPipeline
import BrevStore
import BrevTestSupport
import BrevTransport
import Foundation
import Testing

@Suite struct SQLiteBatchJournalTests {
    func journal() throws -> SQLiteBatchJournal {
        try SQLiteBatchJournal(path: try TestSupport.temporaryDirectory().appendingPathComponent("journal.sqlite").path)
    }

    func entry(_ id: String, line: Int, uuid: String?) -> LetterEntry {
        LetterEntry(letterId: id, line: line, messageUUID: uuid, templateVersion: "t", fontVersion: "f",
                    pdfSHA256: String(repeating: "a", count: 64), renderMilliseconds: 5)
    }

    @Test func aSentLetterStaysSentWhenRenderedAgain() throws {
        let j = try journal()
        try j.startCase(line: 1, inputSHA256: "h1", caseNumber: "27.36.08-G01-1-26")
        try j.recordRendered(entry("a", line: 1, uuid: "u-a"))
        #expect(try j.letterState(letterId: "a") == .rendered)
        try j.recordSent(letterId: "a", dispatchedAt: Date(), sendMilliseconds: 1)
        try j.recordRendered(entry("a", line: 1, uuid: "u-a"))
        #expect(try j.letterState(letterId: "a") == .sent)
        #expect(try j.letterState(letterId: "b") == nil)
    }

    @Test func onlySettledCasesAreSkippedOnResume() throws {
        let j = try journal()
        try j.startCase(line: 1, inputSHA256: "h1", caseNumber: nil)
        try j.startCase(line: 2, inputSHA256: "h2", caseNumber: nil)
        try j.startCase(line: 3, inputSHA256: "h3", caseNumber: nil)
        try j.completeCase(line: 1, sameAsLine: nil)
        try j.refuseCase(line: 3, problems: [CaseProblem(code: "MISSING_FIELD", path: "$.outcome")])
        #expect(try j.settledCases() == [1: "h1", 3: "h3"])
        #expect(try j.refusedCases() == [RefusedCase(line: 3, caseNumber: nil, problems: [CaseProblem(code: "MISSING_FIELD", path: "$.outcome")])])
        #expect(try j.summary().count(CaseState.queued) == 1)
    }

    @Test func retryPutsFailedCasesBackInTheQueue() throws {
        let j = try journal()
        try j.startCase(line: 4, inputSHA256: "h4", caseNumber: nil)
        try j.recordRendered(entry("x", line: 4, uuid: "u-x"))
        try j.recordSendFailed(letterId: "x", reason: "disk full")
        try j.failCase(line: 4, reason: "not sent")
        #expect(try j.failedCases().map(\.line) == [4])
        #expect(try j.settledCases()[4] != nil)
        #expect(try j.requeueFailed() == 1)
        #expect(try j.settledCases()[4] == nil)
        #expect(try j.letterState(letterId: "x") == .rendered)
        #expect(try j.failedCases().isEmpty)
    }

    @Test func twoLettersCannotShareAMessageUUID() throws {
        let j = try journal()
        try j.recordRendered(entry("a", line: 1, uuid: "same"))
        #expect(throws: JournalError.self) { try j.recordRendered(entry("b", line: 2, uuid: "same")) }
    }

    @Test func theJournalIsReadableByItsOwnerOnly() throws {
        let j = try journal()
        let mode = try FileManager.default.attributesOfItem(atPath: j.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite struct OutboxFolderTransportTests {
    func parcel(_ text: String) -> Parcel {
        Parcel(name: "afgoerelse-abc", files: [Parcel.File(name: "afgoerelse-abc.pdf", bytes: Array(text.utf8)),
                                               Parcel.File(name: "afgoerelse-abc.memo.xml", bytes: Array("<m/>".utf8))])
    }

    @Test func aLetterIsOneWholeFolderAndSendingItAgainChangesNothing() throws {
        let outbox = try TestSupport.temporaryDirectory().path
        let transport = OutboxFolderTransport(directory: outbox)
        let first = try transport.send(parcel("pdf"))
        #expect(!first.alreadyAccepted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox) == ["afgoerelse-abc"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(outbox)/afgoerelse-abc").sorted()
                == ["afgoerelse-abc.memo.xml", "afgoerelse-abc.pdf"])
        let second = try transport.send(parcel("pdf"))
        #expect(second.alreadyAccepted)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox) == ["afgoerelse-abc"])
    }

    @Test func aFolderFoundAgainIsRenderedForTheInstantItWasRenderedForFirst() throws {
        // The MeMo's createdDateTime is the instant rendered for, to the second: a re-run must render
        // the letter it finds for that instant, not for when the folder's last file was written.
        let outbox = try TestSupport.temporaryDirectory().path
        let renderedFor = CopenhagenTime.instant(fromISO: "2026-12-01T10:00:00+01:00")!.addingTimeInterval(0.75)
        let start = renderedFor.addingTimeInterval(1.5)
        func parcel(at instant: Date) -> Parcel {
            Parcel(name: "afgoerelse-abc", files: [Parcel.File(name: "afgoerelse-abc.memo.xml",
                                                               bytes: Array("<t>\(Int(instant.timeIntervalSince1970))</t>".utf8))],
                   renderedFor: instant)
        }
        let sent = try OutboxFolderTransport(directory: outbox, clock: DispatchClock(now: { start }))
            .send(name: "afgoerelse-abc") { _ in parcel(at: renderedFor) }
        let second = Date(timeIntervalSince1970: renderedFor.timeIntervalSince1970.rounded(.down))
        #expect(!sent.alreadyAccepted && sent.acceptedAt == second)
        var askedFor: [Date] = []
        let again = try OutboxFolderTransport(directory: outbox, clock: DispatchClock(now: { start.addingTimeInterval(5) }))
            .send(name: "afgoerelse-abc") { instant in
                askedFor.append(instant)
                return parcel(at: instant)
            }
        #expect(again.alreadyAccepted)
        #expect(askedFor == [second])
        #expect(again.acceptedAt == second)
    }

    @Test func anotherLetterUnderTheSameNameIsAnError() throws {
        let outbox = try TestSupport.temporaryDirectory().path
        let transport = OutboxFolderTransport(directory: outbox)
        _ = try transport.send(parcel("pdf"))
        #expect(throws: TransportError.self) { try transport.send(parcel("other pdf")) }
        #expect(try String(contentsOfFile: "\(outbox)/afgoerelse-abc/afgoerelse-abc.pdf", encoding: .utf8) == "pdf")
    }

    @Test func whatAKilledRunLeftHalfBuiltIsRemoved() throws {
        let outbox = try TestSupport.temporaryDirectory().path
        try FileManager.default.createDirectory(atPath: "\(outbox)/.brev-tmp-afgoerelse-abc-123456", withIntermediateDirectories: false)
        try Data("half".utf8).write(to: URL(fileURLWithPath: "\(outbox)/.brev-tmp-afgoerelse-abc-123456/x.pdf"))
        try FileManager.default.createDirectory(atPath: "\(outbox)/brev-kept", withIntermediateDirectories: false)
        try OutboxFolderTransport(directory: outbox).removeLeftovers()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox) == ["brev-kept"])
    }
}

@Suite struct CaseLineReaderTests {
    @Test func linesAreNumberedAsInAnEditorAndBlankOnesSkipped() throws {
        let path = try TestSupport.writeTemporary(Array("{\"a\":1}\r\n\n   \n{\"b\":2}\n{\"c\":3}".utf8), name: "cases.jsonl")
        let reader = try CaseLineReader(path: path)
        var seen: [(Int, String)] = []
        while let (line, bytes) = try reader.next() { seen.append((line, String(decoding: bytes, as: UTF8.self))) }
        #expect(seen.map(\.0) == [1, 4, 5])
        #expect(seen.map(\.1) == ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
        #expect(InputFormat.jsonl.countCases(path: path) == 3)
    }

    @Test func aLongInputIsReadAcrossBufferBoundaries() throws {
        let line = "{\"x\":\"" + String(repeating: "y", count: 100_000) + "\"}"
        let path = try TestSupport.writeTemporary(Array((line + "\n" + line + "\n").utf8), name: "long.jsonl")
        let reader = try CaseLineReader(path: path)
        var lengths: [Int] = []
        while let (_, bytes) = try reader.next() { lengths.append(bytes.count) }
        #expect(lengths == [line.utf8.count, line.utf8.count])
    }
}

/// A transport that refuses everything, as a broken disk or a closed network would.
struct RefusingTransport: LetterTransport {
    func send(name: String, parcelAt: (Date) throws(TransportError) -> Parcel) throws(TransportError) -> DispatchReceipt {
        throw TransportError(parcel: name, reason: "the transport is down")
    }
}

@Suite struct CaseWorkerTests {
    @Test func aLetterThatCannotGoOutFailsItsCaseUntilRetried() throws {
        let dir = try TestSupport.temporaryDirectory().path
        let journal = try SQLiteBatchJournal(path: "\(dir)/journal.sqlite")
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let bytes = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        let input = InputCase(line: 1, bytes: bytes, sha256: SHA256.hex(bytes))
        let versions = ResourceVersions(environment: TestSupport.environment)

        let down = CaseWorker(pipeline: pipeline, journal: journal, transport: RefusingTransport(), versions: versions,
                              counters: BatchCounters(alreadyDone: 0, alreadyRefused: 0, alreadyFailed: 0))
        try down.process(input)
        #expect(try journal.failedCases().map(\.line) == [1])
        #expect(try journal.summary().count(LetterState.failed) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix("journal") }.isEmpty)

        #expect(try journal.requeueFailed() == 1)
        let up = CaseWorker(pipeline: pipeline, journal: journal, transport: OutboxFolderTransport(directory: dir), versions: versions,
                            counters: BatchCounters(alreadyDone: 0, alreadyRefused: 0, alreadyFailed: 0))
        try up.process(input)
        #expect(try journal.summary().count(CaseState.done) == 1)
        #expect(try journal.summary().count(LetterState.sent) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("afgoerelse-") }.count == 1)
    }

    @Test func anotherLetterUnderAnIdAlreadySentIsNotTakenForARepeat() throws {
        let dir = try TestSupport.temporaryDirectory().path
        let journal = try SQLiteBatchJournal(path: "\(dir)/journal.sqlite")
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let bytes = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        let letterId = try pipeline.render(caseJSON: bytes).letterId
        // Line 1 sent a letter of that id with other content.
        try journal.startCase(line: 1, inputSHA256: "other", caseNumber: nil)
        try journal.recordRendered(LetterEntry(letterId: letterId, line: 1, messageUUID: nil, templateVersion: "t", fontVersion: "f",
                                               pdfSHA256: String(repeating: "0", count: 64), renderMilliseconds: 1))
        try journal.recordSent(letterId: letterId, dispatchedAt: Date(), sendMilliseconds: 1)
        try journal.completeCase(line: 1, sameAsLine: nil)

        let worker = CaseWorker(pipeline: pipeline, journal: journal, transport: OutboxFolderTransport(directory: dir),
                                versions: ResourceVersions(environment: TestSupport.environment),
                                counters: BatchCounters(alreadyDone: 0, alreadyRefused: 0, alreadyFailed: 0))
        try worker.process(InputCase(line: 2, bytes: bytes, sha256: SHA256.hex(bytes)))
        let failed = try journal.failedCases()
        #expect(failed.map(\.line) == [2])
        #expect(failed.first?.reason.contains("another letter with this id went out for line 1") == true)
        #expect(try journal.duplicateCases().isEmpty)
        #expect(try journal.letterState(letterId: letterId) == .sent)
    }

    @Test func theSameCaseOnALaterDayIsStillARepeatOfTheLetterSentTheDayBefore() throws {
        // The letter went out yesterday with yesterday's deadline; today it renders with today's.
        let dir = try TestSupport.temporaryDirectory().path
        let journal = try SQLiteBatchJournal(path: "\(dir)/journal.sqlite")
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let bytes = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        // A Tuesday and a Wednesday: their deadlines (four weeks on) are working days, so they differ.
        let yesterday = CopenhagenTime.instant(fromISO: "2026-12-01T10:00:00+01:00")!
        let today = CopenhagenTime.instant(fromISO: "2026-12-02T10:00:00+01:00")!
        #expect(try pipeline.render(caseJSON: bytes).letterId == pipeline.renderAll(caseJSON: bytes, dispatchedAt: yesterday)[0].letterId)
        #expect(try pipeline.renderAll(caseJSON: bytes, dispatchedAt: yesterday)[0].pdf != pipeline.renderAll(caseJSON: bytes, dispatchedAt: today)[0].pdf,
                "the deadline differs from one day to the next")
        func worker(at instant: Date, into outbox: String) -> CaseWorker {
            CaseWorker(pipeline: pipeline, journal: journal,
                       transport: OutboxFolderTransport(directory: outbox, clock: DispatchClock(now: { instant })),
                       versions: ResourceVersions(environment: TestSupport.environment),
                       counters: BatchCounters(alreadyDone: 0, alreadyRefused: 0, alreadyFailed: 0),
                       clock: DispatchClock(now: { instant }))
        }
        try worker(at: yesterday, into: dir).process(InputCase(line: 1, bytes: bytes, sha256: SHA256.hex(bytes)))
        try worker(at: today, into: dir).process(InputCase(line: 2, bytes: bytes, sha256: SHA256.hex(bytes)))
        #expect(try journal.failedCases().isEmpty)
        #expect(try journal.duplicateCases().map(\.sameAsLine) == [1])
        #expect(try journal.summary().count(LetterState.sent) == 1)
    }

    @Test func aMissingGlyphIsReportedByCodePointNeverByTheText() throws {
        let place = TextPlace(block: 3, part: "paragraph")
        let problems = CaseWorker.refusal(.layout(.missingGlyph(character: "\u{10FFFD}", codepoint: 0x10FFFD, place: place)))
        #expect(problems == [CaseProblem(code: "MISSING_GLYPH", path: "U+10FFFD")])
        #expect(CaseWorker.refusal(.layout(.rightToLeft(codepoint: 0x05D0, place: place))) == [CaseProblem(code: "RIGHT_TO_LEFT_TEXT", path: "U+05D0")])
        #expect(CaseWorker.refusal(.pdf(.writing("x"))) == nil)
    }
}
