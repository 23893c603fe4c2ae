import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// domain.md §7 case 22 and the treatment plan letter (§4.6).
@Suite(.serialized) struct TreatmentPlanTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    @Test func case22AVagueGoalAndNoEducationPositionAreRefused() throws {
        let d = pipeline.check(caseJSON: try TestSupport.exampleBytes("behandlingsplan-invalid-maal-ikke-maalbare.json"))
        #expect(d.contains { $0.code == .goalNotMeasurable && $0.location == .jsonPath("$.behandlingsplan.goals[0].indicator") })
        #expect(d.contains { $0.code == .goalNoDeadline && $0.location == .jsonPath("$.behandlingsplan.goals[0].target_date") })
        #expect(d.contains { $0.code == .missingEducationEmploymentPosition })
    }

    @Test func case22AMeasurableGoalWithADateAndAReasonIsAccepted() throws {
        #expect(pipeline.check(caseJSON: try TestSupport.exampleBytes("behandlingsplan-sel101.json")).isEmpty)
    }

    @Test func thePlanLetterListsGoalsPositionAndReviewDates() throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("behandlingsplan-sel101.json"))
        #expect(letter.fileBaseName.hasPrefix("brev-"))
        let t = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf)).replacingOccurrences(of: "\n", with: " ")
        #expect(t.contains("Din behandlingsplan"))
        #expect(t.contains("målt ved ugentlig samtale") && t.contains("1. marts 2027"))
        #expect(t.contains("Du modtager førtidspension."))
        #expect(t.contains("senest mandag den 15. februar 2027"))
        #expect(t.contains("senest fredag den 2. april 2027"))
        #expect(t.contains("senest fredag den 2. juli 2027"))
        #expect(t.contains("1, 3, 6 og 12 måneder"))
        #expect(!t.contains("Klagevejledning"), "a plan is not a decision")
        let memo = String(decoding: try #require(letter.messages.first { $0.suffix == "memo.xml" }).bytes, as: UTF8.self)
        #expect(memo.contains("<memo:label>Brev fra Ishøj Kommune</memo:label>"))
        #expect(memo.contains("<memo:notification>Du har fået et brev fra Ishøj Kommune</memo:notification>"))
        #expect(memo.contains("<memo:legalNotification>false</memo:legalNotification>"))
    }
}
