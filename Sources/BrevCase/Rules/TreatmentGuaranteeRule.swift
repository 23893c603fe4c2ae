import BrevCore

/// The treatment guarantee: treatment starts at the latest this many days after the citizen
/// asked for it (SEL § 101 stk. 4, BL § 33, SUL §§ 141–142). The quality standard prints it as
/// the fact `{{law.guarantee_days}}`.
public enum TreatmentGuarantee {
    public static let days = 14
}

/// The deadline is first contact + 14 days and is never moved later, not even past a closed day;
/// a citizen who chose another provider and goes there may waive it (`FreeChoiceRule`). A start
/// after the deadline makes a grant partial (`OutcomeRule`) and is warned about (domain.md §1.1,
/// §2.3, §3 "Free choice", §6 `guarantee_deadline`).
public enum TreatmentGuaranteeRule: CaseRule {
    public static let domainSection = "§1.1 full support, §2.3, §3 outpatient and free choice, §6 guarantee_deadline, planned_start_date"
    public static let codes: [DiagnosticCode] = [.guaranteeBreach, .guaranteeOnClosedDay]

    /// The last day treatment may start, when the guarantee applies to the case's legal basis.
    public static func deadline(_ c: CaseInput) -> CivilDate? {
        guard c.legalBasis.contains(where: { [.sel101, .bl33, .sul141, .sul142].contains($0) }),
              let first = c.firstContactDate else { return nil }
        return first.adding(days: TreatmentGuarantee.days)
    }

    /// The guarantee applies, is not waived, and the planned start is after its deadline.
    public static func isBroken(_ c: CaseInput) -> Bool {
        guard c.isGrant, !FreeChoiceRule.waivesGuarantee(c), let deadline = deadline(c), let start = c.plannedStartDate else { return false }
        return start > deadline
    }

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.isGrant, !FreeChoiceRule.waivesGuarantee(c), let deadline = deadline(c) else { return }
        let lastWorkingDay = context.calendar.workingDay(onOrBefore: deadline)
        if let start = c.plannedStartDate, start > deadline {
            d.warning(.guaranteeBreach, "$.planned_start_date",
                      "treatment must start by \(DanishDateFormat.long(deadline)) (\(TreatmentGuarantee.days) days from first contact); planned \(DanishDateFormat.long(start))")
        } else if lastWorkingDay != deadline {
            d.warning(.guaranteeOnClosedDay, "$.first_contact_date",
                      "the \(TreatmentGuarantee.days)-day deadline, \(DanishDateFormat.longWithWeekday(deadline)), is not a working day and is not moved: plan the start by \(DanishDateFormat.longWithWeekday(lastWorkingDay))")
        }
    }
}
