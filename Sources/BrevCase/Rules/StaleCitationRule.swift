import Foundation
import BrevCore

/// References that were right once and are wrong now (domain.md §1.6, §8 rule 8). A letter must
/// never carry one: wrong law in a letter harms a citizen. The table is the one place they are
/// written; it is applied to the case's citations, to caseworker text and to the finished letter.
public enum LegalCitations {
    public struct StaleReference: Sendable {
        /// A regular expression, matched case-insensitively, after non-breaking spaces become spaces.
        public let pattern: String
        public let reason: String
        /// Whether `pattern` matches at a place of a text: a scanner of its bytes
        /// (`StaleCitationScanner`) that answers as ICU's regular expression would.
        let matchesAt: @Sendable (PatternText, Int) -> Bool
        /// The ASCII bytes a match can start with in plain text (`PlainText`): each alternative of
        /// `pattern` begins with a literal word, and in plain text only an ASCII letter in either
        /// case (or the digit itself) matches a word's first letter ignoring case.
        let firstBytes: StaleCitationScanner.FirstBytes

        init(pattern: String, reason: String, startingWith first: StaticString, matchesAt: @escaping @Sendable (PatternText, Int) -> Bool) {
            self.pattern = pattern
            self.reason = reason
            self.matchesAt = matchesAt
            firstBytes = StaleCitationScanner.FirstBytes(first)
        }

        /// Whether the reference stands in `text`, matched as it is.
        public func occurs(in text: String) -> Bool { StaleCitationScanner.occurs(in: text, startingWith: firstBytes, matchesAt) }
    }

    /// Serviceloven by name or as SEL, then a few characters ("(SEL) ", ", ") before its §.
    static let sel = #"(?:servicelovens?|\bsel\b)[^§\n]{0,20}"#
    /// The old § 101 subsections 1–3, not followed by a range or list reaching stk. 4 or later.
    static let oldGuaranteeSubsection = sel + #"§\s*101\s*,?\s*stk\.\s*(?:1\s*(?:-|–|og)\s*)?[123]\b(?!\s*(?:-|–|og|,)\s*[4-9])"#
    /// What the 14-day guarantee is called; the reference and this must stand in one clause
    /// with no other § between them.
    static let guarantee = #"(?:\b14\s*dage|behandlingsgaranti)"#

    public static let stale: [StaleReference] = [
        StaleReference(pattern: sel + #"§\s*153\b"#,
                       reason: "the duty to report concerns about a child is barnets lov § 133 since 1 January 2024, not serviceloven § 153",
                       startingWith: "sS", matchesAt: StaleCitationScanner.section153),
        // Renumbered in 2020 (bill L 7, 2019-20): the 14 days are stk. 4, free choice stk. 5–7, the plan stk. 8.
        StaleReference(pattern: oldGuaranteeSubsection + #"[^.;\n§]{0,100}?"# + guarantee + "|" + guarantee + #"[^.;\n§]{0,100}?"# + oldGuaranteeSubsection,
                       reason: "the 14-day treatment guarantee is serviceloven § 101, stk. 4 since 2020, not stk. 1–3",
                       startingWith: "sS1bB", matchesAt: StaleCitationScanner.oldGuarantee),
        // The regional patient office may help with the form; it is not where the complaint goes.
        StaleReference(pattern: #"klage[^.;\n]{0,60}?\b(?:til|hos)\s+region\s+nordjyllands\s+patientkontor"#,
                       reason: "health complaints go to Styrelsen for Patientklager, not the regional patient office",
                       startingWith: "kK", matchesAt: StaleCitationScanner.regionalPatientOffice),
    ]

    /// Whether any stale reference stands in `text`, matched as it is (what `occurs(in:)` of
    /// each reference would say). Most texts lack a word every reference needs, seen in their
    /// bytes before any reference is looked for.
    public static func anyOccurs(in text: String) -> Bool { mayOccur(in: text) && stale.contains { $0.occurs(in: text) } }

    /// False only where no reference can stand: plain text (`PlainText`) without the words each
    /// pattern of `stale` must match: "§", serviceloven or SEL, and "153", or "101" and "stk";
    /// or "patientkontor".
    public static func mayOccur(in text: String) -> Bool { mayOccur(in: text[...]) }

    public static func mayOccur(in text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { mayOccur(in: $0) }
    }

    /// `mayOccur` of the text these bytes (valid UTF-8) are.
    public static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard PlainText.isPlain(bytes) else { return true }
        if PlainText.containsCaseless("§", in: bytes),
           PlainText.containsCaseless("sel", in: bytes) || PlainText.containsCaseless("servicelov", in: bytes),
           PlainText.containsCaseless("153", in: bytes)
            || PlainText.containsCaseless("101", in: bytes) && PlainText.containsCaseless("stk", in: bytes) {
            return true
        }
        return PlainText.containsCaseless("patientkontor", in: bytes)
    }

    /// The stale references in one text, each named by its reason.
    public static func staleReasons(in text: String) -> [String] {
        // Non-breaking spaces become spaces, scalar by scalar, without a trip through NSString.
        let t = text.utf8.contains(0xA0)
            ? String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{00A0}" ? " " : $0 })) : text
        guard mayOccur(in: t) else { return [] }
        return stale.filter { $0.occurs(in: t) }.map(\.reason)
    }

    public static func isStale(_ citation: String) -> Bool { !staleReasons(in: citation).isEmpty }
}

/// Out-of-date references are refused wherever a case carries them: the citations, the facts,
/// the assessment, the citizen's views, the reason a free choice was restricted (domain.md §1.6).
/// Templates are checked on the finished letter by `LetterTextRules`.
public enum StaleCitationRule: CaseRule {
    public static let domainSection = "§1.6, §6 legal_citations"
    public static let codes: [DiagnosticCode] = [.staleCitation]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        for (path, text) in CaseworkerWordingRule.caseworkerTexts(c) {
            for reason in LegalCitations.staleReasons(in: text) {
                d.error(.staleCitation, path, "this text is out of date: \(reason)")
            }
        }
    }
}
