import BrevCore
import Foundation

/// Applies the legal rules to a validated case and its municipality's profile, producing the
/// values a template prints. Call only when `CaseValidator` found no errors.
public struct LetterModelBuilder {
    public let profile: MunicipalityProfile

    public init(profile: MunicipalityProfile) {
        self.profile = profile
    }

    /// Template folders by letter type; a type without a template is reported, not guessed.
    public static let templateNames: [LetterType: String] = [
        .afslag: "afslag", .bevilling: "bevilling", .delvisBevilling: "delvis-bevilling",
        .behandlingsplan: "behandlingsplan", .afslagForlaengelse: "afslag-forlaengelse", .ophoer: "ophoer",
        .partshoering: "partshoering", .svarfristOrientering: "svarfrist-orientering",
        .viderestendtAST: "videresendt-ankestyrelsen", .handleplan: "handleplan",
        .genvurderingAendret: "genvurdering-aendret", .aktindsigt: "aktindsigt", .klagevejledning: "klagevejledning",
        .skriftligBegrundelse: "skriftlig-begrundelse",
    ]

    /// The only thing an anonymous case (SEL § 101a) gets: a general sheet handed over in person.
    public static let anonymousTemplate = "anonym-information"

    public enum BuildError: Error, CustomStringConvertible {
        case noTemplate(LetterType)
        case anonymous
        public var description: String {
            switch self {
            case .noTemplate(let t): return "brev has no template for letter type \(t.rawValue) yet"
            case .anonymous: return "an anonymous case gets only the in-person information sheet, which brev does not make yet"
            }
        }
    }

    /// Who a copy of the letter is for: the citizen, or one of the custody holders of a young person.
    public enum Recipient: Sendable, Hashable {
        case citizen
        case custodyHolder(Int)
        /// The citizen's representative (FVL § 8): the letter goes to them, the citizen gets a copy.
        case representative
    }

    /// Every recipient of the case's letter: the representative if there is one, the citizen,
    /// then each custody holder (domain.md §3, minors; §6 `representative`).
    public static func recipients(of c: CaseInput) -> [Recipient] {
        (c.representative == nil || c.anonymous ? [] : [.representative]) + [.citizen] + c.custodyHolders.indices.map { .custodyHolder($0) }
    }

    public func build(_ c: CaseInput, for recipient: Recipient = .citizen) throws -> LetterModel {
        if AnonymityRule.isAnonymous(c) { return anonymousSheet(c) }
        guard let templateName = LetterModelBuilder.templateNames[c.letterType] else { throw BuildError.noTemplate(c.letterType) }
        guard let citizen = c.citizen, c.caseworker != nil else { throw BuildError.anonymous }
        let caseNumber = c.caseNumber ?? ""
        let a = profile.authority
        let rule = profile.complaintDeadlineRule
        let to = addressee(c, citizen: citizen, recipient: recipient)
        let (name, addressLines, recipientChannel) = (to.name, to.addressLines, to.channel)
        let channel: DeliveryChannel = recipientChannel == .print ? .paper : (recipientChannel == .inPerson ? .inPerson : .digitalPost)
        var received = rule.receivedDate(letterDate: c.letterDate, dispatchDate: c.dispatchDate, channel: channel)
        // Renewed guidance, and the justification of an oral decision: whether the deadline runs
        // from this letter is each rule's constant (an assumption for a lawyer in the latter).
        let countsFromThisLetter = c.letterType == .klagevejledning
            ? RenewedComplaintGuidanceRule.complaintDeadlineRunsFromThisLetter
            : c.letterType == .skriftligBegrundelse && OralDecisionJustificationRule.complaintDeadlineRunsFromThisLetter
        if c.letterType == .skriftligBegrundelse && !countsFromThisLetter, let oral = c.oralDecisionDate {
            received = oral // given in person: received that day
        }
        let deadline = rule.deadline(received: received)

        let routes = ComplaintRoute.routes(for: c.legalBasis)
        var klage = LetterModel.Klagevejledning(astViaKommune: nil, noneAlcohol: routes.contains(.noneAlcohol),
                                                none101a: routes.contains(.none101a), stpk: routes.contains(.stpk),
                                                socialHeading: ComplaintRoute.heading(of: .astViaKommune, among: routes),
                                                alcoholHeading: ComplaintRoute.heading(of: .noneAlcohol, among: routes),
                                                healthHeading: ComplaintRoute.heading(of: .stpk, among: routes))
        if routes.contains(.astViaKommune) {
            klage.astViaKommune = LetterModel.AstViaKommune(
                deadline: DanishDateFormat.longWithWeekday(deadline),
                complaintWeeks: profile.deadlines.complaintWeeks,
                reassessmentWeeks: profile.deadlines.reassessmentWeeks,
                byPaper: channel == .paper,
                digitalPost: to.canUseDigitalPost,
                presumedReceivedDate: DanishDateFormat.longWithWeekday(received),
                countsFrom: countsFromThisLetter ? "dette brev" : "afgørelsen",
                countsFromPronoun: countsFromThisLetter ? "det" : "den",
                recipient: profile.complaints.recipient,
                address: profile.complaints.address.joined(separator: ", "),
                caseNumber: caseNumber,
                citizensAdviser: profile.complaints.citizensAdviser.map {
                    LetterModel.CitizensAdviser(name: $0.name, phone: $0.phone, email: $0.email)
                })
        }

        let requested = c.treatmentTypeRequested ?? .ambulant
        let hearing: LetterModel.Hearing? = c.partshoering.flatMap { h in
            guard h.performed, let date = h.date else { return nil }
            return LetterModel.Hearing(date: DanishDateFormat.long(date), citizenViews: c.citizenViews)
        }

        var grant: LetterModel.Grant?
        if let granted = c.treatmentTypeGranted, c.letterType == .bevilling || c.letterType == .delvisBevilling {
            func period(_ p: CaseInput.Period?) -> String? {
                p.map { "\(DanishDateFormat.long($0.from)) – \(DanishDateFormat.long($0.to))" }
            }
            grant = LetterModel.Grant(
                treatment: granted.danishNoun, requestedTreatment: requested.danishNoun,
                otherTypeThanRequested: granted != requested,
                period: period(c.periodGranted), requestedPeriod: period(c.periodRequested),
                shorterPeriod: (c.periodGranted?.days ?? .max) < (c.periodRequested?.days ?? .max),
                startDate: c.plannedStartDate.map(DanishDateFormat.longWithWeekday) ?? "",
                provider: c.provider?.name ?? "", providerAddress: c.provider?.address,
                guaranteeDeadline: TreatmentGuaranteeRule.deadline(c).map(DanishDateFormat.long),
                guaranteeWaived: FreeChoiceRule.waivesGuarantee(c),
                doctorTalk: c.legalBasis.contains(.sel101) || c.legalBasis.contains(.bl33),
                freeChoice: c.legalBasis.contains(.sel101) || c.legalBasis.contains(.bl33),
                egenbetaling: c.egenbetaling.flatMap { e in
                    guard e.applies, let amount = e.amount else { return nil }
                    return LetterModel.Egenbetaling(amount: DanishNumberFormat.kroner(amount), unit: e.unit ?? "om måneden",
                                                    covers: e.covers ?? "", basis: e.basis ?? "",
                                                    collector: e.collector ?? profile.authority.name)
                },
                restrictedChoiceReason: c.freeChoice?.restricted == true ? c.freeChoice?.restrictionReason : nil,
                guaranteeBroken: TreatmentGuaranteeRule.isBroken(c))
        }
        let complaintGuidance: Bool
        switch c.letterType {
        case .bevilling: complaintGuidance = profile.complaintGuidanceOnFullGrant
        // FVL § 25: no guidance is owed when the answer gives full support.
        case .aktindsigt: complaintGuidance = c.outcome != .fuld
        case .genvurderingAendret: complaintGuidance = c.outcome != .fuld || profile.complaintGuidanceOnFullGrant
        default: complaintGuidance = true
        }
        let isDecision = c.letterType.isDecision
        var plan: LetterModel.Plan?
        if let p = c.behandlingsplan, let enrolment = p.enrolmentDate {
            let schedule = TreatmentSchedule(calendar: rule.calendar)
            let reviews = schedule.citizenConferences(enrolment: enrolment) + [schedule.goalStatus(enrolment: enrolment)]
            let months = profile.followUpMonths.sorted().map(String.init)
            plan = LetterModel.Plan(
                enrolmentDate: DanishDateFormat.long(enrolment),
                goals: p.goals.map { .init(text: $0.text, indicator: $0.indicator ?? "", targetDate: $0.targetDate.map(DanishDateFormat.long) ?? "") },
                educationGoal: p.educationGoalId.flatMap { id in p.goals.first { $0.id == id }?.text },
                educationNotRelevantReason: p.educationNotRelevantReason,
                reviews: reviews.sorted { $0.due < $1.due }.map { .init(name: $0.name, date: DanishDateFormat.longWithWeekday($0.due)) },
                followUpMonths: months.count > 1 ? months.dropLast().joined(separator: ", ") + " og " + months.last! : months.joined(),
                legalReference: c.legalBasis.contains(.bl33) ? "barnets lov § 33" : "servicelovens § 101, stk. 8")
        }

        return LetterModel(
            templateName: templateName,
            letterId: LetterModelBuilder.letterId(c, addressee: to, recipient: recipient),
            documentTitle: isDecision ? profile.decisionTitle : profile.letterTitle,
            fileKind: isDecision ? "afgoerelse" : "brev",
            documentLabel: isDecision ? "Afgørelse" : "Brev",
            plan: plan,
            notice: notice(c),
            handleplan: c.handleplan.map {
                .init(purpose: $0.purpose ?? "", services: $0.services, expectedDuration: $0.expectedDuration ?? "",
                      specialConditions: $0.specialConditions, nextReview: $0.nextReview.map(DanishDateFormat.long))
            },
            authority: .init(name: a.name, unit: a.unit, addressLines: a.address, phone: a.phone, email: a.email, web: a.web),
            recipient: .init(name: name, addressLines: addressLines,
                             returnLine: recipientChannel == .print ? profile.returnLine : nil, copyFor: to.copyFor,
                             applicant: to.copyFor ?? to.representing ?? "Du",
                             custodyHoldersGetCopy: recipient == .citizen && !c.custodyHolders.isEmpty,
                             representing: to.representing,
                             representativeRole: recipient == .representative ? c.representative.map(LetterModelBuilder.role) : nil,
                             representedBy: recipient == .citizen ? c.representative?.name : nil,
                             digitalPost: to.canUseDigitalPost),
            letterDate: DanishDateFormat.long(c.letterDate),
            caseNumber: caseNumber,
            caseworker: .init(name: c.caseworker!.name, title: c.caseworker!.title,
                              phone: c.caseworker!.phone, email: c.caseworker!.email),
            application: .init(
                treatment: requested.danishNoun,
                treatmentDefinite: requested.danishDefinite,
                receivedDate: c.applicationReceivedDate.map(DanishDateFormat.long) ?? "",
                committeeDate: c.visitationsudvalgDate.map(DanishDateFormat.long),
                outpatientStillAvailable: requested == .dag || requested == .doegn,
                alcohol: c.legalBasis.contains(.sul141),
                drugs: SubstanceBasisRule.hasDrugPart(c),
                parts: SubstanceBasisRule.parts(c),
                centreName: profile.centre.name,
                centreAddress: profile.centre.address.joined(separator: ", "),
                alcoholDetoxReferral: c.treatmentTypeRequested == .afgiftning && AlcoholDetoxRule.involvesAlcohol(c)),
            begrundelse: .init(facts: c.begrundelse?.facts ?? [], assessment: c.begrundelse?.assessment ?? ""),
            hearing: hearing,
            legalCitations: c.legalCitations,
            klagevejledning: klage,
            complaintGuidance: complaintGuidance,
            grant: grant,
            reportingDuty: c.childrenUnder18AtHome,
            pregnant: c.pregnant,
            followUp: followUp(c))
    }

    /// The facts of a letter that answers or follows an earlier step; nil on the other kinds.
    func followUp(_ c: CaseInput) -> LetterModel.FollowUp? {
        guard [.aktindsigt, .genvurderingAendret, .klagevejledning, .skriftligBegrundelse].contains(c.letterType) else { return nil }
        let long = DanishDateFormat.long
        return .init(earlierDecisionDate: c.earlierDecisionDate.map(long),
                     accessRequestReceivedDate: c.accessRequestReceivedDate.map(long),
                     accessDays: AccessToFilesRule.answerWorkingDays,
                     oralDecisionDate: c.oralDecisionDate.map(long),
                     justificationRequestedDate: c.justificationRequestedDate.map(long),
                     full: c.outcome == .fuld, partial: c.outcome == .delvis, refused: c.outcome == .afslag,
                     grantedTreatment: (c.treatmentTypeGranted ?? c.treatmentTypeRequested ?? .ambulant).danishNoun)
    }

    /// How the letter to `recipient` leaves: built beside the model, never handed to a template.
    public func delivery(_ c: CaseInput, for recipient: Recipient = .citizen) -> LetterDelivery {
        let created = c.dispatchInstant ?? CopenhagenTime.instant(fromISO: CopenhagenTime.isoMidnight(c.letterDate))!
        guard !AnonymityRule.isAnonymous(c), let citizen = c.citizen else {
            // The anonymous sheet is handed over in person: no message, no identifier.
            return LetterDelivery(channel: .inPerson, messageUUID: "", recipientCPR: nil, recipientName: "", addressLines: [],
                                  caseNumber: "", created: created, profile: profile, isDecision: false)
        }
        let to = addressee(c, citizen: citizen, recipient: recipient)
        let caseNumber = c.caseNumber ?? ""
        return LetterDelivery(
            channel: to.channel,
            messageUUID: MessageUUID.derive(from: ["brev-message-v2", c.municipalityCode, caseNumber, c.letterType.rawValue,
                                                   to.identity, String(c.letterVersion)]),
            recipientCPR: to.cpr, recipientName: to.name, addressLines: to.addressLines, countryCode: to.countryCode,
            caseNumber: caseNumber, created: created, profile: profile, isDecision: c.letterType.isDecision,
            printedLocally: to.channel == .print && to.cpr == nil && recipient != .citizen)
    }

    /// How the representative's letter names their role (FVL § 8).
    static func role(_ r: CaseInput.Representative) -> String {
        switch r.kind {
        case .partsrepraesentant: return "er partsrepræsentant for"
        case .fuldmagt: return "har fuldmagt fra"
        }
    }

    /// Who one copy of the letter is for and how it reaches them: a custody holder's copy goes
    /// to their own address, by Digital Post if they have it, and their deadline follows their channel.
    struct Addressee {
        var name: String
        var addressLines: [String]
        var cpr: String?
        var channel: LetterDelivery.Channel
        /// On a custody holder's copy: the young person's name.
        var copyFor: String?
        /// What tells this recipient apart from any other: the CPR number, or without one the
        /// name and address, with the copy's place among the custody holders.
        var identity: String
        /// Whether the complaint guidance may point to Digital Post: not for a child under 15
        /// (no mailbox before 15), nor for a custody holder without a CPR number.
        var canUseDigitalPost: Bool
        /// On the representative's letter: the citizen's name.
        var representing: String? = nil
        /// The address's country for remote print.
        var countryCode = "DK"
    }

    func addressee(_ c: CaseInput, citizen: CaseInput.Citizen, recipient: Recipient) -> Addressee {
        var channel: LetterDelivery.Channel
        switch c.channel {
        case .digitalPost: channel = .digitalPost
        case .fysisk: channel = .print
        case .personlig: channel = .inPerson
        case .ingen: channel = .none
        }
        var to = Addressee(name: citizen.name ?? "", addressLines: citizen.address?.lines ?? [], cpr: citizen.cpr?.digits,
                           channel: channel, copyFor: nil, identity: "citizen",
                           canUseDigitalPost: !(citizen.digitalPostStatus == .under15 || citizen.cpr.map { $0.age(on: c.letterDate) < 15 } == true))
        if case .custodyHolder(let i) = recipient {
            let holder = c.custodyHolders[i]
            to = Addressee(name: holder.name, addressLines: holder.address?.lines ?? [], cpr: holder.cpr?.digits,
                           channel: holder.digitalPostStatus == .tilmeldt && holder.cpr != nil ? .digitalPost : .print,
                           copyFor: citizen.name, identity: "custody-\(i)", canUseDigitalPost: holder.cpr != nil)
        }
        if recipient == .representative, let rep = c.representative {
            to = Addressee(name: rep.name, addressLines: rep.address?.lines ?? [], cpr: rep.cpr?.digits,
                           channel: rep.digitalPostStatus == .tilmeldt && rep.cpr != nil ? .digitalPost : .print,
                           copyFor: nil, identity: "representative", canUseDigitalPost: rep.cpr != nil,
                           representing: citizen.name)
        }
        let address: CaseInput.Address?
        switch recipient {
        case .citizen: address = citizen.address
        case .custodyHolder(let i): address = c.custodyHolders[i].address
        case .representative: address = c.representative?.address
        }
        if let address, address.isAbroad, let code = address.countryCode { to.countryCode = code }
        to.identity += "|" + (to.cpr ?? ([to.name] + to.addressLines).joined(separator: "\u{1F}"))
        return to
    }

    func notice(_ c: CaseInput) -> LetterModel.Notice {
        let long = DanishDateFormat.longWithWeekday
        return .init(complaintReceivedDate: c.complaintReceivedDate.map(long),
                     forwardingDeadline: c.complaintReceivedDate.map { long(ForwardingDeadlineRule.deadline(complaintReceived: $0)) },
                     expectedDecisionDate: c.expectedDecisionDate.map(long), hearingDeadline: c.hearingDeadline.map(long),
                     treatmentEndDate: c.treatmentEndDate.map(long))
    }

    /// The anonymous sheet names no one and carries no identifier; nothing is posted or sent.
    func anonymousSheet(_ c: CaseInput) -> LetterModel {
        let a = profile.authority
        return LetterModel(
            templateName: LetterModelBuilder.anonymousTemplate,
            // What the sheet says varies only with these: equal sheets share an id, different ones never.
            letterId: LetterModelBuilder.letterId(seed: ["anonymous", c.municipalityCode, c.letterType.rawValue, c.letterDate.iso,
                                                         c.treatmentTypeRequested?.rawValue ?? "",
                                                         c.legalBasis.map(\.rawValue).sorted().joined(separator: ",")]),
            documentTitle: profile.letterTitle, fileKind: "brev", documentLabel: "Brev", plan: nil, notice: notice(c),
            handleplan: nil,
            authority: .init(name: a.name, unit: a.unit, addressLines: a.address, phone: a.phone, email: a.email, web: a.web),
            recipient: .init(name: "", addressLines: [], returnLine: nil, copyFor: nil, applicant: "Du", custodyHoldersGetCopy: false,
                             representing: nil, representativeRole: nil, representedBy: nil, digitalPost: false),
            letterDate: DanishDateFormat.long(c.letterDate), caseNumber: "",
            caseworker: .init(name: "", title: nil, phone: nil, email: nil),
            application: .init(treatment: (c.treatmentTypeRequested ?? .anonymAmbulant).danishNoun,
                               treatmentDefinite: (c.treatmentTypeRequested ?? .anonymAmbulant).danishDefinite, receivedDate: "",
                               committeeDate: nil, outpatientStillAvailable: false, alcohol: c.legalBasis.contains(.sul141),
                               centreName: profile.centre.name, centreAddress: profile.centre.address.joined(separator: ", ")),
            begrundelse: .init(facts: [], assessment: ""), hearing: nil, legalCitations: [],
            klagevejledning: .init(astViaKommune: nil, noneAlcohol: false, none101a: true, stpk: false),
            complaintGuidance: false, grant: nil, reportingDuty: false, pregnant: false, followUp: nil)
    }

    /// Deterministic and opaque: the same letter always gets the same id, and the id reveals
    /// neither the citizen nor the treatment. Two citizens whose cases share number, type and
    /// date get different ids: the municipality and the recipient's identity are hashed in.
    static func letterId(_ c: CaseInput, addressee: Addressee, recipient: Recipient) -> String {
        letterId(seed: [c.municipalityCode, c.caseNumber ?? "", c.letterType.rawValue, c.letterDate.iso,
                        String(c.letterVersion), addressee.identity])
    }

    /// Consonants only, no vowels (a e i o u y æ ø å) and no digits: an id cannot spell a word,
    /// a name or a treatment, and a file name built from it can never look like a date or a CPR number.
    public static let idAlphabet = Array("bcdfghjklmnpqrstvwxz")

    /// 16 characters from the alphabet's 20, about 69 bits of the hash.
    public static func letterId(seed parts: [String]) -> String {
        let digest = SHA256.digest(Array((["brev-letter-v2"] + parts).joined(separator: "\u{1F}").utf8))
        return String((0..<16).map { i in
            idAlphabet[Int(UInt16(digest[2 * i]) << 8 | UInt16(digest[2 * i + 1])) % idAlphabet.count]
        })
    }
}
