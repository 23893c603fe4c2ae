import BrevCore

/// Every goal of a treatment plan is the citizen's own and measurable by a date (SMART), and
/// the plan takes a position on education or work, or says why it is not relevant (domain.md
/// §4.6, seed S4).
public enum TreatmentPlanRule: CaseRule {
    public static let domainSection = "§4.6 treatment plan, §6 behandlingsplan"
    public static let codes: [DiagnosticCode] = [.goalNotMeasurable, .goalNoDeadline, .goalNotAccepted,
                                                 .missingEducationEmploymentPosition, .missingField, .invalidValue]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.letterType == .behandlingsplan else { return }
        guard let plan = c.behandlingsplan else {
            d.error(.missingField, "$.behandlingsplan", "a treatment plan letter needs the plan")
            return
        }
        if plan.goals.isEmpty { d.error(.missingField, "$.behandlingsplan.goals", "a plan needs at least one goal") }
        for (i, goal) in plan.goals.enumerated() {
            let path = "$.behandlingsplan.goals[\(i)]"
            if goal.indicator == nil {
                d.error(.goalNotMeasurable, "\(path).indicator", "say how the goal is measured, e.g. 'målt ved ugentlig samtale'")
            }
            if goal.targetDate == nil { d.error(.goalNoDeadline, "\(path).target_date", "a goal needs a date to reach it by") }
            if !goal.citizenAccepted {
                d.error(.goalNotAccepted, "\(path).citizen_accepted", "the goals are the citizen's own: record that they accepted it")
            }
        }
        switch (plan.educationGoalId, plan.educationNotRelevantReason) {
        case (nil, nil):
            d.error(.missingEducationEmploymentPosition, "$.behandlingsplan.education_employment",
                    "the plan must name an education or work goal, or say why it is not relevant")
        case (let id?, nil):
            if !plan.goals.contains(where: { $0.id == id }) {
                d.error(.invalidValue, "$.behandlingsplan.education_employment.goal_id", "no goal has this id")
            }
        case (_?, _?):
            d.error(.invalidValue, "$.behandlingsplan.education_employment", "give either goal_id or not_relevant_reason, not both")
        default:
            break
        }
    }
}
