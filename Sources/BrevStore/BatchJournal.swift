import Foundation

/// The batch's memory across runs: what became of each input line (one case) and of each letter
/// it gave. The runner asks it before doing anything, so a re-run after a crash never renders a
/// finished case again and never sends a letter twice. SQLite (`SQLiteBatchJournal`) is the one
/// for a single machine; `PostgresBatchJournal` lets several workers (processes, machines) share
/// one batch: they claim cases under leases (the `claim…` and `…Leases` requirements, which a
/// journal used by one process at a time leaves to their defaults).
///
/// Nothing personal is stored: lines, the municipality's case number, opaque letter ids,
/// message UUIDs, diagnostic codes and JSON paths, hashes and times.
public protocol BatchJournal: Sendable {
    /// Cases that need no more work (done, refused or failed), by input line, with the SHA-256
    /// of the line they were made from.
    func settledCases() throws(JournalError) -> [Int: String]
    /// `settledCases` for the lines in `lines` only (the runner asks a block at a time).
    func settledCases(lines: ClosedRange<Int>) throws(JournalError) -> [Int: String]
    /// A case is being worked on (state `queued` until it settles).
    func startCase(line: Int, inputSHA256: String, caseNumber: String?) throws(JournalError)
    func refuseCase(line: Int, problems: [CaseProblem]) throws(JournalError)
    func failCase(line: Int, reason: String) throws(JournalError)
    /// Every letter of the case went out. `sameAsLine`: some of its letters had already gone out
    /// for another input line (the same case twice in the input), and were not sent again.
    func completeCase(line: Int, sameAsLine: Int?) throws(JournalError)

    func letterState(letterId: String) throws(JournalError) -> LetterState?
    /// The letter of this id that went out (its input line and PDF hash); nil if none has.
    func sentLetter(letterId: String) throws(JournalError) -> SentLetter?
    /// Records a rendered letter; a letter already sent is left as it is.
    func recordRendered(_ letter: LetterEntry) throws(JournalError)
    /// The transport accepted the letter at `dispatchedAt`: the complaint deadline runs from here.
    /// `receipt`: the receiver's id for it (SF1601's TransmissionID). `pdfSHA256`: the PDF that went
    /// out, when it is not the one recorded as rendered (re-rendered for the day it was accepted).
    func recordSent(letterId: String, dispatchedAt: Date, sendMilliseconds: Int, receipt: String?,
                    pdfSHA256: String?) throws(JournalError)
    func recordSendFailed(letterId: String, reason: String) throws(JournalError)

    /// Writes a block of finished cases, their letters first, in one transaction: all of the
    /// block or none of it is in the journal afterwards. The runner calls it for blocks of cases
    /// (one flush to disk for the block, not one per step); a case whose block was not written
    /// before a crash is worked on again, and its letters already handed over are recognised by
    /// the transport (the outbox folder's atomic rename, SF1601's messageUUID), never sent twice.
    func settle(_ cases: [CaseSettlement]) throws(JournalError)

    func summary() throws(JournalError) -> JournalSummary
    func refusedCases() throws(JournalError) -> [RefusedCase]
    func failedCases() throws(JournalError) -> [FailedCase]
    func duplicateCases() throws(JournalError) -> [DuplicateCase]
    /// Puts failed cases (and their failed letters) back in the queue; returns how many cases.
    func requeueFailed() throws(JournalError) -> Int

    // Sharing one batch between workers. Defaults: one process owns the whole batch (the SQLite
    // journal, guarded by the outbox lock), so every case it reads is its own.

    /// Several workers may run this batch at once: the runner claims each case before working on it.
    var isShared: Bool { get }
    /// Takes `line` for this worker, under a lease, unless it is settled or another worker's lease
    /// on it is still running. The case is recorded as `queued` when claimed.
    func claimCase(line: Int, inputSHA256: String) throws(JournalError) -> CaseClaim
    /// `claimCase` for a block of lines (line → SHA-256 of its input) in one statement.
    func claimCases(_ lines: [Int: String]) throws(JournalError) -> [Int: CaseClaim]
    /// Claims up to `limit` queued cases whose lease ran out (their worker died or stalled): their
    /// lines and the SHA-256 of the input each was claimed with.
    func claimExpiredCases(limit: Int) throws(JournalError) -> [Int: String]
    /// Queued cases under another worker's running lease: the run waits for them, as their worker
    /// may still die and leave them to this one.
    func casesLeasedElsewhere() throws(JournalError) -> Int
    /// Extends this worker's leases on the cases it holds (a heartbeat calls it).
    func renewLeases() throws(JournalError)
    /// Gives up this worker's leases on cases it did not settle (a run that stops early), so
    /// another worker may take them at once.
    func releaseLeases() throws(JournalError)
}

/// What `claimCase` found.
public enum CaseClaim: Sendable, Hashable {
    /// This worker holds the case now.
    case claimed
    /// Settled already (by any worker): nothing to do.
    case settled
    /// Another worker's lease on it is running.
    case leasedElsewhere
    /// The journal holds another input's case at that line.
    case otherInput
}

extension BatchJournal {
    public var isShared: Bool { false }
    public func claimCase(line: Int, inputSHA256: String) throws(JournalError) -> CaseClaim { .claimed }
    public func claimExpiredCases(limit: Int) throws(JournalError) -> [Int: String] { [:] }
    public func claimCases(_ lines: [Int: String]) throws(JournalError) -> [Int: CaseClaim] {
        var claims: [Int: CaseClaim] = [:]
        for (line, sha) in lines { claims[line] = try claimCase(line: line, inputSHA256: sha) }
        return claims
    }
    public func casesLeasedElsewhere() throws(JournalError) -> Int { 0 }
    public func renewLeases() throws(JournalError) {}
    public func releaseLeases() throws(JournalError) {}

    public func recordSent(letterId: String, dispatchedAt: Date, sendMilliseconds: Int) throws(JournalError) {
        try recordSent(letterId: letterId, dispatchedAt: dispatchedAt, sendMilliseconds: sendMilliseconds, receipt: nil, pdfSHA256: nil)
    }
}

/// What became of one input line.
public enum CaseState: String, Sendable, Codable, CaseIterable {
    /// Not settled: claimed by a worker of a shared journal, put back by `brev batch retry`, or
    /// started through the single-step calls (`startCase`) and interrupted.
    case queued
    /// Every letter went out.
    case done
    /// The case has errors; nothing was rendered. Stays refused until the input changes.
    case refused
    /// Rendering or sending failed for a reason that is not the case's fault; `brev batch retry`.
    case failed
}

/// What became of one letter.
public enum LetterState: String, Sendable, Codable, CaseIterable {
    case rendered
    case sent
    case failed
}

/// One reason a case was refused: a stable code and where (a JSON path, or `-`).
public struct CaseProblem: Sendable, Codable, Hashable {
    public var code: String
    public var path: String
    public init(code: String, path: String) {
        self.code = code
        self.path = path
    }
}

/// A rendered letter as the journal keeps it.
public struct LetterEntry: Sendable, Hashable {
    /// Opaque, unique per recipient: the journal's key.
    public var letterId: String
    public var line: Int
    /// The Digital Post or print message's UUID; nil for a letter handed over in person.
    public var messageUUID: String?
    public var templateVersion: String
    public var fontVersion: String
    public var pdfSHA256: String
    public var renderMilliseconds: Int

    public init(letterId: String, line: Int, messageUUID: String?, templateVersion: String, fontVersion: String,
                pdfSHA256: String, renderMilliseconds: Int) {
        self.letterId = letterId
        self.line = line
        self.messageUUID = messageUUID
        self.templateVersion = templateVersion
        self.fontVersion = fontVersion
        self.pdfSHA256 = pdfSHA256
        self.renderMilliseconds = renderMilliseconds
    }
}

public struct JournalSummary: Sendable, Codable, Hashable {
    public var cases: [CaseState: Int]
    public var letters: [LetterState: Int]

    public init(cases: [CaseState: Int], letters: [LetterState: Int]) {
        self.cases = cases
        self.letters = letters
    }

    public func count(_ state: CaseState) -> Int { cases[state] ?? 0 }
    public func count(_ state: LetterState) -> Int { letters[state] ?? 0 }
}

public struct RefusedCase: Sendable, Codable, Hashable {
    public var line: Int
    public var caseNumber: String?
    public var problems: [CaseProblem]
    public init(line: Int, caseNumber: String?, problems: [CaseProblem]) {
        self.line = line
        self.caseNumber = caseNumber
        self.problems = problems
    }
}

public struct FailedCase: Sendable, Codable, Hashable {
    public var line: Int
    public var caseNumber: String?
    public var reason: String
    public init(line: Int, caseNumber: String?, reason: String) {
        self.line = line
        self.caseNumber = caseNumber
        self.reason = reason
    }
}

public struct SentLetter: Sendable, Hashable {
    public var line: Int
    public var pdfSHA256: String
    /// When it was accepted: the letter printed that day's deadline.
    public var dispatchedAt: Date?
    /// The receiver's id for it (SF1601's TransmissionID), if the transport gave one.
    public var receipt: String?
    public init(line: Int, pdfSHA256: String, dispatchedAt: Date? = nil, receipt: String? = nil) {
        self.line = line
        self.pdfSHA256 = pdfSHA256
        self.dispatchedAt = dispatchedAt
        self.receipt = receipt
    }
}

/// A case whose letters had already gone out for another line of the input (the same case twice).
public struct DuplicateCase: Sendable, Codable, Hashable {
    public var line: Int
    public var caseNumber: String?
    public var sameAsLine: Int
    public init(line: Int, caseNumber: String?, sameAsLine: Int) {
        self.line = line
        self.caseNumber = caseNumber
        self.sameAsLine = sameAsLine
    }
}

/// The journal could not be read or written. The text names the database, never a value.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
