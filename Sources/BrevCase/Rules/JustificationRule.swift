import BrevCore
import Foundation

/// A decision that does not give full support states the facts given weight, the legal rules
/// and the assessment (FVL §§ 22 and 24; domain.md §1.1).
public enum JustificationRule: CaseRule {
    public static let domainSection = "§1.1 FVL §§ 22, 24"
    public static let codes: [DiagnosticCode] = [.missingBegrundelse, .missingAssessment, .missingLegalBasis, .missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType.isAdverseDecision else { return }
        let facts = c.begrundelse?.facts.filter { !FieldReader.isBlank($0) } ?? []
        if facts.isEmpty {
            d.error(.missingBegrundelse, "$.begrundelse.facts",
                    "an adverse decision must say which facts it gives weight to (forvaltningsloven § 24)")
        }
        if c.begrundelse?.assessment == nil {
            d.error(.missingAssessment, "$.begrundelse.assessment",
                    "an adverse decision must give the assessment and main considerations (forvaltningsloven § 24)")
        }
        if c.legalCitations.allSatisfy(isBlankLine) {
            d.error(.missingLegalBasis, "$.legal_citations",
                    "an adverse decision must cite the legal rules it rests on (forvaltningsloven § 24)")
        }
        if c.legalBasis.isEmpty {
            d.error(.missingField, "$.legal_basis", "a decision needs its legal basis, such as SEL_101")
        }
    }

    /// Empty or only spaces and tabs (a line break is not blank here). A text that starts with a
    /// visible ASCII character (nearly every one) is decided without Foundation's trimming.
    static func isBlankLine(_ s: String) -> Bool {
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return false }
        return s.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
