import BrevCore
import BrevPipeline
import BrevStore
import BrevTransport
import Foundation

/// One case's letters put into a batch outbox by hand (the caseworkers' "send"), through the
/// batch's own journal and outbox folder: a letter id that went out once never goes out again,
/// whether the batch or the service sent it, and `brev batch status OUTBOX` counts it.
///
/// Each letter is rendered for the instant the outbox accepts it, as in a batch, so its
/// complaint deadline runs from the confirmed dispatch. Letters sent this way are journaled
/// under input line 0, which no batch input has (a batch counts lines from 1).
public struct OutboxDelivery: Sendable {
    /// The journal's input line for letters sent one case at a time.
    public static let serviceLine = 0

    public let outbox: String
    private let journal: SQLiteBatchJournal
    private let transport: OutboxFolderTransport
    private let versions: ResourceVersions
    private let clock: DispatchClock

    /// A letter of the case: sent now, or found already sent.
    public struct Outcome: Sendable, Equatable {
        public var letterId: String
        /// The folder in the outbox: `<kind>-<id>`.
        public var name: String
        public var pdfSHA256: String
        public var dispatchedAt: Date
        /// It had gone out before (by the batch or an earlier send); nothing was sent again.
        public var alreadySent: Bool
    }

    public enum Failure: Error, Sendable {
        /// The case cannot be rendered (its problems, or a broken resource).
        case render(BrevError)
        /// A batch is running on this outbox (or another send is under way): try again shortly.
        case outboxBusy
        /// A different letter with this id went out before (the case changed after it was sent).
        case conflict(letterId: String)
        /// The outbox or the journal could not be written; the text names no value from the case.
        case cannotSend(String)
    }

    public init(outbox: String, environment: BrevEnvironment, clock: DispatchClock = .system) throws(BatchError) {
        do {
            try SecureFile.makeDirectory(outbox)
            journal = try SQLiteBatchJournal(path: (outbox as NSString).appendingPathComponent(BatchConfiguration.journalFileName))
        } catch {
            throw .cannotRun("\(error)")
        }
        self.outbox = outbox
        transport = OutboxFolderTransport(directory: outbox, clock: clock)
        versions = ResourceVersions(environment: environment)
        self.clock = clock
    }

    /// Renders the case's letters with `pipeline` and puts each one not yet sent into the outbox.
    /// Nothing is sent when any of its letters conflicts with one sent before.
    public func send(caseJSON: [UInt8], pipeline: LetterPipeline) throws(Failure) -> [Outcome] {
        // The batch's lock: a batch run and a send never write the outbox at the same time.
        let lock: OutboxLock
        do {
            lock = try OutboxLock(outbox: outbox)
        } catch {
            throw .outboxBusy
        }
        defer { withExtendedLifetime(lock) {} }
        let planned = clock.now()
        var rendered: RenderedCase
        do {
            rendered = RenderedCase(instant: planned,
                                    letters: try pipeline.renderAll(caseJSON: caseJSON, dispatchedAt: planned))
        } catch {
            throw .render(error)
        }
        guard Set(rendered.letters.map(\.letterId)).count == rendered.letters.count else {
            throw .cannotSend("two letters of the case have the same letter id")
        }
        var earlier: [String: SentLetter] = [:]
        for letter in rendered.letters {
            guard let sent = try journaled({ () throws(JournalError) in try journal.sentLetter(letterId: letter.letterId) }) else { continue }
            guard isSame(letter, as: sent, rendered: rendered, caseJSON: caseJSON, pipeline: pipeline) else {
                throw .conflict(letterId: letter.letterId)
            }
            earlier[letter.letterId] = sent
        }
        var outcomes: [Outcome] = []
        for letter in rendered.letters {
            if let sent = earlier[letter.letterId] {
                outcomes.append(Outcome(letterId: letter.letterId, name: letter.fileBaseName, pdfSHA256: sent.pdfSHA256,
                                        dispatchedAt: sent.dispatchedAt ?? planned, alreadySent: true))
                continue
            }
            outcomes.append(try deliver(letter, rendered: &rendered, caseJSON: caseJSON, pipeline: pipeline))
        }
        return outcomes
    }

    private func deliver(_ letter: RenderedLetter, rendered: inout RenderedCase, caseJSON: [UInt8],
                         pipeline: LetterPipeline) throws(Failure) -> Outcome {
        let pdfSHA256 = SHA256.hex(letter.pdf)
        let messageUUID = letter.messages.lazy.compactMap { MessageIdentity.messageUUID(in: $0.bytes) }.first
        try journaled { () throws(JournalError) in
            try journal.recordRendered(LetterEntry(letterId: letter.letterId, line: Self.serviceLine, messageUUID: messageUUID,
                                                   templateVersion: versions.templates, fontVersion: versions.fonts,
                                                   pdfSHA256: pdfSHA256, renderMilliseconds: 0))
        }
        let started = Date()
        var sentSHA256 = pdfSHA256
        let receipt: DispatchReceipt
        do {
            receipt = try transport.send(name: letter.fileBaseName) { instant throws(TransportError) in
                let current = try rendered.letter(letter.letterId, dispatchedAt: instant, caseJSON: caseJSON, pipeline: pipeline)
                sentSHA256 = SHA256.hex(current.pdf)
                return CaseWorker.parcel(for: current, renderedFor: rendered.instant)
            }
        } catch {
            try? journal.recordSendFailed(letterId: letter.letterId, reason: error.reason)
            throw .cannotSend(error.reason)
        }
        try journaled { () throws(JournalError) in
            try journal.recordSent(letterId: letter.letterId, dispatchedAt: receipt.acceptedAt,
                                   sendMilliseconds: Int(Date().timeIntervalSince(started) * 1000), receipt: receipt.receipt,
                                   pdfSHA256: sentSHA256 == pdfSHA256 ? nil : sentSHA256)
        }
        return Outcome(letterId: letter.letterId, name: letter.fileBaseName, pdfSHA256: sentSHA256,
                       dispatchedAt: receipt.acceptedAt, alreadySent: receipt.alreadyAccepted)
    }

    /// The letter that went out is this one, compared as rendered for the day it went out (as the batch compares).
    private func isSame(_ letter: RenderedLetter, as earlier: SentLetter, rendered: RenderedCase, caseJSON: [UInt8],
                        pipeline: LetterPipeline) -> Bool {
        if SHA256.hex(letter.pdf) == earlier.pdfSHA256 { return true }
        guard let at = earlier.dispatchedAt, CopenhagenTime.date(of: at) != rendered.day,
              let then = try? pipeline.renderAll(caseJSON: caseJSON, dispatchedAt: at).first(where: { $0.letterId == letter.letterId })
        else { return false }
        return SHA256.hex(then.pdf) == earlier.pdfSHA256
    }

    private func journaled<T>(_ body: () throws(JournalError) -> T) throws(Failure) -> T {
        do {
            return try body()
        } catch {
            throw .cannotSend(error.description)
        }
    }

    // MARK: Reopening

    /// A letter that went out, read back from its folder in the outbox: every file, with the PDF
    /// checked against the hash the journal recorded when it was sent. Nil if no letter of this id went out.
    public func sentFiles(letterId: String) throws(Failure) -> SentFiles? {
        // Ids are lower-case consonants (LetterModelBuilder.idAlphabet): anything else names no letter, nor a path.
        guard !letterId.isEmpty, letterId.count <= 64, letterId.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        guard let sent = try journaled({ () throws(JournalError) in try journal.sentLetter(letterId: letterId) }) else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []
        guard let name = names.first(where: { !$0.hasPrefix(".") && $0.hasSuffix("-\(letterId)") }) else {
            throw .cannotSend("the letter's folder is no longer in the outbox (picked up by the sender?)")
        }
        let folder = (outbox as NSString).appendingPathComponent(name)
        var files: [Parcel.File] = []
        for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where !file.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(file)) else { continue }
            files.append(Parcel.File(name: file, bytes: Array(data)))
        }
        guard let pdf = files.first(where: { $0.name == "\(name).pdf" }), SHA256.hex(pdf.bytes) == sent.pdfSHA256 else {
            throw .cannotSend("the letter's PDF in the outbox is not the one the journal recorded as sent")
        }
        return SentFiles(name: name, files: files, dispatchedAt: sent.dispatchedAt, pdfSHA256: sent.pdfSHA256)
    }

    public struct SentFiles: Sendable {
        public var name: String
        public var files: [Parcel.File]
        public var dispatchedAt: Date?
        public var pdfSHA256: String
        public var pdf: [UInt8] { files.first { $0.name == "\(name).pdf" }?.bytes ?? [] }
    }
}
