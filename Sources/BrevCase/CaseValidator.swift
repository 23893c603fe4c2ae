import Foundation
import BrevCore

/// The legal rules a case must meet before any letter is made (domain.md §1, §5, §7). Every
/// broken rule is reported; none stops the check early.
public struct CaseValidator {
    public let profiles: ProfileCatalog

    public init(profiles: ProfileCatalog) {
        self.profiles = profiles
    }

    public func validate(_ c: CaseInput, into d: DiagnosticCollector) {
        if profiles.profile(forMunicipalityCode: c.municipalityCode) == nil {
            d.error(.unknownMunicipality, "$.municipality_code",
                    "no profile for this municipality code; known codes: \(profiles.knownCodes.joined(separator: ", "))")
        }
        checkIdentity(c, d)
        // lawletters: a representative (FVL § 8), anonymous or not (Sources/BrevCase/Rules/).
        RepresentativeRule.validate(c, into: d)
        if c.anonymous {
            // An anonymous case gets only the in-person sheet: no decision letter, no signature.
            checkLegalBasis(c, d)
            checkChannel(c, d)
            return
        }
        checkDates(c, d)
        if c.letterType.isAdverseDecision { checkAdverseDecision(c, d) }
        if c.letterType == .bevilling || c.letterType == .delvisBevilling { checkGrant(c, d) }
        checkFreeChoice(c, d)
        if c.letterType == .behandlingsplan { checkPlan(c, d) }
        checkLetterSpecificFields(c, d)
        checkLegalBasis(c, d)
        checkChannel(c, d)
        if c.caseworker == nil { d.error(.missingField, "$.caseworker", "the letter needs a caseworker to sign it") }
        // lawletters: access, oral decisions, changed decisions, renewed guidance (Sources/BrevCase/Rules/).
        LawLettersRules.validate(c, calendar: profiles.profile(forMunicipalityCode: c.municipalityCode)?.complaintDeadlineRule.calendar ?? DanishCalendar(), into: d)
    }

    /// Anonymous cases carry no identifiers at all; all others need a case number and a
    /// named citizen (domain.md §5).
    private func checkIdentity(_ c: CaseInput, _ d: DiagnosticCollector) {
        // A CPR number in a case number would be printed on every letter and file name.
        if let number = c.caseNumber, CaseNumberCPR.containsCPR(number) {
            d.error(.caseNumberContainsCPR, "$.case_number", "the case number contains a CPR number; use the ESDH case number")
        }
        checkAge(c.citizen?.cpr, at: "$.citizen.cpr", c, d)
        for (i, holder) in c.custodyHolders.enumerated() { checkAge(holder.cpr, at: "$.custody_holders[\(i)].cpr", c, d) }
        if c.anonymous {
            if c.citizen?.cpr != nil {
                d.error(.anonymousNoIdentifiers, "$.citizen.cpr", "an anonymous case (SEL § 101a) must not carry a CPR number")
            }
            if c.citizen?.name != nil {
                d.error(.anonymousNoIdentifiers, "$.citizen.name", "an anonymous case (SEL § 101a) must not carry a name")
            }
            if c.citizen?.address != nil {
                d.error(.anonymousNoIdentifiers, "$.citizen.address", "an anonymous case (SEL § 101a) must not carry an address")
            }
            return
        }
        if c.caseNumber == nil { d.error(.missingField, "$.case_number", "a case number is required (not for anonymous cases)") }
        guard let citizen = c.citizen else {
            d.error(.missingField, "$.citizen", "the citizen is required (not for anonymous cases)")
            return
        }
        if citizen.name == nil { d.error(.missingField, "$.citizen.name", "the citizen's name is required") }
        if citizen.address == nil { d.error(.missingField, "$.citizen.address", "the citizen's address is required") }
    }

    /// A CPR number may be structurally valid yet mean a birth in the 1800s (domain.md §7 case
    /// 23): the number is accepted, the case is not.
    private func checkAge(_ cpr: CPR?, at path: String, _ c: CaseInput, _ d: DiagnosticCollector) {
        guard let cpr else { return }
        if cpr.birthDate > c.letterDate {
            d.error(.implausibleAge, path, "the CPR number gives a birth date after the letter date")
        } else if cpr.age(on: c.letterDate) > CaseLimits.maximumAge {
            d.error(.implausibleAge, path, "the CPR number gives an age over \(CaseLimits.maximumAge) on the letter date")
        }
    }

    private func checkDates(_ c: CaseInput, _ d: DiagnosticCollector) {
        if let received = c.applicationReceivedDate, received > c.letterDate {
            d.error(.dateOrder, "$.application_received_date", "the application cannot be received after the letter date")
        }
        if let first = c.firstContactDate, first > c.letterDate {
            d.error(.dateOrder, "$.first_contact_date", "the first contact cannot be after the letter date")
        }
    }

    /// A rejection, partial grant, refusal to extend or termination needs facts, legal rules
    /// and an assessment (FVL §§ 22, 24), and the citizen must have been heard on third-party
    /// information (FVL § 19).
    private func checkAdverseDecision(_ c: CaseInput, _ d: DiagnosticCollector) {
        let facts = c.begrundelse?.facts.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? []
        if facts.isEmpty {
            d.error(.missingBegrundelse, "$.begrundelse.facts",
                    "an adverse decision must say which facts it gives weight to (forvaltningsloven § 24)")
        }
        if c.begrundelse?.assessment == nil {
            d.error(.missingAssessment, "$.begrundelse.assessment",
                    "an adverse decision must give the assessment and main considerations (forvaltningsloven § 24)")
        }
        if c.legalCitations.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty {
            d.error(.missingLegalBasis, "$.legal_citations",
                    "an adverse decision must cite the legal rules it rests on (forvaltningsloven § 24)")
        }
        if c.begrundelse?.reliesOnThirdPartyInformation == true {
            let hearing = c.partshoering
            if hearing?.performed != true && hearing?.exceptionCode == nil {
                d.error(.partshoeringRequired, "$.partshoering",
                        "the decision relies on third-party information: hear the citizen first, or give the exception (forvaltningsloven § 19)")
            } else if hearing?.performed == true && hearing?.date == nil {
                d.error(.missingField, "$.partshoering.date", "give the date of the hearing")
            }
        }
        if c.treatmentTypeRequested == nil && c.letterType == .afslag {
            d.error(.missingField, "$.treatment_type_requested", "a rejection must say what was applied for")
        }
        if c.letterType == .afslag {
            if let outcome = c.outcome, outcome != .afslag {
                d.error(.outcomeMismatch, "$.outcome", "letter_type AFSLAG needs outcome AFSLAG, not \(outcome.rawValue)")
            }
            if c.treatmentTypeGranted != nil {
                d.error(.outcomeMismatch, "$.treatment_type_granted", "a rejection grants nothing; leave this field out")
            }
        }
        if c.applicationReceivedDate == nil && c.letterType == .afslag {
            d.error(.missingField, "$.application_received_date", "a rejection must say when the application was received")
        }
        if let requested = c.treatmentTypeRequested, requested.needsAllocationCommittee, c.letterType == .afslag,
           c.visitationsudvalgDate == nil {
            d.error(.missingField, "$.visitationsudvalg_date",
                    "\(requested.danishNoun) is decided by the allocation committee; give the date of its decision")
        }
        for (i, citation) in c.legalCitations.enumerated() where LegalCitations.isStale(citation) {
            d.error(.staleCitation, "$.legal_citations[\(i)]", LegalCitations.staleReason(citation))
        }
    }

    /// What makes a grant less than full support (domain.md §1.1): another type, a shorter
    /// period, own payment, a restricted free choice. Each one makes justification and complaint
    /// guidance mandatory, so a "full" grant with any of them is refused.
    public static func partialReasons(_ c: CaseInput) -> [String] {
        var reasons: [String] = []
        if let requested = c.treatmentTypeRequested, let granted = c.treatmentTypeGranted, requested != granted {
            reasons.append("the granted type (\(granted.rawValue)) differs from the requested (\(requested.rawValue))")
        }
        if let requested = c.periodRequested, let granted = c.periodGranted, granted.days < requested.days {
            reasons.append("the granted period is shorter than the requested")
        }
        if c.egenbetaling?.applies == true { reasons.append("the citizen pays for board or lodging") }
        if c.freeChoice?.restricted == true { reasons.append("the free choice of provider is restricted") }
        return reasons
    }

    private func checkGrant(_ c: CaseInput, _ d: DiagnosticCollector) {
        if c.applicationReceivedDate == nil {
            d.error(.missingField, "$.application_received_date", "a decision must say when the application was received")
        }
        if c.treatmentTypeGranted == nil { d.error(.missingField, "$.treatment_type_granted", "a grant must say what is granted") }
        if c.treatmentTypeRequested == nil { d.error(.missingField, "$.treatment_type_requested", "a grant must say what was applied for") }
        if c.plannedStartDate == nil { d.error(.missingField, "$.planned_start_date", "a grant must say when treatment starts") }
        if c.provider == nil {
            d.error(.missingField, "$.provider", "a grant must name the provider")
        } else if c.provider?.approved == false {
            d.error(.invalidValue, "$.provider.approved", "the provider must be approved (Tilbudsportalen)")
        }
        let reasons = CaseValidator.partialReasons(c)
        if c.letterType == .bevilling {
            if let outcome = c.outcome, outcome != .fuld {
                d.error(.outcomeMismatch, "$.outcome", "letter_type BEVILLING is a full grant; outcome \(outcome.rawValue) needs DELVIS_BEVILLING or AFSLAG")
            } else if !reasons.isEmpty {
                d.error(.outcomeMismatch, "$.outcome",
                        "not full support: \(reasons.joined(separator: "; ")). Use DELVIS_BEVILLING with a justification (forvaltningsloven §§ 22 and 25)")
            }
        } else {
            if let outcome = c.outcome, outcome != .delvis {
                d.error(.outcomeMismatch, "$.outcome", "letter_type DELVIS_BEVILLING needs outcome DELVIS, not \(outcome.rawValue)")
            } else if reasons.isEmpty {
                d.error(.outcomeMismatch, "$.outcome", "nothing makes this grant partial: the type, period, payment and provider are as requested; use BEVILLING")
            }
        }
        if let e = c.egenbetaling, e.applies {
            if e.basis == nil {
                d.error(.missingEgenbetalingBasis, "$.egenbetaling.basis", "own payment needs its calculation basis (serviceloven § 163)")
            }
            if e.amount == nil { d.error(.missingField, "$.egenbetaling.amount", "own payment needs its amount") }
            if e.covers == nil { d.error(.missingField, "$.egenbetaling.covers", "say what the own payment covers (board, lodging)") }
        }
        checkGuarantee(c, d)
    }

    /// Treatment must start within 14 days of first contact (SEL § 101 stk. 4, SUL §§ 141–142).
    /// The deadline is never moved later; a citizen who chose another provider may waive it.
    private func checkGuarantee(_ c: CaseInput, _ d: DiagnosticCollector) {
        guard c.legalBasis.contains(where: { [.sel101, .bl33, .sul141, .sul142].contains($0) }),
              let first = c.firstContactDate, c.freeChoice?.chosenOtherProvider != true else { return }
        let calendar = profiles.profile(forMunicipalityCode: c.municipalityCode)?.complaintDeadlineRule.calendar ?? DanishCalendar()
        let deadline = first.adding(days: 14)
        let lastWorkingDay = calendar.workingDay(onOrBefore: deadline)
        if let start = c.plannedStartDate, start > deadline {
            d.warning(.guaranteeBreach, "$.planned_start_date",
                      "treatment must start by \(DanishDateFormat.long(deadline)) (14 days from first contact); planned \(DanishDateFormat.long(start))")
        } else if lastWorkingDay != deadline {
            d.warning(.guaranteeOnClosedDay, "$.first_contact_date",
                      "the 14-day deadline, \(DanishDateFormat.longWithWeekday(deadline)), is not a working day and is not moved: plan the start by \(DanishDateFormat.longWithWeekday(lastWorkingDay))")
        }
    }

    /// Every goal is the citizen's own and measurable by a date (SMART, domain.md §4.6), and the
    /// plan takes a position on education or work, or says why it is not relevant (seed S4).
    private func checkPlan(_ c: CaseInput, _ d: DiagnosticCollector) {
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

    /// The fields each of the other letter kinds needs.
    private func checkLetterSpecificFields(_ c: CaseInput, _ d: DiagnosticCollector) {
        switch c.letterType {
        case .viderestendtAST:
            guard let received = c.complaintReceivedDate else {
                d.error(.missingField, "$.complaint_received_date", "say when the complaint was received")
                return
            }
            // RSL § 67: reassess and forward within 4 weeks of receipt; an internal deadline, never moved later.
            let deadline = received.adding(weeks: 4)
            if c.letterDate > deadline {
                d.warning(.forwardedLate, "$.letter_date",
                          "the complaint had to be forwarded by \(DanishDateFormat.longWithWeekday(deadline)) (4 weeks from receipt)")
            }
        case .svarfristOrientering:
            if c.expectedDecisionDate == nil {
                d.error(.missingField, "$.expected_decision_date", "say when the citizen can expect a decision (RSL § 3)")
            }
        case .partshoering:
            if c.hearingDeadline == nil { d.error(.missingField, "$.hearing_deadline", "give the day the comments must be in") }
            if (c.begrundelse?.facts ?? []).isEmpty {
                d.error(.missingField, "$.begrundelse.facts", "a hearing letter shows the information the citizen is heard on")
            }
        case .ophoer, .afslagForlaengelse:
            if c.treatmentEndDate == nil { d.error(.missingField, "$.treatment_end_date", "say when the treatment ends") }
        case .handleplan:
            guard let h = c.handleplan else {
                d.error(.missingField, "$.handleplan", "an action plan letter needs the plan")
                return
            }
            if !h.consent {
                d.error(.handleplanNoConsent, "$.handleplan.consent",
                        "an action plan is written only with the citizen's consent (serviceloven § 141)")
            }
            if h.purpose == nil { d.error(.missingField, "$.handleplan.purpose", "the plan must state its purpose") }
            if h.services.isEmpty { d.error(.missingField, "$.handleplan.services", "the plan must list the services") }
            if h.expectedDuration == nil { d.error(.missingField, "$.handleplan.expected_duration", "the plan must state the expected duration") }
            if let cpr = c.citizen?.cpr, cpr.age(on: c.letterDate) < 18 {
                d.error(.wrongLegalBasisMinor, "$.letter_type",
                        "serviceloven § 141 is for adults; a young person's plan is barnets plan under barnets lov")
            }
        default:
            break
        }
    }

    /// Free choice is of a provider of the same type only (SEL § 101 stk. 5–7).
    private func checkFreeChoice(_ c: CaseInput, _ d: DiagnosticCollector) {
        guard let choice = c.freeChoice else { return }
        if choice.chosenOtherProvider && !choice.sameType {
            d.error(.freeChoiceTypeMismatch, "$.free_choice.same_type",
                    "free choice covers a provider of the same type only; another type needs a new allocation")
        }
        if choice.restricted && choice.restrictionReason == nil {
            d.error(.missingField, "$.free_choice.restriction_reason", "a restricted free choice needs a reason")
        }
    }

    /// Minors are under barnets lov § 33, not serviceloven § 101, since 1 January 2024.
    private func checkLegalBasis(_ c: CaseInput, _ d: DiagnosticCollector) {
        if let cpr = c.citizen?.cpr, cpr.age(on: c.letterDate) < 18, c.custodyHolders.isEmpty {
            d.error(.missingCustodyHolder, "$.custody_holders",
                    "the young person is under 18: every custody holder must get a copy; give at least one")
        }
        if c.letterType.isAdverseDecision && c.legalBasis.isEmpty {
            d.error(.missingField, "$.legal_basis", "a decision needs its legal basis, such as SEL_101")
        }
        if let cpr = c.citizen?.cpr {
            let age = cpr.age(on: c.letterDate)
            if age < 18, let i = c.legalBasis.firstIndex(of: .sel101) {
                d.error(.wrongLegalBasisMinor, "$.legal_basis[\(i)]",
                        "the citizen is under 18: social drug treatment is under barnets lov § 33 (BL_33), not SEL § 101")
            }
            if age >= 18, let i = c.legalBasis.firstIndex(of: .bl33) {
                d.error(.invalidValue, "$.legal_basis[\(i)]", "barnets lov § 33 is for citizens under 18")
            }
        }
        if c.anonymous, c.legalBasis.contains(where: { $0 != .sel101a && $0 != .sul141 }) {
            d.error(.invalidValue, "$.legal_basis", "an anonymous case is under SEL § 101a (or SUL § 141 stk. 7)")
        }
    }

    private func checkChannel(_ c: CaseInput, _ d: DiagnosticCollector) {
        if c.anonymous && c.channel == .digitalPost {
            d.error(.anonymousNoDigitalPost, "$.channel", "an anonymous case cannot be sent by Digital Post; hand it over in person")
            return
        }
        if c.anonymous && c.channel == .fysisk {
            d.error(.anonymousNoMessage, "$.channel", "an anonymous case has no address to post to; hand it over in person")
            return
        }
        guard c.channel == .digitalPost, let citizen = c.citizen else { return }
        if citizen.digitalPostStatus == .fritaget {
            d.error(.channelNotAllowed, "$.channel", "the citizen is exempt from Digital Post (FRITAGET); send it by paper post (FYSISK)")
        }
        let under15 = citizen.cpr.map { $0.age(on: c.letterDate) < 15 } ?? false
        if citizen.digitalPostStatus == .under15 || under15 {
            d.error(.channelNotAllowed, "$.channel", "a citizen under 15 has no Digital Post; send it by paper post or in person")
        }
    }
}
