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
/// shared between threads). Each step is written to the journal before the next begins, so a
/// run killed at any point resumes without losing or repeating a letter.
struct CaseWorker {
    let pipeline: LetterPipeline
    let journal: any BatchJournal
    let transport: any LetterTransport
    let versions: ResourceVersions
    let counters: BatchCounters

    func process(_ input: InputCase) throws(JournalError) {
        try journal.startCase(line: input.line, inputSHA256: input.sha256, caseNumber: Self.caseNumber(in: input.bytes))
        if !input.problems.isEmpty {
            try journal.refuseCase(line: input.line, problems: input.problems)
            counters.add(refused: 1)
            return
        }
        let started = Date()
        let letters: [RenderedLetter]
        do {
            letters = try pipeline.renderAll(caseJSON: input.bytes)
        } catch {
            if let problems = Self.refusal(error) {
                try journal.refuseCase(line: input.line, problems: problems)
                counters.add(refused: 1)
            } else {
                try journal.failCase(line: input.line, reason: Self.failure(error))
                counters.add(failed: 1)
            }
            return
        }
        let renderMilliseconds = Int(Date().timeIntervalSince(started) * 1000) / max(1, letters.count)
        // Ids name the folders: two letters of one case must never share one.
        guard Set(letters.map(\.letterId)).count == letters.count else {
            try journal.failCase(line: input.line, reason: "two letters of the case have the same letter id")
            counters.add(failed: 1)
            return
        }
        var sent = 0
        var failures: [String] = []
        var sameAsLine: Int?
        for letter in letters {
            let pdfSHA256 = SHA256.hex(letter.pdf)
            if let earlier = try journal.sentLetter(letterId: letter.letterId) {
                // Rendering is deterministic: the same id with another PDF is another letter, never a repeat.
                guard earlier.pdfSHA256 == pdfSHA256 else {
                    failures.append("\(letter.fileBaseName): another letter with this id went out for line \(earlier.line)")
                    continue
                }
                if earlier.line != input.line { sameAsLine = min(sameAsLine ?? earlier.line, earlier.line) }
                continue
            }
            let messageUUID = letter.messages.lazy.compactMap { MessageIdentity.messageUUID(in: $0.bytes) }.first
            try journal.recordRendered(LetterEntry(letterId: letter.letterId, line: input.line, messageUUID: messageUUID,
                                                   templateVersion: versions.templates, fontVersion: versions.fonts,
                                                   pdfSHA256: pdfSHA256, renderMilliseconds: renderMilliseconds))
            let sendStarted = Date()
            let receipt: DispatchReceipt
            do {
                receipt = try transport.send(Self.parcel(for: letter))
            } catch {
                try journal.recordSendFailed(letterId: letter.letterId, reason: error.reason)
                failures.append("\(letter.fileBaseName): \(error.reason)")
                continue
            }
            try journal.recordSent(letterId: letter.letterId, dispatchedAt: receipt.acceptedAt,
                                   sendMilliseconds: Int(Date().timeIntervalSince(sendStarted) * 1000))
            sent += 1
        }
        if failures.isEmpty {
            try journal.completeCase(line: input.line, sameAsLine: sameAsLine)
            counters.add(done: 1, letters: sent)
        } else {
            try journal.failCase(line: input.line, reason: "not sent: " + failures.joined(separator: "; "))
            counters.add(failed: 1, letters: sent)
        }
    }

    /// What goes in the letter's folder: the PDF, and the message files when it is sent.
    /// A letter handed over in person (anonymous, `PERSONLIG`, `INGEN`) has the PDF alone.
    static func parcel(for letter: RenderedLetter) -> Parcel {
        var files = [Parcel.File(name: "\(letter.fileBaseName).pdf", bytes: letter.pdf)]
        for message in letter.messages {
            files.append(Parcel.File(name: "\(letter.fileBaseName).\(message.suffix)", bytes: message.bytes))
        }
        return Parcel(name: letter.fileBaseName, files: files)
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
                return [CaseProblem(code: problem.code.rawValue, path: codePoint(codepoint))]
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// `U+00E9`: how a character is named in a report (never the character in its context).
    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
