import BrevCase
import BrevCore
import BrevDocument
import Foundation

/// Rules on the words a filled template actually produced, so that no template, however
/// written, can send the wrong law to a citizen (domain.md §7 cases 7, 17, 21). Caseworker text
/// is checked before, at its JSON path (`CaseworkerWordingRule`, `StaleCitationRule`), so it is
/// taken out here: what remains came from a template or a profile, and a problem in it is
/// reported at the template file and line that carries the words.
public enum LetterTextRules {
    public static func check(_ document: Document, model: LetterModel, sources: [TemplateSource]) -> [Diagnostic] {
        var text = collapsingSpaces(plainText(document))
        // Longest first; each length counted once, not at every comparison of the sort.
        let written = caseworkerTexts(model).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .map { (text: $0, length: $0.count) }
        for piece in written.sorted(by: { $0.length > $1.length }) where piece.length > 0 {
            text = UTF8Search.replacing(piece.text, with: " ", in: text)
        }
        var problems: [Diagnostic] = []
        func at(_ pattern: String) -> SourceLocation { location(of: pattern, in: sources) }
        if model.klagevejledning.astViaKommune == nil && UTF8Search.contains(CaseworkerWordingRule.appealBody, in: text) {
            problems.append(.error(.wrongComplaintRoute, at: at(CaseworkerWordingRule.appealBody),
                                   "the letter names \(CaseworkerWordingRule.appealBody), but this decision cannot be appealed there"))
        }
        // Every out-of-date reference of domain.md §1.6, paragraph by paragraph (one table: LegalCitations).
        for line in lines(of: text, omittingEmpty: true).map(String.init) where LegalCitations.anyOccurs(in: line) {
            for stale in LegalCitations.stale where stale.occurs(in: line) {
                problems.append(.error(.staleCitation, at: at(stale.pattern), "the letter is out of date: \(stale.reason)"))
            }
        }
        if CaseworkerWordingRule.countsFromDecision(text) {
            problems.append(.warning(.nonstatutoryDeadlineText, at: at(CaseworkerWordingRule.deadlineFromDecision),
                                     "a complaint deadline counted from the decision is not the statutory rule (\(StatutoryPeriods.complaintWeeks) weeks from receipt)"))
        }
        return problems
    }

    /// The letter sets each text with its white space collapsed: each line of `text` with its runs
    /// of spaces and tabs made one space and its ends trimmed, to compare the same way.
    static func collapsingSpaces(_ text: String) -> String {
        func collapsed(_ line: Substring) -> String {
            // Most lines are collapsed already (no tab, no space at an end, no two in a row): then
            // splitting at the spaces and joining them again gives the line back unchanged.
            let bytes = line.utf8
            var previous: UInt8 = 0x20
            var already = bytes.last != 0x20
            for byte in bytes where already {
                already = byte != 0x09 && !(byte == 0x20 && previous == 0x20)
                previous = byte
            }
            if already { return String(line) }
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        return lines(of: text, omittingEmpty: false).map(collapsed).joined(separator: "\n")
    }

    /// The lines of `text`, split at its line breaks by their bytes.
    static func lines(of text: String, omittingEmpty: Bool) -> [Substring] {
        // "\r\n" is one character, not a line break after a "\r": such text is split by characters.
        if text.utf8.contains(UInt8(ascii: "\r")) {
            return text.split(separator: "\n", omittingEmptySubsequences: omittingEmpty)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// The first template line (the letter's own file first) whose words match; without one, the
    /// words came from the profile, named by the letter's file.
    static func location(of pattern: String, in sources: [TemplateSource]) -> SourceLocation {
        for source in sources {
            for (i, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil {
                return .file(path: source.path, line: i + 1, column: nil)
            }
        }
        return .file(path: sources.first?.path ?? "letter.xhtml", line: 1, column: nil)
    }

    /// What the caseworker wrote, as the model carries it into the letter.
    static func caseworkerTexts(_ m: LetterModel) -> [String] {
        var texts = m.begrundelse.facts + [m.begrundelse.assessment] + m.legalCitations
        if let v = m.hearing?.citizenViews { texts.append(v) }
        if let r = m.grant?.restrictedChoiceReason { texts.append(r) }
        if let p = m.plan {
            texts += p.goals.flatMap { [$0.text, $0.indicator] }
            if let r = p.educationNotRelevantReason { texts.append(r) }
        }
        if let h = m.handleplan {
            texts += [h.purpose, h.expectedDuration] + h.services
            if let s = h.specialConditions { texts.append(s) }
        }
        return texts
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
                case .decision(let blocks): walk(blocks)
                case .pageBreak: break
                }
            }
        }
        walk(document.blocks)
        return out.joined(separator: "\n")
    }
}
