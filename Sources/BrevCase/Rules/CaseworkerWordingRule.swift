import Foundation
import BrevCore

/// Words that must not reach a citizen whoever wrote them (domain.md §0 rule R0, §1.6): the
/// name of Ankestyrelsen in a decision that cannot be appealed there, and a complaint deadline
/// counted from the decision instead of from receipt. Caseworker text is checked here, at its
/// JSON path; templates and profiles on the finished letter by `LetterTextRules`, with the same words.
public enum CaseworkerWordingRule: CaseRule {
    public static let domainSection = "§0 rule R0, §1.3, §1.6"
    public static let codes: [DiagnosticCode] = [.wrongComplaintRoute, .nonstatutoryDeadlineText]

    /// The appeal body that only social decisions (SEL § 101, BL § 33) reach.
    public static let appealBody = "Ankestyrelsen"
    /// "28 dage efter afgørelsen": the statutory deadline runs 4 weeks from receipt.
    public static let deadlineFromDecision = #"\d+\s+dage\s+efter\s+afgørelsen"#

    /// The letter may name Ankestyrelsen: the decision goes there, or the letter forwards a complaint there.
    public static func mayNameAppealBody(_ c: CaseInput) -> Bool {
        ComplaintRoute.routes(for: c.legalBasis).contains(.astViaKommune) || c.letterType == .viderestendtAST
    }

    /// Whether `deadlineFromDecision` matches in `text` (case-insensitively, as ICU would: a scanner
    /// of its bytes, `StaleCitationScanner.deadlineFromDecision`). Plain text (`PlainText`)
    /// without "dage", white space and "efter" is passed over without it.
    public static func countsFromDecision(_ text: String) -> Bool {
        var bytes = text
        return bytes.withUTF8(mayCountFromDecision)
            && StaleCitationScanner.occurs(in: text, startingWith: digits, StaleCitationScanner.deadlineFromDecision)
    }

    /// Where `deadlineFromDecision` can start in plain text: `\d` there is an ASCII digit (the
    /// other decimal digits begin at U+0660, none of them plain).
    static let digits = StaleCitationScanner.FirstBytes("0123456789")

    /// False only for plain text in which "dage" never stands before white space and "efter"
    /// (ASCII letters in any case; white space as the pattern's `\s` is in plain text, or wider:
    /// tab to carriage return, space, no-break space), which `deadlineFromDecision` needs.
    static func mayCountFromDecision(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard PlainText.isPlain(b) else { return true }
        func fold(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
        func word(_ w: StaticString, at i: Int) -> Bool {
            w.withUTF8Buffer { w in
                guard i + w.count <= b.count else { return false }
                for k in 0..<w.count where fold(b[i + k]) != w[k] { return false }
                return true
            }
        }
        func spaces(from i: Int) -> Int {
            var j = i
            while j < b.count {
                if b[j] == 0x20 || b[j] &- 0x09 < 5 { j += 1 } else if b[j] == 0xC2, j + 1 < b.count, b[j + 1] == 0xA0 { j += 2 } else { break }
            }
            return j
        }
        var i = 0
        while i + 4 <= b.count {
            if fold(b[i]) == UInt8(ascii: "d"), word("dage", at: i) {
                let next = spaces(from: i + 4)
                if next > i + 4, word("efter", at: next) { return true }
            }
            i += 1
        }
        return false
    }

    /// Every text of the case a caseworker wrote or chose, with its JSON path.
    public static func caseworkerTexts(_ c: CaseInput) -> [(path: String, text: String)] {
        var texts: [(String, String)] = []
        for (i, citation) in c.legalCitations.enumerated() { texts.append(("$.legal_citations[\(i)]", citation)) }
        for (i, fact) in (c.begrundelse?.facts ?? []).enumerated() { texts.append(("$.begrundelse.facts[\(i)]", fact)) }
        if let a = c.begrundelse?.assessment { texts.append(("$.begrundelse.assessment", a)) }
        if let v = c.citizenViews { texts.append(("$.citizen_views", v)) }
        if let r = c.freeChoice?.restrictionReason { texts.append(("$.free_choice.restriction_reason", r)) }
        if let p = c.behandlingsplan {
            for (i, g) in p.goals.enumerated() {
                texts.append(("$.behandlingsplan.goals[\(i)].text", g.text))
                if let indicator = g.indicator { texts.append(("$.behandlingsplan.goals[\(i)].indicator", indicator)) }
            }
            if let r = p.educationNotRelevantReason { texts.append(("$.behandlingsplan.education_employment.not_relevant_reason", r)) }
        }
        if let h = c.handleplan {
            if let p = h.purpose { texts.append(("$.handleplan.purpose", p)) }
            for (i, s) in h.services.enumerated() { texts.append(("$.handleplan.services[\(i)]", s)) }
            if let e = h.expectedDuration { texts.append(("$.handleplan.expected_duration", e)) }
            if let s = h.specialConditions { texts.append(("$.handleplan.special_conditions", s)) }
        }
        return texts
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        let mayName = mayNameAppealBody(c)
        for (path, text) in caseworkerTexts(c) {
            if !mayName && text.contains(appealBody) {
                d.error(.wrongComplaintRoute, path, "this decision cannot be appealed to \(appealBody); the text must not name it")
            }
            if countsFromDecision(text) {
                d.warning(.nonstatutoryDeadlineText, path,
                          "a complaint deadline counted from the decision is not the statutory rule (\(StatutoryPeriods.complaintWeeks) weeks from receipt)")
            }
        }
    }
}
