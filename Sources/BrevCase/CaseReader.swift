import BrevCore
import Foundation

/// Turns case JSON into a `CaseInput`, reporting every missing, mistyped or unknown field.
/// Legal rules are checked afterwards by `CaseValidator`; this only reads.
public enum CaseReader {
    public static func read(json bytes: [UInt8], today: CivilDate, diagnostics: DiagnosticCollector) -> CaseInput? {
        // Checked before parsing: a huge file must cost nothing.
        guard bytes.count <= CaseLimits.maximumFileBytes else {
            diagnostics.error(.caseTooLarge, "$", "a case file is at most \(CaseLimits.maximumFileBytes) bytes")
            return nil
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, maximumDepth: CaseLimits.maximumNestingDepth)
        } catch {
            if let codePoint = error.invalidCodePoint, let path = error.path {
                diagnostics.error(.invalidCharacter, path, "the character \(codePointName(codePoint)) is not allowed: \(error.message)")
            } else {
                let code: DiagnosticCode = error.nestingTooDeep ? .nestingTooDeep : .malformedJSON
                diagnostics.add(.error(code, at: .file(path: "case", line: error.line, column: error.column), error.message))
            }
            return nil
        }
        return read(root, today: today, diagnostics: diagnostics)
    }

    public static func read(_ root: JSONValue, today: CivilDate, diagnostics: DiagnosticCollector) -> CaseInput? {
        guard let r = FieldReader(root, path: "$", diagnostics: diagnostics) else { return nil }
        // A schema reference lets editors validate the file; brev itself ignores it.
        _ = r.value("$schema", required: false)
        let municipality = r.string("municipality_code", required: true, kind: .code)
        let caseNumber = r.string("case_number", kind: .code)
        let letterType = r.enumValue("letter_type", LetterType.self, required: true)
        let legalBasis = r.enumArray("legal_basis", LegalBasis.self, maximumCount: CaseLimits.maximumLegalBases) ?? []
        let citations = r.stringArray("legal_citations", maximumCount: CaseLimits.maximumLegalCitations) ?? []
        let substance = r.enumValue("substance_category", SubstanceCategory.self)
        let requested = r.enumValue("treatment_type_requested", TreatmentType.self)
        let granted = r.enumValue("treatment_type_granted", TreatmentType.self)
        let outcome = r.enumValue("outcome", Outcome.self)
        let applicationReceived = r.date("application_received_date")
        let firstContact = r.date("first_contact_date")
        let vum = r.date("vum_completed_date")
        let committee = r.date("visitationsudvalg_date")
        let begrundelse = r.object("begrundelse").map(readBegrundelse)
        let views = r.string("citizen_views", kind: .freeText)
        let hearing = r.object("partshoering").map(readPartshoering)
        let citizen = r.object("citizen").map { readCitizen($0, today: today) }
        let anonymous = r.bool("anonymous") ?? false
        let channel = r.enumValue("channel", Channel.self, required: true)
        var letterDate = r.date("letter_date", required: true)
        if let date = letterDate, !CaseLimits.letterDates(today: today).contains(date) {
            let window = CaseLimits.letterDates(today: today)
            diagnostics.error(.outOfRange, r.childPath("letter_date"),
                              "a letter is dated from \(window.lowerBound.iso) to \(window.upperBound.iso) (\(CaseLimits.letterDateYearsBack) years back, \(CaseLimits.letterDateYearsAhead) ahead)")
            letterDate = nil
        }
        var dispatch: CivilDate?
        var dispatchInstant: Date?
        if let text = r.formattedString("dispatch_datetime") {
            if let instant = CopenhagenTime.instant(fromISO: text) {
                dispatch = CopenhagenTime.date(of: instant)
                dispatchInstant = instant
            } else {
                diagnostics.error(.invalidDate, r.childPath("dispatch_datetime"),
                                  "not a date and time with an offset, such as 2026-11-24T09:12+01:00")
            }
        }
        if let letterDate, let day = dispatch {
            if day < letterDate {
                diagnostics.error(.dateOrder, r.childPath("dispatch_datetime"), "the letter cannot leave before its date")
            } else if letterDate.days(until: day) > CaseLimits.dispatchDaysAfterLetterDate {
                diagnostics.error(.outOfRange, r.childPath("dispatch_datetime"),
                                  "a letter leaves at most \(CaseLimits.dispatchDaysAfterLetterDate) days after its date")
            }
        }
        let letterVersion = r.wholeNumber("letter_version", in: CaseLimits.letterVersions) ?? 1
        let caseworker = r.object("caseworker").flatMap(readCaseworker)
        let periodRequested = r.object("period_requested").flatMap(readPeriod)
        let periodGranted = r.object("period_granted").flatMap(readPeriod)
        let plannedStart = r.date("planned_start_date")
        let provider = r.object("provider").flatMap(readProvider)
        let freeChoice = r.object("free_choice").map(readFreeChoice)
        let egenbetaling = r.object("egenbetaling").map(readEgenbetaling)
        let children = r.bool("children_under_18_at_home") ?? false
        let pregnant = r.bool("pregnant") ?? false
        let plan = r.object("behandlingsplan").map(readPlan)
        var holders: [CaseInput.CustodyHolder] = []
        for (i, item) in (r.array("custody_holders", maximumCount: CaseLimits.maximumCustodyHolders) ?? []).enumerated() {
            guard let h = FieldReader(item, path: "\(r.childPath("custody_holders"))[\(i)]", diagnostics: diagnostics) else { continue }
            var cpr: CPR?
            if let text = h.string("cpr", kind: .code) {
                switch CPR.parse(text, today: today) {
                case .success(let c): cpr = c
                case .failure(let problem): diagnostics.error(.invalidCPR, h.childPath("cpr"), "invalid CPR number: \(problem)")
                }
            }
            let name = h.string("name", required: true)
            let address = h.object("address", required: true).flatMap(readAddress)
            let status = h.enumValue("digital_post_status", DigitalPostStatus.self)
            h.rejectUnknownKeys()
            if let name { holders.append(.init(name: name, cpr: cpr, address: address, digitalPostStatus: status)) }
        }
        let complaintReceived = r.date("complaint_received_date")
        let expectedDecision = r.date("expected_decision_date")
        let treatmentEnd = r.date("treatment_end_date")
        let hearingDeadline = r.date("hearing_deadline")
        var handleplan: CaseInput.Handleplan?
        if let h = r.object("handleplan") {
            handleplan = .init(consent: h.bool("consent", required: true) ?? false, purpose: h.string("purpose", kind: .freeText),
                               services: h.stringArray("services", maximumCount: CaseLimits.maximumServices) ?? [],
                               expectedDuration: h.string("expected_duration"),
                               specialConditions: h.string("special_conditions", kind: .freeText), nextReview: h.date("next_review"))
            h.rejectUnknownKeys()
        }
        let exceptionReason = r.string("exception_reason", kind: .freeText)
        let earlierDecision = r.date("earlier_decision_date")
        let accessRequestReceived = r.date("access_request_received_date")
        let oralDecision = r.date("oral_decision_date")
        let justificationRequested = r.date("justification_requested_date")
        let representative = r.object("representative").flatMap { readRepresentative($0, today: today) }
        r.rejectUnknownKeys()

        guard let municipality, let letterType, let channel, let letterDate else { return nil }
        var input = CaseInput(
            municipalityCode: municipality, caseNumber: caseNumber, letterType: letterType,
            legalBasis: legalBasis, legalCitations: citations, substanceCategory: substance,
            treatmentTypeRequested: requested, treatmentTypeGranted: granted, outcome: outcome,
            applicationReceivedDate: applicationReceived, firstContactDate: firstContact,
            vumCompletedDate: vum, visitationsudvalgDate: committee, begrundelse: begrundelse,
            citizenViews: views, partshoering: hearing, citizen: citizen, anonymous: anonymous,
            channel: channel, letterDate: letterDate, dispatchDate: dispatch, dispatchInstant: dispatchInstant,
            letterVersion: letterVersion, caseworker: caseworker, periodRequested: periodRequested, periodGranted: periodGranted,
            plannedStartDate: plannedStart, provider: provider, freeChoice: freeChoice, egenbetaling: egenbetaling,
            childrenUnder18AtHome: children, pregnant: pregnant, behandlingsplan: plan, custodyHolders: holders,
            complaintReceivedDate: complaintReceived, expectedDecisionDate: expectedDecision, treatmentEndDate: treatmentEnd,
            hearingDeadline: hearingDeadline, handleplan: handleplan, earlierDecisionDate: earlierDecision,
            accessRequestReceivedDate: accessRequestReceived, oralDecisionDate: oralDecision,
            justificationRequestedDate: justificationRequested, representative: representative)
        input.exceptionReason = exceptionReason
        return input
    }

    private static func readBegrundelse(_ r: FieldReader) -> CaseInput.Begrundelse {
        let facts = r.stringArray("facts", maximumCount: CaseLimits.maximumFacts, kind: .freeText) ?? []
        let assessment = r.string("assessment", kind: .freeText)
        let thirdParty = r.bool("relies_on_third_party_information") ?? false
        r.rejectUnknownKeys()
        return .init(facts: facts, assessment: assessment, reliesOnThirdPartyInformation: thirdParty)
    }

    private static func readPartshoering(_ r: FieldReader) -> CaseInput.Partshoering {
        let performed = r.bool("performed", required: true) ?? false
        let date = r.date("date")
        let exception = r.string("exception_code", kind: .code)
        r.rejectUnknownKeys()
        return .init(performed: performed, date: date, exceptionCode: exception)
    }

    private static func readCitizen(_ r: FieldReader, today: CivilDate) -> CaseInput.Citizen {
        var cpr: CPR?
        if let text = r.string("cpr", kind: .code) {
            switch CPR.parse(text, today: today) {
            case .success(let c): cpr = c
            // The number itself is never echoed back: it is personal data.
            case .failure(let problem): r.diagnostics.error(.invalidCPR, r.childPath("cpr"), "invalid CPR number: \(problem)")
            }
        }
        let name = r.string("name")
        let address = r.object("address").flatMap(readAddress)
        let status = r.enumValue("digital_post_status", DigitalPostStatus.self)
        let protected = r.bool("protected_address") ?? false
        r.rejectUnknownKeys()
        return .init(cpr: cpr, name: name, address: address, digitalPostStatus: status, protectedAddress: protected)
    }

    private static func readRepresentative(_ r: FieldReader, today: CivilDate) -> CaseInput.Representative? {
        let name = r.string("name", required: true)
        let kind = r.enumValue("type", CaseInput.Representative.Kind.self, required: true)
        var cpr: CPR?
        if let text = r.string("cpr", kind: .code) {
            switch CPR.parse(text, today: today) {
            case .success(let c): cpr = c
            case .failure(let problem): r.diagnostics.error(.invalidCPR, r.childPath("cpr"), "invalid CPR number: \(problem)")
            }
        }
        let address = r.object("address", required: true).flatMap(readAddress)
        let status = r.enumValue("digital_post_status", DigitalPostStatus.self)
        r.rejectUnknownKeys()
        guard let name, let kind else { return nil }
        return .init(name: name, kind: kind, cpr: cpr, address: address, digitalPostStatus: status)
    }

    private static func readAddress(_ r: FieldReader) -> CaseInput.Address? {
        let co = r.string("co")
        let street = r.string("street", required: true)
        let postcode = r.string("postcode", required: true, kind: .code)
        let city = r.string("city", required: true)
        let countryCode = r.string("country_code", kind: .code)
        let countryName = r.string("country_name")
        let abroad = countryCode.map { $0 != "DK" } ?? false
        if let code = countryCode, !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }) {
            r.diagnostics.error(.invalidValue, r.childPath("country_code"), "a country is given by its ISO 3166 alpha-2 code, such as SE")
        }
        if abroad && countryName == nil {
            r.diagnostics.error(.missingField, r.childPath("country_name"), "an address abroad needs the country's name for the last address line")
        }
        if let postcode {
            if !abroad && !(postcode.count == 4 && postcode.allSatisfy(\.isNumber)) {
                r.diagnostics.error(.invalidValue, r.childPath("postcode"), "a Danish postcode has 4 digits")
            } else if abroad && !(1...10).contains(postcode.count) {
                r.diagnostics.error(.invalidValue, r.childPath("postcode"), "a postcode abroad has 1 to 10 characters")
            }
        }
        r.rejectUnknownKeys()
        guard let street, let postcode, let city else { return nil }
        return .init(co: co, street: street, postcode: postcode, city: city, countryCode: countryCode, countryName: countryName)
    }

    /// `{from, to}`, or `{from, months}`: "3 months from 1 March" ends on 31 May (start + 3
    /// months − 1 day, domain.md §2.3).
    private static func readPeriod(_ r: FieldReader) -> CaseInput.Period? {
        let from = r.date("from", required: true)
        let monthsGiven = r.value("months", required: false) != nil
        let months = r.wholeNumber("months", in: CaseLimits.periodMonths)
        var to = r.date("to", required: !monthsGiven)
        r.rejectUnknownKeys()
        if monthsGiven && months == nil { return nil }
        if let from, let months, to == nil {
            to = from.adding(months: months).adding(days: -1)
        } else if months != nil && to != nil {
            r.diagnostics.error(.invalidValue, r.childPath("months"), "give either to or months, not both")
        }
        guard let from, let to else { return nil }
        if to < from {
            r.diagnostics.error(.dateOrder, r.childPath("to"), "the period ends before it starts")
            return nil
        }
        return .init(from: from, to: to)
    }

    private static func readProvider(_ r: FieldReader) -> CaseInput.Provider? {
        let name = r.string("name", required: true)
        let address = r.string("address")
        let approved = r.bool("approved") ?? false
        _ = r.string("tilbudsportalen_id", kind: .code)
        r.rejectUnknownKeys()
        guard let name else { return nil }
        return .init(name: name, address: address, approved: approved)
    }

    private static func readFreeChoice(_ r: FieldReader) -> CaseInput.FreeChoice {
        let chosen = r.bool("chosen_other_provider") ?? false
        let sameType = r.bool("same_type") ?? true
        let restricted = r.bool("restricted") ?? false
        let reason = r.string("restriction_reason", kind: .freeText)
        _ = r.value("provider", required: false)
        r.rejectUnknownKeys()
        return .init(chosenOtherProvider: chosen, sameType: sameType, restricted: restricted, restrictionReason: reason)
    }

    private static func readEgenbetaling(_ r: FieldReader) -> CaseInput.Egenbetaling {
        let applies = r.bool("applies", required: true) ?? false
        let amount = r.number("amount", in: CaseLimits.egenbetalingKroner)
        let unit = r.string("unit")
        let covers = r.string("covers")
        let basis = r.string("basis", kind: .freeText)
        let collector = r.string("collector")
        let keepsOwnHome = r.bool("keeps_own_home")
        r.rejectUnknownKeys()
        return .init(applies: applies, amount: amount, unit: unit, covers: covers, basis: basis, collector: collector,
                     keepsOwnHome: keepsOwnHome)
    }

    private static func readPlan(_ r: FieldReader) -> CaseInput.Behandlingsplan {
        let enrolment = r.date("enrolment_date", required: true)
        var goals: [CaseInput.Behandlingsplan.Goal] = []
        for (i, item) in (r.array("goals", maximumCount: CaseLimits.maximumGoals, required: true) ?? []).enumerated() {
            guard let g = FieldReader(item, path: "\(r.childPath("goals"))[\(i)]", diagnostics: r.diagnostics) else { continue }
            let goal = CaseInput.Behandlingsplan.Goal(
                id: g.string("id", kind: .code), text: g.string("text", required: true, kind: .freeText) ?? "",
                indicator: g.string("indicator", kind: .freeText), targetDate: g.date("target_date"),
                lifeArea: g.string("life_area"), citizenAccepted: g.bool("citizen_accepted") ?? false)
            _ = g.string("status", kind: .code)
            g.rejectUnknownKeys()
            goals.append(goal)
        }
        var goalId: String?
        var notRelevant: String?
        if let e = r.object("education_employment") {
            goalId = e.string("goal_id", kind: .code)
            notRelevant = e.string("not_relevant_reason", kind: .freeText)
            e.rejectUnknownKeys()
        }
        let dayOrResidential = r.bool("day_or_residential") ?? false
        r.rejectUnknownKeys()
        return .init(enrolmentDate: enrolment, goals: goals, educationGoalId: goalId,
                     educationNotRelevantReason: notRelevant, dayOrResidential: dayOrResidential)
    }

    private static func readCaseworker(_ r: FieldReader) -> CaseInput.Caseworker? {
        let name = r.string("name", required: true)
        let title = r.string("title")
        let phone = r.string("phone")
        let email = r.string("email")
        r.rejectUnknownKeys()
        guard let name else { return nil }
        return .init(name: name, title: title, phone: phone, email: email)
    }
}
