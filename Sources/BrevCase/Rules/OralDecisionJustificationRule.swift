import BrevCore

/// The written justification of a decision given orally (FVL § 23, domain.md §1.1): the party
/// may ask for it within 14 days of the oral decision and must get it within 14 days of asking.
/// The letter itself is an adverse decision's justification (facts, assessment, rules) with
/// complaint guidance; the complaint deadline runs from the receipt of this letter.
public enum OralDecisionJustificationRule: CaseRule {
    public static let domainSection = "§1.1 (FVL § 23)"
    public static let codes: [DiagnosticCode] = [.missingField, .dateOrder, .justificationAskedLate, .justificationLate]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        validate(c, into: d)
    }

    /// FVL § 23 stk. 1 and 2: 14 days, counted as calendar days and not moved off a weekend or
    /// holiday (domain.md §2.1 "in days, count calendar days"). Late is a warning, not a refusal:
    /// the justification is owed even when it comes late.
    public static let askWithinDays = 14
    public static let answerWithinDays = 14

    /// ⚠ Assumption for the municipality's lawyer (domain.md §1.1 ⚠, §9): the 4-week complaint
    /// deadline of an orally given decision runs from the receipt of this written justification,
    /// not from the day the decision was given orally. It is the reading that favours the
    /// citizen: the guidance is only given in writing here (FVL § 25). Set to false, the
    /// deadline would run from the oral decision date (received in person that day).
    public static let complaintDeadlineRunsFromThisLetter = true

    static func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        guard c.letterType == .skriftligBegrundelse else { return }
        guard let oral = c.oralDecisionDate else {
            d.error(.missingField, "$.oral_decision_date", "say when the decision was given orally (forvaltningsloven § 23)")
            return
        }
        guard let asked = c.justificationRequestedDate else {
            d.error(.missingField, "$.justification_requested_date", "say when the citizen asked for the written justification (forvaltningsloven § 23)")
            return
        }
        if oral > c.letterDate {
            d.error(.dateOrder, "$.oral_decision_date", "the oral decision cannot come after the letter date")
        }
        if asked < oral || asked > c.letterDate {
            d.error(.dateOrder, "$.justification_requested_date", "the request comes after the oral decision and before the letter date")
            return
        }
        if oral.days(until: asked) > askWithinDays {
            d.warning(.justificationAskedLate, "$.justification_requested_date",
                      "asked \(oral.days(until: asked)) days after the oral decision: the right to a written justification lasts \(askWithinDays) days (forvaltningsloven § 23, stk. 1)")
        }
        let due = asked.adding(days: answerWithinDays)
        if c.letterDate > due {
            d.warning(.justificationLate, "$.letter_date",
                      "the written justification was due by \(DanishDateFormat.long(due)) (\(answerWithinDays) days from the request, forvaltningsloven § 23, stk. 2)")
        }
    }
}
