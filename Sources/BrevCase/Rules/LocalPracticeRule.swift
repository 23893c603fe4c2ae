import BrevCore

/// A municipality's own practice is not law (domain.md §6 `period_requested`/`period_granted`:
/// "Thisted residential ≤ 3 months unless `exception_reason`"): a decision that departs from it
/// is allowed, but warned about unless the case says why.
public enum LocalPracticeRule: CaseRule {
    public static let domainSection = "§3 residential (Thisted), §6 period_granted and exception_reason"
    public static let codes: [DiagnosticCode] = [.localPracticeExceeded]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.isGrant, c.treatmentTypeGranted == .doegn,
              let months = context.profile?.standard?.residentialMonths, let period = c.periodGranted,
              c.exceptionReason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true else { return }
        // "3 months from 1 March" ends on 31 May.
        let lastDay = period.from.adding(months: months).adding(days: -1)
        if period.to > lastDay {
            d.warning(.localPracticeExceeded, "$.period_granted",
                      "the municipality grants residential treatment for up to \(months) months at a time (local practice, not law); give exception_reason to grant longer")
        }
    }
}
