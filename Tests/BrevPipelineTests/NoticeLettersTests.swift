import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// The letters around a decision: hearing, case-handling time, forwarding a complaint, ending
/// and refusing to extend treatment, the action plan, and the anonymous sheet.
@Suite(.serialized) struct NoticeLettersTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func text(_ file: String, changing change: (inout [String: Any]) -> Void = { _ in }) throws -> (String, RenderedLetter) {
        var o = try TestSupport.exampleObject(file)
        change(&o)
        let letter = try pipeline.render(caseJSON: try TestSupport.json(o))
        let t = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf))
            .replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
        return (t, letter)
    }

    @Test func case4ARejectedResidentialTreatmentInIshoejSaysWhatTheLawRequires() throws {
        let (t, _) = try text("afslag-doegn-sel101.json")
        #expect(t.contains("Du har fortsat adgang til ambulant behandling"))
        #expect(t.contains("Send klagen til Ishøj Kommune, Center for Voksne og Velfærd, Ishøj Store Torv 20, 2635 Ishøj."))
        #expect(t.contains("Det er 4 uger efter, at du har modtaget afgørelsen."))
        #expect(t.contains("vurderer vi afgørelsen igen inden for 4 uger"))
        #expect(t.contains("videre til Ankestyrelsen, og du får en kopi af det, vi sender"))
        #expect(t.contains("Borgerrådgiveren i Ishøj Kommune"))
    }

    @Test func case8AnAnonymousCaseGetsOnlyTheInPersonSheet() throws {
        let (t, letter) = try text("anonym-information-sel101a.json")
        #expect(t.contains("Anonym rådgivning og behandling"))
        #expect(t.contains("registrerer vi ingen af dine personlige oplysninger"))
        #expect(!t.contains("Ankestyrelsen"))
        #expect(!t.contains("Kære"))
        #expect(letter.messages.isEmpty)
        // Whatever the letter type, check and render agree: the sheet.
        let anyType = try TestSupport.json(try TestSupport.exampleObject("anonym-information-sel101a.json").merging(["letter_type": "AKTINDSIGT"]) { $1 })
        #expect(pipeline.check(caseJSON: anyType).isEmpty)
        #expect(try pipeline.render(caseJSON: anyType).fileBaseName.hasPrefix("brev-"))
        let withCPR = pipeline.check(caseJSON: try TestSupport.json(try TestSupport.exampleObject("anonym-information-sel101a.json").merging(
            ["citizen": ["cpr": "0101851234"]]) { $1 }))
        #expect(withCPR.contains { $0.code == .anonymousNoIdentifiers })
        let byDigitalPost = pipeline.check(caseJSON: try TestSupport.json(try TestSupport.exampleObject("anonym-information-sel101a.json").merging(
            ["channel": "DIGITAL_POST"]) { $1 }))
        #expect(byDigitalPost.contains { $0.code == .anonymousNoDigitalPost })
    }

    @Test func case18AForwardedComplaintLetterWithTheForwardingDeadline() throws {
        let (t, letter) = try text("videresendt-ankestyrelsen-sel101.json")
        #expect(t.contains("Din klage er sendt til Ankestyrelsen"))
        #expect(t.contains("Vi modtog din klage mandag den 4. januar 2027."))
        #expect(t.contains("Du får en kopi af det, vi har sendt"))
        #expect(letter.fileBaseName.hasPrefix("brev-"))
        // The internal deadline: 4 weeks from receipt, mandag den 1. februar 2027, never later.
        let late = pipeline.check(caseJSON: try TestSupport.json(try TestSupport.exampleObject("videresendt-ankestyrelsen-sel101.json").merging(
            ["letter_date": "2027-02-03", "dispatch_datetime": "2027-02-03T10:00+01:00"]) { $1 }))
        let warning = try #require(late.first { $0.code == .forwardedLate })
        #expect(warning.message.contains("mandag den 1. februar 2027"))
        #expect(warning.severity == .warning)
    }

    @Test func aHearingLetterShowsTheInformationAndTheDeadlineAndIsNotADecision() throws {
        let (t, letter) = try text("partshoering-doegn-sel101.json")
        #expect(t.contains("Vi vil høre dig, før vi træffer afgørelse"))
        #expect(t.contains("ikke er mødt op til de sidste fire aftaler"))
        #expect(t.contains("Vi skal have dine bemærkninger senest tirsdag den 8. december 2026."))
        #expect(!t.contains("Klagevejledning"))
        let memo = String(decoding: try #require(letter.messages.first { $0.suffix == "memo.xml" }).bytes, as: UTF8.self)
        #expect(memo.contains("<memo:legalNotification>false</memo:legalNotification>"))
    }

    @Test func aCaseHandlingTimeNoticeGivesTheExpectedDate() throws {
        let (t, _) = try text("svarfrist-orientering-doegn.json")
        #expect(t.contains("Du kan forvente en afgørelse senest torsdag den 10. december 2026."))
    }

    @Test func refusingAnExtensionAndEndingTreatmentAreAdverseDecisions() throws {
        for file in ["afslag-forlaengelse-doegn-sel101.json", "ophoer-ambulant-sel101.json"] {
            let (t, _) = try text(file)
            #expect(t.contains("Begrundelse") && t.contains("Klagevejledning") && t.contains("Ankestyrelsen"), "\(file)")
            let noFacts = pipeline.check(caseJSON: try TestSupport.json(try TestSupport.exampleObject(file).merging(
                ["begrundelse": ["facts": [String](), "assessment": "x"]]) { $1 }))
            #expect(noFacts.contains { $0.code == .missingBegrundelse }, "\(file)")
        }
        let (end, _) = try text("ophoer-ambulant-sel101.json")
        #expect(end.contains("Din ambulante behandling stopper tirsdag den 15. december 2026."))
    }

    @Test func anActionPlanNeedsConsentPurposeServicesAndDuration() throws {
        let (t, _) = try text("handleplan-sel141.json")
        #expect(t.contains("Din handleplan") && t.contains("bostøtte en gang om ugen") && t.contains("varer et år"))
        #expect(t.contains("servicelovens § 141"))
        let noConsent = pipeline.check(caseJSON: try TestSupport.json(try TestSupport.exampleObject("handleplan-sel141.json").merging(
            ["handleplan": ["consent": false, "purpose": "x", "services": ["y"], "expected_duration": "z"]]) { $1 }))
        #expect(noConsent.contains { $0.code == .handleplanNoConsent })
    }
}
