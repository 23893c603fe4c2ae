import BrevCore

/// The rules of the letter kinds that answer or follow an earlier step: access to the file,
/// a written justification of an oral decision, a changed decision, renewed complaint guidance.
enum LawLettersRules {
    static func validate(_ c: CaseInput, calendar: DanishCalendar, into d: DiagnosticCollector) {
        AccessToFilesRule.validate(c, calendar: calendar, into: d)
        OralDecisionJustificationRule.validate(c, into: d)
        ChangedDecisionRule.validate(c, into: d)
        RenewedComplaintGuidanceRule.validate(c, into: d)
    }
}
