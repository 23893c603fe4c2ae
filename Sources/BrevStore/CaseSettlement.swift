import Foundation

/// A finished case as the runner hands it to the journal: what became of the case and of each of
/// its letters. Settlements are written in blocks (`BatchJournal.settle`), one transaction per
/// block, instead of one commit per step: a commit's flush to disk is most of the journal's cost.
public struct CaseSettlement: Sendable, Hashable {
    public var line: Int
    public var inputSHA256: String
    public var caseNumber: String?
    public var outcome: Outcome
    /// The letters rendered for the case and what became of each; a letter found already sent
    /// (the same case twice in the input) is not among them.
    public var letters: [LetterSettlement]

    public enum Outcome: Sendable, Hashable {
        /// Every letter went out; `sameAsLine`: some had gone out before for that line.
        case done(sameAsLine: Int?)
        case refused([CaseProblem])
        case failed(reason: String)
    }

    public init(line: Int, inputSHA256: String, caseNumber: String?, outcome: Outcome, letters: [LetterSettlement] = []) {
        self.line = line
        self.inputSHA256 = inputSHA256
        self.caseNumber = caseNumber
        self.outcome = outcome
        self.letters = letters
    }

    public var state: CaseState {
        switch outcome {
        case .done: return .done
        case .refused: return .refused
        case .failed: return .failed
        }
    }

    /// The refusal's problems as the journal stores them (JSON), nil unless refused.
    var problemsJSON: String? {
        guard case .refused(let problems) = outcome else { return nil }
        return String(decoding: (try? JSONEncoder().encode(problems)) ?? Data("[]".utf8), as: UTF8.self)
    }

    var failure: String? {
        if case .failed(let reason) = outcome { return reason }
        return nil
    }

    var sameAsLine: Int? {
        if case .done(let line) = outcome { return line }
        return nil
    }
}

/// One rendered letter and its send: `entry.pdfSHA256` is the PDF that went out (or was to).
public struct LetterSettlement: Sendable, Hashable {
    public var entry: LetterEntry
    public var outcome: Outcome

    public enum Outcome: Sendable, Hashable {
        /// The transport accepted it at `dispatchedAt`; `receipt`: SF1601's TransmissionID.
        case sent(dispatchedAt: Date, sendMilliseconds: Int, receipt: String?)
        case failed(reason: String)
    }

    public init(entry: LetterEntry, outcome: Outcome) {
        self.entry = entry
        self.outcome = outcome
    }

    public var sentLetter: SentLetter? {
        guard case .sent(let at, _, let receipt) = outcome else { return nil }
        return SentLetter(line: entry.line, pdfSHA256: entry.pdfSHA256, dispatchedAt: at, receipt: receipt)
    }
}

extension Array where Element == CaseSettlement {
    /// One row per letter id for a block written in one statement: a letter sent beats one that
    /// failed (a confirmed send is never overwritten by a failure), otherwise the later wins.
    var lettersByIdOnce: [LetterSettlement] {
        var order: [String] = []
        var byId: [String: LetterSettlement] = [:]
        for letter in flatMap(\.letters) {
            let id = letter.entry.letterId
            if let earlier = byId[id] {
                if earlier.sentLetter != nil && letter.sentLetter == nil { continue }
            } else {
                order.append(id)
            }
            byId[id] = letter
        }
        return order.map { byId[$0]! }
    }
}
