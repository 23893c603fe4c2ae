import BrevCase
import BrevCore
import BrevDocument
import Foundation

/// Rules on the words a filled template actually produced, so that no template, however
/// written, can send the wrong law to a citizen (domain.md §7 cases 7, 17, 21).
public enum LetterTextRules {
    public static func check(_ document: Document, model: LetterModel, template: String) -> [Diagnostic] {
        let text = plainText(document)
        let at = SourceLocation.file(path: template, line: 1, column: nil)
        var problems: [Diagnostic] = []
        // Alcohol (SUL § 141) and anonymous (SEL § 101a) decisions cannot go to Ankestyrelsen.
        if model.klagevejledning.astViaKommune == nil && text.contains("Ankestyrelsen") {
            problems.append(.error(.wrongComplaintRoute, at: at,
                                   "the letter mentions Ankestyrelsen, but this decision cannot be appealed there"))
        }
        // Every out-of-date reference of domain.md §1.6, paragraph by paragraph (one table: LegalCitations).
        for reason in Set(text.split(separator: "\n").flatMap { LegalCitations.staleReasons(in: String($0)) }).sorted() {
            problems.append(.error(.staleCitation, at: at, "the letter is out of date: \(reason)"))
        }
        // The deadline runs from receipt, never from the decision date (domain.md §1.6).
        if text.range(of: #"\d+\s+dage\s+efter\s+afgørelsen"#, options: [.regularExpression, .caseInsensitive]) != nil {
            problems.append(.warning(.nonstatutoryDeadlineText, at: at,
                                     "a complaint deadline counted from the decision is not the statutory rule (4 weeks from receipt)"))
        }
        return problems
    }

    static func plainText(_ document: Document) -> String {
        var out: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(_, let i), .paragraph(let i), .returnAddress(let i): out.append(i.plainText); out += i.footnoteText
                case .list(_, let items): items.forEach(walk)
                case .table(let t): out += (t.header + t.rows).flatMap { $0.map(\.plainText) }
                case .letterhead(let lines), .recipient(let lines), .signature(let lines): out += lines.map(\.plainText)
                case .caseInfo(let fields): out += fields.map { $0.label + " " + $0.value.plainText }
                case .pageBreak: break
                }
            }
        }
        walk(document.blocks)
        return out.joined(separator: "\n")
    }
}
