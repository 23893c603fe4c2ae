import BrevCase
import Mustache

// How the templates reach the model's values: by name, through a switch, instead of
// swift-mustache's `Mirror` reflection (which walks every stored property of a value for each
// tag: a tenth of a letter's instructions). Each case is the stored property of the same name;
// nil for a name the type does not have, as Mirror gives. An optional that is nil arrives as
// nil, as Mirror unwraps it.
//
// `LetterModelMustacheTests` checks every stored property of every type here against Mirror, so
// a field added to the model and forgotten here fails a test; the catalog's check against
// `LetterModel.specimen` also refuses, at load, a template naming a value these cannot reach.

extension LetterModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "templateName": templateName
        case "letterId": letterId
        case "documentTitle": documentTitle
        case "fileKind": fileKind
        case "documentLabel": documentLabel
        case "plan": plan
        case "notice": notice
        case "handleplan": handleplan
        case "authority": authority
        case "recipient": recipient
        case "letterDate": letterDate
        case "caseNumber": caseNumber
        case "caseworker": caseworker
        case "application": application
        case "begrundelse": begrundelse
        case "hearing": hearing
        case "legalCitations": legalCitations
        case "klagevejledning": klagevejledning
        case "complaintGuidance": complaintGuidance
        case "grant": grant
        case "reportingDuty": reportingDuty
        case "pregnant": pregnant
        case "followUp": followUp
        default: nil
        }
    }
}

extension LetterModel.FollowUp: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "earlierDecisionDate": earlierDecisionDate
        case "accessRequestReceivedDate": accessRequestReceivedDate
        case "accessDays": accessDays
        case "oralDecisionDate": oralDecisionDate
        case "justificationRequestedDate": justificationRequestedDate
        case "full": full
        case "partial": partial
        case "refused": refused
        case "grantedTreatment": grantedTreatment
        default: nil
        }
    }
}

extension LetterModel.Authority: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "unit": unit
        case "addressLines": addressLines
        case "phone": phone
        case "email": email
        case "web": web
        default: nil
        }
    }
}

extension LetterModel.Recipient: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "addressLines": addressLines
        case "returnLine": returnLine
        case "copyFor": copyFor
        case "applicant": applicant
        case "custodyHoldersGetCopy": custodyHoldersGetCopy
        case "representing": representing
        case "representativeRole": representativeRole
        case "representedBy": representedBy
        case "digitalPost": digitalPost
        default: nil
        }
    }
}

extension LetterModel.Caseworker: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "title": title
        case "phone": phone
        case "email": email
        default: nil
        }
    }
}

extension LetterModel.Application: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "treatment": treatment
        case "treatmentDefinite": treatmentDefinite
        case "receivedDate": receivedDate
        case "committeeDate": committeeDate
        case "outpatientStillAvailable": outpatientStillAvailable
        case "alcohol": alcohol
        case "drugs": drugs
        case "parts": parts
        case "centreName": centreName
        case "centreAddress": centreAddress
        case "alcoholDetoxReferral": alcoholDetoxReferral
        default: nil
        }
    }
}

extension LetterModel.TreatmentParts: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "drugsLaw": drugsLaw
        case "alcoholLaw": alcoholLaw
        default: nil
        }
    }
}

extension LetterModel.Grant: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "treatment": treatment
        case "requestedTreatment": requestedTreatment
        case "otherTypeThanRequested": otherTypeThanRequested
        case "period": period
        case "requestedPeriod": requestedPeriod
        case "shorterPeriod": shorterPeriod
        case "startDate": startDate
        case "provider": provider
        case "providerAddress": providerAddress
        case "guaranteeDeadline": guaranteeDeadline
        case "guaranteeWaived": guaranteeWaived
        case "doctorTalk": doctorTalk
        case "freeChoice": freeChoice
        case "egenbetaling": egenbetaling
        case "restrictedChoiceReason": restrictedChoiceReason
        case "guaranteeDays": guaranteeDays
        case "guaranteeBroken": guaranteeBroken
        default: nil
        }
    }
}

extension LetterModel.Egenbetaling: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "amount": amount
        case "unit": unit
        case "covers": covers
        case "basis": basis
        case "collector": collector
        default: nil
        }
    }
}

extension LetterModel.Plan: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "enrolmentDate": enrolmentDate
        case "goals": goals
        case "educationGoal": educationGoal
        case "educationNotRelevantReason": educationNotRelevantReason
        case "reviews": reviews
        case "followUpMonths": followUpMonths
        case "legalReference": legalReference
        default: nil
        }
    }
}

extension LetterModel.Notice: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "complaintReceivedDate": complaintReceivedDate
        case "forwardingDeadline": forwardingDeadline
        case "expectedDecisionDate": expectedDecisionDate
        case "hearingDeadline": hearingDeadline
        case "treatmentEndDate": treatmentEndDate
        default: nil
        }
    }
}

extension LetterModel.Handleplan: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "purpose": purpose
        case "services": services
        case "expectedDuration": expectedDuration
        case "specialConditions": specialConditions
        case "nextReview": nextReview
        default: nil
        }
    }
}

extension LetterModel.PlanGoal: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "indicator": indicator
        case "targetDate": targetDate
        default: nil
        }
    }
}

extension LetterModel.Review: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "date": date
        default: nil
        }
    }
}

extension LetterModel.Begrundelse: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "facts": facts
        case "assessment": assessment
        default: nil
        }
    }
}

extension LetterModel.Hearing: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "citizenViews": citizenViews
        default: nil
        }
    }
}

extension LetterModel.Klagevejledning: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "astViaKommune": astViaKommune
        case "noneAlcohol": noneAlcohol
        case "none101a": none101a
        case "stpk": stpk
        case "socialHeading": socialHeading
        case "alcoholHeading": alcoholHeading
        case "healthHeading": healthHeading
        default: nil
        }
    }
}

extension LetterModel.AstViaKommune: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "deadline": deadline
        case "complaintWeeks": complaintWeeks
        case "reassessmentWeeks": reassessmentWeeks
        case "byPaper": byPaper
        case "digitalPost": digitalPost
        case "presumedReceivedDate": presumedReceivedDate
        case "countsFrom": countsFrom
        case "countsFromPronoun": countsFromPronoun
        case "recipient": recipient
        case "address": address
        case "caseNumber": caseNumber
        case "citizensAdviser": citizensAdviser
        default: nil
        }
    }
}

extension LetterModel.CitizensAdviser: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "phone": phone
        case "email": email
        default: nil
        }
    }
}
