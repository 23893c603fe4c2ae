import BrevCore

/// What any decision that does not give full support must carry (FVL §§ 22 and 24): the facts
/// given weight, the assessment, and the legal rules. Shared by the letter kinds that are not
/// among the adverse decisions but can refuse (access, a changed decision).
enum RefusalJustification {
    static func validate(_ c: CaseInput, what: String, into d: DiagnosticCollector) {
        let facts = c.begrundelse?.facts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? []
        if facts.isEmpty {
            d.error(.missingBegrundelse, "$.begrundelse.facts", "\(what) must say which facts it gives weight to (forvaltningsloven § 24)")
        }
        if c.begrundelse?.assessment == nil {
            d.error(.missingAssessment, "$.begrundelse.assessment", "\(what) must give the assessment and main considerations (forvaltningsloven § 24)")
        }
        if c.legalCitations.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty {
            d.error(.missingLegalBasis, "$.legal_citations", "\(what) must cite the legal rules it rests on (forvaltningsloven § 24)")
        }
    }
}
