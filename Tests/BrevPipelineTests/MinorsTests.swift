import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Young people under 18 (barnets lov § 33): domain.md §7 cases 15 and 16.
@Suite(.serialized) struct MinorsTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func uuid(_ letter: RenderedLetter) -> String? {
        guard let memo = letter.messages.first(where: { $0.suffix == "memo.xml" || $0.suffix == "print.xml" }) else { return nil }
        let xml = String(decoding: memo.bytes, as: UTF8.self)
        for tag in ["memo:messageUUID", "fjernprint:AfsendelseIdentifikator"] {
            if let r = xml.range(of: "<\(tag)>"), let e = xml.range(of: "</\(tag)>") { return String(xml[r.upperBound..<e.lowerBound]) }
        }
        return nil
    }

    @Test func case16AYoungPersonAndTwoCustodyHoldersGetThreeLettersWithTheirOwnIds() throws {
        let letters = try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes("bevilling-ambulant-bl33-ung-16-aar.json"))
        #expect(letters.count == 3)
        let ids = letters.compactMap(uuid)
        #expect(ids.count == 3 && Set(ids).count == 3)
        #expect(Set(letters.map(\.fileBaseName)).count == 3)
        // The young person (16) and the first holder get Digital Post; the second is exempt: print.
        #expect(letters[0].messages.map(\.suffix) == ["memo.xml", "kombi.xml"])
        #expect(letters[1].messages.map(\.suffix) == ["memo.xml", "kombi.xml"])
        #expect(letters[2].messages.map(\.suffix) == ["print.xml", "kombi.xml"])
        let holderText = try TestSupport.pdfText(try TestSupport.writeTemporary(letters[2].pdf)).replacingOccurrences(of: "\n", with: " ")
        #expect(holderText.contains("Kære Henrik Lindqvist"))
        #expect(holderText.contains("Brøndbyvestervej 101"))
        #expect(holderText.contains("fordi du har forældremyndigheden over Sofie Lindqvist"))
        // Rendering again gives the same ids.
        let again = try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes("bevilling-ambulant-bl33-ung-16-aar.json"))
        #expect(again.compactMap(uuid) == ids)
    }

    @Test func case16WithoutCustodyHoldersIsMissingCustodyHolder() throws {
        var o = try TestSupport.exampleObject("bevilling-ambulant-bl33-ung-16-aar.json")
        o.removeValue(forKey: "custody_holders")
        let d = pipeline.check(caseJSON: try TestSupport.json(o))
        #expect(d.contains { $0.code == .missingCustodyHolder && $0.location == .jsonPath("$.custody_holders") })
    }

    @Test func case15AFourteenYearOldUnderSEL101IsRefusedAndUnderBL33GetsPaper() throws {
        var o = try TestSupport.exampleObject("bevilling-ambulant-bl33-ung-16-aar.json")
        var citizen = o["citizen"] as! [String: Any]
        citizen["cpr"] = "2411124123" // 14 on the letter date
        citizen["digital_post_status"] = "UNDER_15"
        o["citizen"] = citizen
        o["letter_date"] = "2026-11-24"
        o.removeValue(forKey: "dispatch_datetime")
        o["legal_basis"] = ["SEL_101"]
        o["channel"] = "FYSISK"
        #expect(pipeline.check(caseJSON: try TestSupport.json(o)).contains { $0.code == .wrongLegalBasisMinor })
        o["legal_basis"] = ["BL_33"]
        let letters = try pipeline.renderAll(caseJSON: try TestSupport.json(o))
        #expect(letters[0].messages.map(\.suffix) == ["print.xml", "kombi.xml"], "no Digital Post under 15")
        #expect(letters[1].messages.map(\.suffix) == ["memo.xml", "kombi.xml"], "the custody holder gets Digital Post")
        o["channel"] = "DIGITAL_POST"
        #expect(pipeline.check(caseJSON: try TestSupport.json(o)).contains { $0.code == .channelNotAllowed })
    }
}
