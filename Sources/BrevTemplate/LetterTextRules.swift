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
        // The letter sets each text with its white space collapsed: compare them the same way.
        func collapsed(_ s: String) -> String { s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        var text = plainText(document).split(separator: "\n", omittingEmptySubsequences: false).map { collapsed(String($0)) }
            .joined(separator: "\n")
        let written = caseworkerTexts(model).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for piece in written.sorted(by: { $0.count > $1.count }) where !piece.isEmpty {
            text = replacing(piece, in: text)
        }
        var problems: [Diagnostic] = []
        func at(_ pattern: String) -> SourceLocation { location(of: pattern, in: sources) }
        if model.klagevejledning.astViaKommune == nil && text.contains(CaseworkerWordingRule.appealBody) {
            problems.append(.error(.wrongComplaintRoute, at: at(CaseworkerWordingRule.appealBody),
                                   "the letter names \(CaseworkerWordingRule.appealBody), but this decision cannot be appealed there"))
        }
        // Every out-of-date reference of domain.md §1.6, paragraph by paragraph (one table: LegalCitations).
        for line in text.split(separator: "\n").map(String.init) where LegalCitations.anyOccurs(in: line) {
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

    /// `text` with every occurrence of `piece` replaced by a space, left to right. The search
    /// runs on the UTF-8 bytes (no NSString round trip); a hit counts only where it begins and
    /// ends between two characters, as a search by characters would find it.
    static func replacing(_ piece: String, in text: String) -> String {
        let needle = Array(piece.utf8)
        let bytes = Array(text.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return text }
        var result = ""
        var copiedUpTo = 0
        var replaced = false
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle),
               isCharacterBoundary(i, in: text), isCharacterBoundary(i + needle.count, in: text) {
                result += text[index(copiedUpTo, in: text)..<index(i, in: text)]
                result += " "
                replaced = true
                i += needle.count
                copiedUpTo = i
            } else {
                i += 1
            }
        }
        guard replaced else { return text }
        result += text[index(copiedUpTo, in: text)...]
        return result
    }

    private static func index(_ utf8Offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset)
    }

    private static func isCharacterBoundary(_ utf8Offset: Int, in text: String) -> Bool {
        let i = index(utf8Offset, in: text)
        return i == text.endIndex || i.samePosition(in: text) != nil
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
