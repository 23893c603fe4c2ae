import BrevCase
import Mustache

// How the templates reach the model's values: by name, through a switch, instead of
// swift-mustache's `Mirror` reflection (which walks every stored property of a value for each
// tag: a tenth of a letter's instructions). Each case is the stored property of the same name,
// with its kind (`MustacheValue`: `MustacheFiller` then needs no dynamic cast to know what a tag
// does with it); nil for a name the type does not have, as Mirror gives. An optional that is
// nil arrives as nil, as Mirror unwraps it. swift-mustache gets the same values through
// `child(named:)` (`MustacheObject`).
//
// `LetterModelMustacheTests` checks every stored property of every type here against Mirror, so
// a field added to the model and forgotten here fails a test; the catalog's check against
// `LetterModel.specimen` also refuses, at load, a template naming a value these cannot reach.

extension LetterModel: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "templateName": .string(templateName)
        case "letterId": .string(letterId)
        case "documentTitle": .string(documentTitle)
        case "fileKind": .string(fileKind)
        case "documentLabel": .string(documentLabel)
        case "plan": plan.map { .object($0) }
        case "notice": .object(notice)
        case "handleplan": handleplan.map { .object($0) }
        case "authority": .object(authority)
        case "recipient": .object(recipient)
        case "letterDate": .string(letterDate)
        case "caseNumber": .string(caseNumber)
        case "caseworker": .object(caseworker)
        case "application": .object(application)
        case "begrundelse": .object(begrundelse)
        case "hearing": hearing.map { .object($0) }
        case "legalCitations": .list(legalCitations)
        case "klagevejledning": .object(klagevejledning)
        case "complaintGuidance": .bool(complaintGuidance)
        case "grant": grant.map { .object($0) }
        case "reportingDuty": .bool(reportingDuty)
        case "pregnant": .bool(pregnant)
        case "followUp": followUp.map { .object($0) }
        default: nil
        }
    }
}

extension LetterModel.FollowUp: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "earlierDecisionDate": earlierDecisionDate.map(MustacheValue.string)
        case "accessRequestReceivedDate": accessRequestReceivedDate.map(MustacheValue.string)
        case "accessDays": .int(accessDays)
        case "oralDecisionDate": oralDecisionDate.map(MustacheValue.string)
        case "justificationRequestedDate": justificationRequestedDate.map(MustacheValue.string)
        case "full": .bool(full)
        case "partial": .bool(partial)
        case "refused": .bool(refused)
        case "grantedTreatment": .string(grantedTreatment)
        default: nil
        }
    }
}

extension LetterModel.Authority: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .string(self.name)
        case "unit": .string(unit)
        case "addressLines": .list(addressLines)
        case "phone": .string(phone)
        case "email": email.map(MustacheValue.string)
        case "web": web.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.Recipient: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .string(self.name)
        case "addressLines": .list(addressLines)
        case "returnLine": returnLine.map(MustacheValue.string)
        case "copyFor": copyFor.map(MustacheValue.string)
        case "applicant": .string(applicant)
        case "custodyHoldersGetCopy": .bool(custodyHoldersGetCopy)
        case "representing": representing.map(MustacheValue.string)
        case "representativeRole": representativeRole.map(MustacheValue.string)
        case "representedBy": representedBy.map(MustacheValue.string)
        case "digitalPost": .bool(digitalPost)
        default: nil
        }
    }
}

extension LetterModel.Caseworker: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .string(self.name)
        case "title": title.map(MustacheValue.string)
        case "phone": phone.map(MustacheValue.string)
        case "email": email.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.Application: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "treatment": .string(treatment)
        case "treatmentDefinite": .string(treatmentDefinite)
        case "receivedDate": .string(receivedDate)
        case "committeeDate": committeeDate.map(MustacheValue.string)
        case "outpatientStillAvailable": .bool(outpatientStillAvailable)
        case "alcohol": .bool(alcohol)
        case "drugs": .bool(drugs)
        case "parts": parts.map { .object($0) }
        case "centreName": .string(centreName)
        case "centreAddress": .string(centreAddress)
        case "alcoholDetoxReferral": .bool(alcoholDetoxReferral)
        default: nil
        }
    }
}

extension LetterModel.TreatmentParts: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "drugsLaw": .string(drugsLaw)
        case "alcoholLaw": .string(alcoholLaw)
        default: nil
        }
    }
}

extension LetterModel.Grant: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "treatment": .string(treatment)
        case "requestedTreatment": .string(requestedTreatment)
        case "otherTypeThanRequested": .bool(otherTypeThanRequested)
        case "period": period.map(MustacheValue.string)
        case "requestedPeriod": requestedPeriod.map(MustacheValue.string)
        case "shorterPeriod": .bool(shorterPeriod)
        case "startDate": .string(startDate)
        case "provider": .string(provider)
        case "providerAddress": providerAddress.map(MustacheValue.string)
        case "guaranteeDeadline": guaranteeDeadline.map(MustacheValue.string)
        case "guaranteeWaived": .bool(guaranteeWaived)
        case "doctorTalk": .bool(doctorTalk)
        case "freeChoice": .bool(freeChoice)
        case "egenbetaling": egenbetaling.map { .object($0) }
        case "restrictedChoiceReason": restrictedChoiceReason.map(MustacheValue.string)
        case "guaranteeDays": .int(guaranteeDays)
        case "guaranteeBroken": .bool(guaranteeBroken)
        default: nil
        }
    }
}

extension LetterModel.Egenbetaling: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "amount": .string(amount)
        case "unit": .string(unit)
        case "covers": .string(covers)
        case "basis": .string(basis)
        case "collector": .string(collector)
        default: nil
        }
    }
}

extension LetterModel.Plan: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "enrolmentDate": .string(enrolmentDate)
        case "goals": .list(goals)
        case "educationGoal": educationGoal.map(MustacheValue.string)
        case "educationNotRelevantReason": educationNotRelevantReason.map(MustacheValue.string)
        case "reviews": .list(reviews)
        case "followUpMonths": .string(followUpMonths)
        case "legalReference": .string(legalReference)
        default: nil
        }
    }
}

extension LetterModel.Notice: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "complaintReceivedDate": complaintReceivedDate.map(MustacheValue.string)
        case "forwardingDeadline": forwardingDeadline.map(MustacheValue.string)
        case "expectedDecisionDate": expectedDecisionDate.map(MustacheValue.string)
        case "hearingDeadline": hearingDeadline.map(MustacheValue.string)
        case "treatmentEndDate": treatmentEndDate.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.Handleplan: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "purpose": .string(purpose)
        case "services": .list(services)
        case "expectedDuration": .string(expectedDuration)
        case "specialConditions": specialConditions.map(MustacheValue.string)
        case "nextReview": nextReview.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.PlanGoal: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "text": .string(text)
        case "indicator": .string(indicator)
        case "targetDate": .string(targetDate)
        default: nil
        }
    }
}

extension LetterModel.Review: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .string(self.name)
        case "date": .string(date)
        default: nil
        }
    }
}

extension LetterModel.Begrundelse: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "facts": .list(facts)
        case "assessment": .string(assessment)
        default: nil
        }
    }
}

extension LetterModel.Hearing: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "date": .string(date)
        case "citizenViews": citizenViews.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.Klagevejledning: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "astViaKommune": astViaKommune.map { .object($0) }
        case "noneAlcohol": .bool(noneAlcohol)
        case "none101a": .bool(none101a)
        case "stpk": .bool(stpk)
        case "socialHeading": socialHeading.map(MustacheValue.string)
        case "alcoholHeading": alcoholHeading.map(MustacheValue.string)
        case "healthHeading": healthHeading.map(MustacheValue.string)
        default: nil
        }
    }
}

extension LetterModel.AstViaKommune: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "deadline": .string(deadline)
        case "complaintWeeks": .int(complaintWeeks)
        case "reassessmentWeeks": .int(reassessmentWeeks)
        case "byPaper": .bool(byPaper)
        case "digitalPost": .bool(digitalPost)
        case "presumedReceivedDate": .string(presumedReceivedDate)
        case "countsFrom": .string(countsFrom)
        case "countsFromPronoun": .string(countsFromPronoun)
        case "recipient": .string(recipient)
        case "address": .string(address)
        case "caseNumber": .string(caseNumber)
        case "citizensAdviser": citizensAdviser.map { .object($0) }
        default: nil
        }
    }
}

extension LetterModel.CitizensAdviser: MustacheObject {
    public func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .string(self.name)
        case "phone": phone.map(MustacheValue.string)
        case "email": email.map(MustacheValue.string)
        default: nil
        }
    }
}
