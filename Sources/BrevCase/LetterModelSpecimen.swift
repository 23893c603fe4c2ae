extension LetterModel {
    /// A model with every optional value set and every list holding one element, so that a
    /// template checked against it is checked against every value the type has
    /// (`TemplateCatalog.load(directory:modelSpecimen:)`). Its words are placeholders; no
    /// letter is ever filled from it. A test walks it and fails on any nil or empty list, so a
    /// field added to the model cannot be left out of the check.
    public static let specimen = LetterModel(
        templateName: "specimen", letterId: "specimen", documentTitle: "titel", fileKind: "brev", documentLabel: "Brev",
        plan: Plan(enrolmentDate: "dato", goals: [PlanGoal(text: "mål", indicator: "tegn", targetDate: "dato")],
                   educationGoal: "mål", educationNotRelevantReason: "grund", reviews: [Review(name: "opfølgning", date: "dato")],
                   followUpMonths: "1", legalReference: "lov"),
        notice: Notice(complaintReceivedDate: "dato", forwardingDeadline: "dato", expectedDecisionDate: "dato",
                       hearingDeadline: "dato", treatmentEndDate: "dato"),
        handleplan: Handleplan(purpose: "formål", services: ["ydelse"], expectedDuration: "varighed",
                               specialConditions: "forhold", nextReview: "dato"),
        authority: Authority(name: "kommune", unit: "enhed", addressLines: ["adresse"], phone: "telefon", email: "e-mail", web: "web"),
        recipient: Recipient(name: "navn", addressLines: ["adresse"], returnLine: "retur", copyFor: "navn", applicant: "navn",
                             custodyHoldersGetCopy: true, representing: "navn", representativeRole: "rolle", representedBy: "navn",
                             digitalPost: true),
        letterDate: "dato", caseNumber: "sagsnr",
        caseworker: Caseworker(name: "navn", title: "titel", phone: "telefon", email: "e-mail"),
        application: Application(treatment: "behandling", treatmentDefinite: "behandlingen", receivedDate: "dato", committeeDate: "dato",
                                 outpatientStillAvailable: true, alcohol: true, drugs: true,
                                 parts: TreatmentParts(drugsLaw: "lov", alcoholLaw: "lov"),
                                 centreName: "center", centreAddress: "adresse", alcoholDetoxReferral: true),
        begrundelse: Begrundelse(facts: ["forhold"], assessment: "vurdering"),
        hearing: Hearing(date: "dato", citizenViews: "synspunkter"),
        legalCitations: ["lov"],
        klagevejledning: Klagevejledning(
            astViaKommune: AstViaKommune(deadline: "dato", complaintWeeks: 4, reassessmentWeeks: 4, byPaper: true, digitalPost: true,
                                         presumedReceivedDate: "dato", countsFrom: "afgørelsen", countsFromPronoun: "den", recipient: "modtager", address: "adresse", caseNumber: "sagsnr",
                                         citizensAdviser: CitizensAdviser(name: "navn", phone: "telefon", email: "e-mail")),
            noneAlcohol: true, none101a: true, stpk: true,
            socialHeading: "overskrift", alcoholHeading: "overskrift", healthHeading: "overskrift"),
        complaintGuidance: true,
        grant: Grant(treatment: "behandling", requestedTreatment: "behandling", otherTypeThanRequested: true, period: "periode",
                     requestedPeriod: "periode", shorterPeriod: true, startDate: "dato", provider: "sted", providerAddress: "adresse",
                     guaranteeDeadline: "dato", guaranteeWaived: true, doctorTalk: true, freeChoice: true,
                     egenbetaling: Egenbetaling(amount: "beløb", unit: "enhed", covers: "dækker", basis: "grundlag", collector: "opkræver"),
                     restrictedChoiceReason: "grund"),
        reportingDuty: true, pregnant: true,
        followUp: FollowUp(earlierDecisionDate: "dato", accessRequestReceivedDate: "dato", accessDays: 7, oralDecisionDate: "dato",
                           justificationRequestedDate: "dato", full: true, partial: true, refused: true, grantedTreatment: "behandling"))
}
