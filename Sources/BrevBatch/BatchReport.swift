import BrevCore
import BrevStore
import Foundation

/// The batch's report, made from the journal: counts, and every refused or failed case by input
/// line, case number, codes and JSON paths. No CPR, no name, no text from the case.
/// Written as `report.json` and `report.txt` in the outbox after each run.
public struct BatchReport: Sendable {
    public var summary: JournalSummary
    public var refused: [RefusedCase]
    public var failed: [FailedCase]
    public var duplicates: [DuplicateCase]

    public static let jsonFileName = "report.json"
    public static let textFileName = "report.txt"

    public init(journal: any BatchJournal) throws(JournalError) {
        summary = try journal.summary()
        refused = try journal.refusedCases()
        failed = try journal.failedCases()
        duplicates = try journal.duplicateCases()
    }

    public func write(to outbox: String) throws {
        try SecureFile.write(json, to: (outbox as NSString).appendingPathComponent(Self.jsonFileName))
        try SecureFile.write(text, to: (outbox as NSString).appendingPathComponent(Self.textFileName))
    }

    public var json: [UInt8] {
        struct Document: Encodable {
            var cases: [String: Int]
            var letters: [String: Int]
            var refused: [RefusedCase]
            var failed: [FailedCase]
            var duplicates: [DuplicateCase]
        }
        let document = Document(
            cases: Dictionary(uniqueKeysWithValues: CaseState.allCases.map { ($0.rawValue, summary.count($0)) }),
            letters: Dictionary(uniqueKeysWithValues: LetterState.allCases.map { ($0.rawValue, summary.count($0)) }),
            refused: refused, failed: failed, duplicates: duplicates)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array((try? encoder.encode(document)) ?? Data()) + [0x0A]
    }

    /// One line of counts, as `brev batch status` prints it.
    public var statusLine: String { Self.statusLine(summary) }

    public static func statusLine(_ summary: JournalSummary) -> String {
        let cases = summary.cases.values.reduce(0, +)
        return "cases: \(cases) (\(summary.count(CaseState.done)) done, \(summary.count(CaseState.refused)) refused, "
            + "\(summary.count(CaseState.failed)) failed, \(summary.count(CaseState.queued)) unfinished); "
            + "letters: \(summary.count(LetterState.sent)) sent, \(summary.count(LetterState.failed)) failed, "
            + "\(summary.count(LetterState.rendered)) rendered but not sent"
    }

    public var text: String {
        var lines = ["brev batch report", statusLine, ""]
        lines.append("Refused cases (\(refused.count)): fix the case and run it in a new batch")
        for c in refused {
            lines.append("line \(c.line)" + (c.caseNumber.map { ", case \($0)" } ?? ""))
            for p in c.problems { lines.append("  \(p.code)  \(p.path)") }
        }
        lines.append("")
        lines.append("Failed cases (\(failed.count)): `brev batch retry OUTBOX`, then run the batch again")
        for c in failed {
            lines.append("line \(c.line)" + (c.caseNumber.map { ", case \($0)" } ?? "") + ": \(c.reason)")
        }
        if !duplicates.isEmpty {
            lines.append("")
            lines.append("Cases whose letters had already gone out for another line (\(duplicates.count)): not sent again")
            for c in duplicates {
                let earlier = c.sameAsLine == OutboxDelivery.serviceLine ? "sent from brev serve" : "line \(c.sameAsLine)"
                lines.append("line \(c.line)" + (c.caseNumber.map { ", case \($0)" } ?? "") + ": same letters as \(earlier)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
