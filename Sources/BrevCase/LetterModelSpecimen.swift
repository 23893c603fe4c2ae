extension LetterModel {
    /// A model with every optional value set and every list holding one element, so that a
    /// template checked against it is checked against every value the type has
    /// (`TemplateCatalog.load(directory:modelSpecimen:)`). Its words are placeholders; no
    /// letter is ever filled from it. A test walks it and fails on any nil or empty list, so a
    /// field added to the model cannot be left out of the check. Within each type its words and
    /// numbers differ, so a test can tell which property a template reaches by a name.
    public static let specimen = LetterModel(
        templateName: "specimen", letterId: "specimen", documentTitle: "titel", fileKind: "brev", documentLabel: "Brev",
        plan: Plan(enrolmentDate: "indskrevet", goals: [PlanGoal(text: "mål", indicator: "tegn", targetDate: "dato")],
                   educationGoal: "uddannelsesmål", educationNotRelevantReason: "grund", reviews: [Review(name: "opfølgning", date: "dato")],
                   followUpMonths: "1", legalReference: "lov"),
        notice: Notice(complaintReceivedDate: "klage modtaget", forwardingDeadline: "videresendes senest", expectedDecisionDate: "afgørelse ventes",
                       hearingDeadline: "høringsfrist", treatmentEndDate: "behandlingen slutter"),
        handleplan: Handleplan(purpose: "formål", services: ["ydelse"], expectedDuration: "varighed",
                               specialConditions: "forhold", nextReview: "næste opfølgning"),
        authority: Authority(name: "kommune", unit: "enhed", addressLines: ["adresse"], phone: "telefon", email: "e-mail", web: "web"),
        recipient: Recipient(name: "navn", addressLines: ["adresse"], returnLine: "retur", copyFor: "kopi til", applicant: "ansøger",
                             custodyHoldersGetCopy: true, representing: "repræsenterer", representativeRole: "rolle", representedBy: "repræsenteret af",
                             digitalPost: true),
        letterDate: "dato", caseNumber: "sagsnr",
        caseworker: Caseworker(name: "navn", title: "titel", phone: "telefon", email: "e-mail"),
        application: Application(treatment: "behandling", treatmentDefinite: "behandlingen", receivedDate: "modtaget", committeeDate: "visitationsudvalg",
                                 outpatientStillAvailable: true, alcohol: true, drugs: true,
                                 parts: TreatmentParts(drugsLaw: "stoflov", alcoholLaw: "alkohollov"),
                                 centreName: "center", centreAddress: "adresse", alcoholDetoxReferral: true),
        begrundelse: Begrundelse(facts: ["forhold"], assessment: "vurdering"),
        hearing: Hearing(date: "hørt", citizenViews: "synspunkter"),
        legalCitations: ["lov"],
        klagevejledning: Klagevejledning(
            astViaKommune: AstViaKommune(deadline: "klagefrist", complaintWeeks: 4, reassessmentWeeks: 5, byPaper: true, digitalPost: true,
                                         presumedReceivedDate: "modtaget", countsFrom: "afgørelsen", countsFromPronoun: "den", recipient: "modtager", address: "adresse", caseNumber: "sagsnr",
                                         citizensAdviser: CitizensAdviser(name: "navn", phone: "telefon", email: "e-mail")),
            noneAlcohol: true, none101a: true, stpk: true,
            socialHeading: "social", alcoholHeading: "alkohol", healthHeading: "sundhed"),
        complaintGuidance: true,
        grant: Grant(treatment: "behandling", requestedTreatment: "ønsket behandling", otherTypeThanRequested: true, period: "periode",
                     requestedPeriod: "ønsket periode", shorterPeriod: true, startDate: "start", provider: "sted", providerAddress: "adresse",
                     guaranteeDeadline: "garantifrist", guaranteeWaived: true, doctorTalk: true, freeChoice: true,
                     egenbetaling: Egenbetaling(amount: "beløb", unit: "enhed", covers: "dækker", basis: "grundlag", collector: "opkræver"),
                     restrictedChoiceReason: "grund"),
        reportingDuty: true, pregnant: true,
        followUp: FollowUp(earlierDecisionDate: "tidligere afgørelse", accessRequestReceivedDate: "anmodning modtaget", accessDays: 7, oralDecisionDate: "mundtlig afgørelse",
                           justificationRequestedDate: "begrundelse ønsket", full: true, partial: true, refused: true, grantedTreatment: "behandling"))
}
