import BrevCore
import BrevPipeline
import BrevStore
import BrevTransport
import Foundation

/// One case from the input: its line, its bytes and their SHA-256.
struct InputCase: Sendable {
    var line: Int
    var bytes: [UInt8]
    var sha256: String
    /// Found while reading (a malformed CSV row): the case is refused without rendering.
    var problems: [CaseProblem] = []
}

/// Renders and sends the cases one worker takes, with its own pipeline (a pipeline is not
/// shared between threads). What became of a case goes to the journal when the case is finished
/// (in blocks, `SettlementWriter`); a run killed before its block was written works on the case
/// again, and the transport recognises every letter it had already accepted (same name and
/// bytes in the outbox, same messageUUID for SF1601), so nothing is lost or sent twice.
struct CaseWorker {
    let pipeline: LetterPipeline
    let journal: any BatchJournal
    /// The outbox folder: letters handed over in person, and every letter without `messageTransport`.
    let transport: any LetterTransport
    /// SF1601 for letters with a KombiPostAfsend request, when the batch has a transport config.
    var messageTransport: (any LetterTransport)?
    let versions: ResourceVersions
    let counters: BatchCounters
    var clock: DispatchClock = .system

    /// Works on one case and writes what became of it to the journal at once (tests, and any
    /// caller without a `SettlementWriter`).
    func process(_ input: InputCase) throws(JournalError) {
        try journal.settle([settlement(for: input)])
    }

    /// Renders and sends the case's letters; returns what became of the case, for the journal to
    /// record (the runner writes settlements in blocks). `pending`: settlements handed over and
    /// not yet written, so a letter sent moments ago for another line counts as sent.
    func settlement(for input: InputCase, pending: SettlementWriter? = nil) throws(JournalError) -> CaseSettlement {
        var settlement = CaseSettlement(line: input.line, inputSHA256: input.sha256, caseNumber: Self.caseNumber(in: input.bytes),
                                        outcome: .done(sameAsLine: nil))
        if !input.problems.isEmpty {
            settlement.outcome = .refused(input.problems)
            counters.add(refused: 1)
            return settlement
        }
        let started = Date()
        // Rendered for dispatch now; a letter that goes out on another day is rendered again for it.
        let plannedDispatch = clock.now()
        var rendered: RenderedCase
        do {
            rendered = RenderedCase(instant: plannedDispatch,
                                    letters: try pipeline.renderAll(caseJSON: input.bytes, dispatchedAt: plannedDispatch))
        } catch {
            if let problems = Self.refusal(error) {
                settlement.outcome = .refused(problems)
                counters.add(refused: 1)
            } else {
                settlement.outcome = .failed(reason: Self.failure(error))
                counters.add(failed: 1)
            }
            return settlement
        }
        let letters = rendered.letters
        let renderMilliseconds = Int(Date().timeIntervalSince(started) * 1000) / max(1, letters.count)
        // Ids name the folders: two letters of one case must never share one.
        guard Set(letters.map(\.letterId)).count == letters.count else {
            settlement.outcome = .failed(reason: "two letters of the case have the same letter id")
            counters.add(failed: 1)
            return settlement
        }
        var sent = 0
        var failures: [String] = []
        var sameAsLine: Int?
        for letter in letters {
            let pdfSHA256 = SHA256.hex(letter.pdf)
            let earlierSend: SentLetter?
            if let pendingSend = pending?.sentLetter(letterId: letter.letterId) {
                earlierSend = pendingSend
            } else {
                earlierSend = try journal.sentLetter(letterId: letter.letterId)
            }
            if let earlier = earlierSend {
                // Rendering is deterministic for a day of dispatch: the same id with another PDF for
                // the day the earlier one went out is another letter, never a repeat.
                guard isSame(letter, as: earlier, rendered: rendered, caseJSON: input.bytes) else {
                    failures.append("\(letter.fileBaseName): another letter with this id went out for line \(earlier.line)")
                    continue
                }
                if earlier.line != input.line { sameAsLine = min(sameAsLine ?? earlier.line, earlier.line) }
                continue
            }
            let messageUUID = letter.messages.lazy.compactMap { MessageIdentity.messageUUID(in: $0.bytes) }.first
            var entry = LetterEntry(letterId: letter.letterId, line: input.line, messageUUID: messageUUID,
                                    templateVersion: versions.templates, fontVersion: versions.fonts,
                                    pdfSHA256: pdfSHA256, renderMilliseconds: renderMilliseconds)
            let sendStarted = Date()
            let receipt: DispatchReceipt
            // The PDF handed over on each day of dispatch (one day, unless attempts ran past midnight).
            var pdfSHA256ByDay: [CivilDate: String] = [:]
            let hasRequest = letter.messages.contains { ".\($0.suffix)" == SF1601Transport.requestSuffix }
            let chosen = hasRequest ? messageTransport ?? transport : transport
            do {
                receipt = try chosen.send(name: letter.fileBaseName) { instant throws(TransportError) in
                    let current = try rendered.letter(letter.letterId, dispatchedAt: instant, caseJSON: input.bytes, pipeline: pipeline)
                    pdfSHA256ByDay[rendered.day] = SHA256.hex(current.pdf)
                    return Self.parcel(for: current, renderedFor: rendered.instant)
                }
            } catch {
                settlement.letters.append(LetterSettlement(entry: entry, outcome: .failed(reason: error.reason)))
                failures.append("\(letter.fileBaseName): \(error.reason)")
                continue
            }
            entry.pdfSHA256 = pdfSHA256ByDay[CopenhagenTime.date(of: receipt.acceptedAt)] ?? pdfSHA256
            settlement.letters.append(LetterSettlement(entry: entry, outcome: .sent(
                dispatchedAt: receipt.acceptedAt, sendMilliseconds: Int(Date().timeIntervalSince(sendStarted) * 1000),
                receipt: receipt.receipt)))
            sent += 1
        }
        if failures.isEmpty {
            settlement.outcome = .done(sameAsLine: sameAsLine)
            counters.add(done: 1, letters: sent)
        } else {
            settlement.outcome = .failed(reason: "not sent: " + failures.joined(separator: "; "))
            counters.add(failed: 1, letters: sent)
        }
        return settlement
    }

    /// Is `letter` the one that already went out? Compared as rendered for the day that one went out.
    private func isSame(_ letter: RenderedLetter, as earlier: SentLetter, rendered: RenderedCase, caseJSON: [UInt8]) -> Bool {
        if SHA256.hex(letter.pdf) == earlier.pdfSHA256 { return true }
        guard let at = earlier.dispatchedAt, CopenhagenTime.date(of: at) != rendered.day,
              let then = try? pipeline.renderAll(caseJSON: caseJSON, dispatchedAt: at).first(where: { $0.letterId == letter.letterId })
        else { return false }
        return SHA256.hex(then.pdf) == earlier.pdfSHA256
    }

    /// What goes in the letter's folder: the PDF, and the message files when it is sent.
    /// A letter handed over in person (anonymous, `PERSONLIG`, `INGEN`) has the PDF alone.
    static func parcel(for letter: RenderedLetter, renderedFor: Date? = nil) -> Parcel {
        var files = [Parcel.File(name: "\(letter.fileBaseName).pdf", bytes: letter.pdf)]
        for message in letter.messages {
            files.append(Parcel.File(name: "\(letter.fileBaseName).\(message.suffix)", bytes: message.bytes))
        }
        return Parcel(name: letter.fileBaseName, files: files, renderedFor: renderedFor)
    }

    /// A case the user must fix: its error codes and JSON paths (messages are left out of the
    /// journal and report, so no value from the case can travel there). Nil for a fault that
    /// is not the case's (a broken resource, a PDF failure): the case is `failed`, to retry.
    static func refusal(_ error: BrevError) -> [CaseProblem]? {
        switch error {
        case .invalid(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            return (errors.isEmpty ? diagnostics : errors).map { CaseProblem(code: $0.code.rawValue, path: $0.location.description) }
        // A character the fonts lack or layout refuses is the case's text: named by its code point.
        case .layout(let problem):
            switch problem {
            case .missingGlyph(_, let codepoint, _), .rightToLeft(let codepoint, _), .refusedCharacter(let codepoint, _):
                return [CaseProblem(code: problem.code.rawValue, path: codePointName(codepoint))]
            default:
                return nil
            }
        default:
            return nil
        }
    }


    /// The kind of fault only: layout and PDF messages can quote the letter's text.
    static func failure(_ error: BrevError) -> String {
        switch error {
        case .invalid: return "invalid"
        case .layout: return "layout failed"
        case .pdf: return "PDF failed"
        case .io: return "output failed"
        }
    }

    /// The municipality's case number (`case_number`), for finding a refused case; nil if the
    /// line is not a JSON object with one.
    static func caseNumber(in bytes: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let number = object["case_number"] as? String, !number.isEmpty else { return nil }
        return String(number.prefix(64))
    }
}

/// A case's letters as rendered for one instant of dispatch; rendered again when a letter goes
/// out on another day, so the deadline it prints runs from the day it was accepted, and when the
/// transport asks for an instant before the one rendered for: a letter it found already sent, to
/// be compared as rendered for the instant it went out (its MeMo's createdDateTime).
struct RenderedCase {
    /// The instant rendered for.
    private(set) var instant: Date
    var letters: [RenderedLetter]

    init(instant: Date, letters: [RenderedLetter]) {
        self.instant = instant
        self.letters = letters
    }

    var day: CivilDate { CopenhagenTime.date(of: instant) }

    mutating func letter(_ letterId: String, dispatchedAt instant: Date, caseJSON: [UInt8],
                         pipeline: LetterPipeline) throws(TransportError) -> RenderedLetter {
        let earlier = instant.timeIntervalSince1970 < self.instant.timeIntervalSince1970.rounded(.down)
        if CopenhagenTime.date(of: instant) != day || earlier {
            do {
                letters = try pipeline.renderAll(caseJSON: caseJSON, dispatchedAt: instant)
                self.instant = instant
            } catch {
                throw TransportError(parcel: letterId, reason: "rendering again for the day of dispatch failed: \(CaseWorker.failure(error))")
            }
        }
        guard let letter = letters.first(where: { $0.letterId == letterId }) else {
            throw TransportError(parcel: letterId, reason: "the letter is not among the case's letters when rendered again")
        }
        return letter
    }
}
