import BrevCase
import BrevCore
import BrevTestSupport
import Testing

@Suite struct LetterModelTests {
    func model(changing change: (inout [String: Any]) -> Void = { _ in }) throws -> LetterModel {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        change(&object)
        let collector = DiagnosticCollector()
        let input = try #require(CaseReader.read(json: try TestSupport.json(object), today: TestSupport.today, diagnostics: collector))
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        CaseValidator(profiles: profiles).validate(input, into: collector)
        #expect(!collector.hasErrors, "\(collector.diagnostics)")
        return try LetterModelBuilder(profile: profiles.profile(forMunicipalityCode: "183")!).build(input)
    }

    @Test func case4ARejectedResidentialTreatmentLeavesOutpatientOpenAndRoutesToIshoej() throws {
        let m = try model()
        #expect(m.application.outpatientStillAvailable)
        #expect(m.application.centreName == "Pitstop")
        let ast = try #require(m.klagevejledning.astViaKommune)
        #expect(ast.recipient == "Ishøj Kommune, Center for Voksne og Velfærd")
        #expect(ast.address == "Ishøj Store Torv 20, 2635 Ishøj")
        #expect(ast.complaintWeeks == 4 && ast.reassessmentWeeks == 4)
        #expect(ast.citizensAdviser != nil)
        #expect(!m.klagevejledning.noneAlcohol && !m.klagevejledning.stpk)
    }

    @Test func theDeadlineIsFourWeeksFromDigitalPostDispatch() throws {
        let m = try model()
        #expect(m.klagevejledning.astViaKommune?.deadline == "tirsdag den 22. december 2026")
        #expect(m.letterDate == "24. november 2026")
    }

    @Test func case12ALetterDispatchedLaterCountsFromTheDispatch() throws {
        let m = try model {
            $0["letter_date"] = "2026-11-23"
            $0["dispatch_datetime"] = "2026-11-25T10:00+01:00"
        }
        #expect(m.klagevejledning.astViaKommune?.deadline == "onsdag den 23. december 2026")
    }

    @Test func dispatchLateInTheEveningUTCCountsInCopenhagen() throws {
        // 23:30 UTC on 24 November is 00:30 on 25 November in Copenhagen.
        let m = try model { $0["dispatch_datetime"] = "2026-11-24T23:30Z" }
        #expect(m.klagevejledning.astViaKommune?.deadline == "onsdag den 23. december 2026")
    }

    @Test func aPaperLetterStatesTheRuleAndThePresumedReceipt() throws {
        let m = try model {
            $0["channel"] = "FYSISK"
            $0["letter_date"] = "2026-11-18"
            $0.removeValue(forKey: "dispatch_datetime")
        }
        let ast = try #require(m.klagevejledning.astViaKommune)
        #expect(ast.byPaper)
        #expect(ast.presumedReceivedDate == "torsdag den 26. november 2026")
        #expect(ast.deadline == "mandag den 28. december 2026")
    }

    @Test func theLetterIdIsOpaqueAndStable() throws {
        let a = try model()
        let b = try model()
        #expect(a.letterId == b.letterId)
        // Consonants only: no vowel to spell a word with, no digit to look like a date.
        #expect(a.letterId.count == 16 && a.letterId.allSatisfy { "bcdfghjklmnpqrstvwxz".contains($0) })
        #expect(a.documentTitle == "Afgørelse fra Ishøj Kommune")
    }
}
