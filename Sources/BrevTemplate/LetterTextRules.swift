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
        let text = templateWords(plainText(document), caseworkerTexts: caseworkerTexts(model))
        var problems: [Diagnostic] = []
        func at(_ pattern: String) -> SourceLocation { location(of: pattern, in: sources) }
        if model.klagevejledning.astViaKommune == nil && UTF8Search.contains(CaseworkerWordingRule.appealBody, in: text) {
            problems.append(.error(.wrongComplaintRoute, at: at(CaseworkerWordingRule.appealBody),
                                   "the letter names \(CaseworkerWordingRule.appealBody), but this decision cannot be appealed there"))
        }
        // Every out-of-date reference of domain.md §1.6, paragraph by paragraph (one table: LegalCitations).
        // The lines are those `LegalCitations.mayOccur` lets through; each reference is looked for once.
        for line in linesThatMayCiteStaleLaw(text) {
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

    /// The letter's text with its white space collapsed (`collapsingSpaces`) and each text the
    /// caseworker wrote, longest first, replaced by a space wherever it stands.
    static func templateWords(_ letter: String, caseworkerTexts: [String]) -> String {
        var letter = letter
        // Plain text without "\r" (`PlainText`): a character per scalar and a byte per white space character,
        // so the collapsing and every search and replacement are done once on the bytes.
        if let words = letter.withUTF8({ bytes -> String? in
            guard !bytes.contains(0x0D), PlainText.isPlain(bytes) else { return nil }
            var text = collapsedBytes(bytes)
            for piece in caseworkerPieces(caseworkerTexts) {
                text = replacing(piece, in: text)
            }
            return String(decoding: text, as: UTF8.self)
        }) {
            return words
        }
        var text = collapsingSpacesByCharacter(letter)
        // Longest first; each length counted once, not at every comparison of the sort.
        let written = caseworkerTexts.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .map { (text: $0, length: $0.count) }
        for piece in written.sorted(by: { $0.length > $1.length }) where piece.length > 0 {
            text = UTF8Search.replacing(piece.text, with: " ", in: text)
        }
        return text
    }

    /// The caseworker's texts as the letter sets them (white space collapsed, ends trimmed), longest
    /// first in characters, without the empty ones: the order `templateWords` replaces them in.
    static func caseworkerPieces(_ texts: [String]) -> [[UInt8]] {
        let pieces = texts.map { text -> (bytes: [UInt8], length: Int) in
            var text = text
            if let piece = text.withUTF8({ b -> (bytes: [UInt8], length: Int)? in
                guard PlainText.isPlain(b) else { return nil }
                // White space here is ASCII's and the no-break space (C2 A0): every other plain character is not.
                var out: [UInt8] = []
                out.reserveCapacity(b.count)
                var length = 0
                var pendingSpace = false
                var i = 0
                while i < b.count {
                    let byte = b[i]
                    if byte == 0x20 || byte &- 0x09 < 5 || (byte == 0xC2 && i + 1 < b.count && b[i + 1] == 0xA0) {
                        if !out.isEmpty { pendingSpace = true }
                        i += byte == 0xC2 ? 2 : 1
                        continue
                    }
                    if pendingSpace { out.append(0x20); length += 1; pendingSpace = false }
                    out.append(byte)
                    if byte & 0xC0 != 0x80 { length += 1 }
                    i += 1
                }
                return (out, length)
            }) {
                return piece
            }
            let joined = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return (Array(joined.utf8), joined.count)
        }
        return pieces.sorted(by: { $0.length > $1.length }).filter { $0.length > 0 }.map(\.bytes)
    }

    /// `text` with every occurrence of `needle`, left to right, replaced by a space. In plain text
    /// every hit begins and ends between two characters, as `UTF8Search` requires.
    static func replacing(_ needle: [UInt8], in text: [UInt8]) -> [UInt8] {
        guard let first = needle.first, text.count >= needle.count else { return text }
        return text.withUnsafeBufferPointer { t in
            needle.withUnsafeBufferPointer { n in
                let base = t.baseAddress!
                var out: [UInt8] = []
                var copiedUpTo = 0
                var i = 0
                let last = t.count - n.count
                // memchr finds each candidate first byte; memcmp compares the rest.
                while i <= last, let hit = memchr(base + i, Int32(first), last - i + 1) {
                    let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + j, n.baseAddress!, n.count) == 0 {
                        if out.isEmpty { out.reserveCapacity(t.count) }
                        out += t[copiedUpTo..<j]
                        out.append(0x20)
                        i = j + n.count
                        copiedUpTo = i
                    } else {
                        i = j + 1
                    }
                }
                if copiedUpTo == 0 { return text }
                out += t[copiedUpTo...]
                return out
            }
        }
    }

    /// The non-empty lines of `text` that may hold a stale reference (`LegalCitations.mayOccur`).
    static func linesThatMayCiteStaleLaw(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            if bytes.contains(0x0D) {
                let all = String(decoding: bytes, as: UTF8.self)
                return lines(of: all, omittingEmpty: true).filter { LegalCitations.mayOccur(in: $0) }.map(String.init)
            }
            var found: [String] = []
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if i > start {
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if LegalCitations.mayOccur(in: line) { found.append(String(decoding: line, as: UTF8.self)) }
                }
                start = i + 1
            }
            return found
        }
    }

    /// The letter sets each text with its white space collapsed: each line of `text` with its runs
    /// of spaces and tabs made one space and its ends trimmed, to compare the same way.
    static func collapsingSpaces(_ text: String) -> String {
        var bytes = text
        if let collapsed = bytes.withUTF8({ b -> String? in
            guard !b.contains(0x0D), PlainText.isPlain(b) else { return nil }
            return String(decoding: collapsedBytes(b), as: UTF8.self)
        }) {
            return collapsed
        }
        return collapsingSpacesByCharacter(text)
    }

    /// `collapsingSpaces` of plain text without "\r", where a space or tab byte is a character of its own.
    static func collapsedBytes(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Never longer than `b`: each byte written stands for one read (a space for a run).
        [UInt8](unsafeUninitializedCapacity: b.count) { out, count in
            var n = 0
            var lineStart = true
            var pendingSpace = false
            for byte in b {
                switch byte {
                case 0x0A:
                    out[n] = byte
                    n += 1
                    lineStart = true
                    pendingSpace = false
                case 0x20, 0x09:
                    if !lineStart { pendingSpace = true }
                default:
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    out[n] = byte
                    n += 1
                    lineStart = false
                }
            }
            count = n
        }
    }

    /// `collapsingSpaces` for any text, line by line and by characters.
    static func collapsingSpacesByCharacter(_ text: String) -> String {
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
