import BrevCase
import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Grants, partial grants and complaint routes (domain.md §7), each read back from the PDF.
@Suite(.serialized) struct LetterKindsTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func object(_ file: String) throws -> [String: Any] { try TestSupport.exampleObject(file) }

    func text(_ file: String, changing change: (inout [String: Any]) -> Void = { _ in }) throws -> (String, RenderedLetter) {
        var o = try object(file)
        change(&o)
        let letter = try pipeline.render(caseJSON: try TestSupport.json(o))
        let t = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf))
            .replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
        return (t, letter)
    }

    func codes(_ file: String, changing change: (inout [String: Any]) -> Void) throws -> [Diagnostic] {
        var o = try object(file)
        change(&o)
        return pipeline.check(caseJSON: try TestSupport.json(o))
    }

    @Test func case1AFullGrantSaysStartPlaceDoctorAndFreeChoiceWithoutJustification() throws {
        let (t, _) = try text("bevilling-ambulant-sel101.json")
        // The wording is in the golden dump; here what domain.md §3 asks a grant to say: the
        // treatment, its start and place, the guarantee, the doctor's talk and free choice.
        #expect(t.contains("ambulant behandling"))
        #expect(t.contains("fredag den 20. november 2026") && t.contains("Pitstop, Ishøj Søvej 1A, 2635 Ishøj"))
        #expect(t.contains("senest 24. november 2026"))
        #expect(t.contains("gratis samtale med en læge"))
        #expect(t.contains("vælge et andet godkendt behandlingssted af samme type"))
        #expect(!t.contains("Begrundelse"))
    }

    @Test func case5RequestedResidentialGrantedDayAsFullIsOutcomeMismatch() throws {
        let d = try codes("delvis-bevilling-dag-i-stedet-for-doegn.json") {
            $0["letter_type"] = "BEVILLING"
            $0["outcome"] = "FULD"
        }
        #expect(d.contains { $0.code == .outcomeMismatch && $0.location == .jsonPath("$.outcome") })
    }

    @Test func case5AsPartialTheLetterSaysDelvisWithJustificationAndComplaintGuidance() throws {
        let (t, _) = try text("delvis-bevilling-dag-i-stedet-for-doegn.json")
        #expect(t.contains("Du får delvis bevilling."))
        #expect(t.contains("døgnbehandling") && t.contains("dagbehandling"))
        #expect(t.contains("Begrundelse") && t.contains("Vi har lagt vægt på:"))
        #expect(t.contains("Klagevejledning") && t.contains("Ankestyrelsen"))
    }

    @Test func case6OwnPaymentMakesAGrantPartialAndNeedsItsBasis() throws {
        let full = try codes("delvis-bevilling-doegn-egenbetaling.json") {
            $0["letter_type"] = "BEVILLING"
            $0["outcome"] = "FULD"
        }
        #expect(full.contains { $0.code == .outcomeMismatch })
        let noBasis = pipeline.check(caseJSON: try TestSupport.exampleBytes("delvis-bevilling-invalid-mangler-egenbetaling-grundlag.json"))
        #expect(noBasis.contains { $0.code == .missingEgenbetalingBasis && $0.location == .jsonPath("$.egenbetaling.basis") })
        let (t, _) = try text("delvis-bevilling-doegn-egenbetaling.json")
        // Own payment (domain.md §3): the amount and period, what it covers, its basis, who collects it.
        #expect(t.contains("2.500 kr. om måneden") && t.contains("kost"))
        #expect(t.contains("din indkomst efter skat og dine faste udgifter til bolig"))
        #expect(t.contains("Ishøj Kommune, der opkræver"))
        #expect(t.contains("Begrundelse") && t.contains("Klagevejledning"))
    }

    @Test func case7AnAlcoholRejectionNeverMentionsAnkestyrelsen() throws {
        let (t, _) = try text("afslag-doegn-alkohol-sul141.json")
        #expect(!t.contains("Ankestyrelsen"))
        #expect(t.contains("Afgørelsen kan ikke indbringes for anden administrativ myndighed."))
        #expect(t.contains("Er du utilfreds med selve behandlingen, kan du klage til behandlingsstedet."))
        #expect(!t.contains("Pitstop"), "Ishøj has no alcohol service of its own")
    }

    @Test func case7ATemplateThatSendsAnAlcoholDecisionToAnkestyrelsenIsRefused() throws {
        var o = try object("afslag-doegn-alkohol-sul141.json")
        // The assessment is printed as is: a caseworker's text naming Ankestyrelsen trips the rule too.
        var b = o["begrundelse"] as! [String: Any]
        b["assessment"] = "Du kan klage til Ankestyrelsen."
        o["begrundelse"] = b
        #expect {
            _ = try pipeline.render(caseJSON: try TestSupport.json(o))
        } throws: { error in
            guard case BrevError.invalid(let d) = error else { return false }
            return d.contains { $0.code == .wrongComplaintRoute }
        }
    }

    @Test func case9SubstitutionWithSocialSupportHasTwoComplaintSections() throws {
        let (t, _) = try text("bevilling-substitution-sul142-sel101.json")
        let social = try #require(t.range(of: "Klage over den sociale del af afgørelsen"))
        let health = try #require(t.range(of: "Klage over den sundhedsfaglige behandling"))
        #expect(social.lowerBound < health.lowerBound)
        let healthSection = t[health.upperBound...].prefix { _ in true }.split(separator: "Aktindsigt").first ?? ""
        #expect(healthSection.contains("Styrelsen for Patientklager"))
        #expect(!healthSection.contains("Ankestyrelsen"), "health complaints must not go to Ankestyrelsen")
        #expect(t[social.upperBound..<health.lowerBound].contains("Ankestyrelsen"))
    }

    /// A start after the guarantee deadline breaks the guarantee (domain.md §1.1): a full grant is
    /// refused, a partial grant whose only shortfall it is renders and says so; a citizen who chose
    /// another provider may waive the deadline.
    @Test func case13aAStartAfterTheGuaranteeMakesTheGrantPartialUnlessTheCitizenChoseAnotherProvider() throws {
        func late(_ o: inout [String: Any]) {
            o["first_contact_date"] = "2026-12-07"
            o["application_received_date"] = "2026-12-07"
            o["planned_start_date"] = "2026-12-22"
            o["letter_date"] = "2026-12-10"
            o.removeValue(forKey: "dispatch_datetime")
        }
        let full = try codes("bevilling-ambulant-sel101.json", changing: late)
        let warning = full.first { $0.code == .guaranteeBreach }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("21. december 2026") == true)
        let mismatch = full.first { $0.code == .outcomeMismatch }
        #expect(mismatch?.severity == .error && mismatch?.location == .jsonPath("$.outcome"))

        func partial(_ o: inout [String: Any]) {
            late(&o)
            o["letter_type"] = "DELVIS_BEVILLING"
            o["outcome"] = "DELVIS"
            o["legal_citations"] = ["serviceloven § 101, stk. 1 og 4"]
            o["begrundelse"] = ["facts": ["at der ikke er en ledig plads før den 22. december 2026"],
                                "assessment": "Vi vurderer, at behandlingen ikke kan begynde før."]
        }
        let accepted = try codes("bevilling-ambulant-sel101.json", changing: partial)
        #expect(!accepted.contains { $0.severity == .error }, "\(accepted)")
        #expect(accepted.contains { $0.code == .guaranteeBreach })
        let (partialText, _) = try text("bevilling-ambulant-sel101.json", changing: partial)
        #expect(partialText.contains("Efter loven skulle den være begyndt senest 21. december 2026"))
        #expect(!partialText.contains("Efter loven skal din behandling være begyndt senest"))

        let (t, _) = try text("bevilling-ambulant-sel101.json") {
            late(&$0)
            $0["free_choice"] = ["chosen_other_provider": true, "same_type": true]
        }
        #expect(t.contains("Derfor kan fristen på 14 dage for at begynde behandlingen fraviges."))
    }

    @Test func case13bAGuaranteeEndingOnChristmasDayIsNotMovedButWarned() throws {
        let d = try codes("bevilling-ambulant-sel101.json") {
            $0["first_contact_date"] = "2026-12-11"
            $0["application_received_date"] = "2026-12-11"
            $0["planned_start_date"] = "2026-12-21"
            $0["letter_date"] = "2026-12-14"
            $0.removeValue(forKey: "dispatch_datetime")
        }
        let warning = try #require(d.first { $0.code == .guaranteeOnClosedDay })
        #expect(warning.message.contains("fredag den 25. december 2026"))
        #expect(warning.message.contains("onsdag den 23. december 2026"))
    }

    @Test func case14aChoosingAnotherProviderOfTheSameTypeIsRespectedWithTheWaiver() throws {
        let late: (inout [String: Any]) -> Void = {
            $0["first_contact_date"] = "2026-11-02"
            $0["application_received_date"] = "2026-11-02"
            $0["planned_start_date"] = "2026-11-30"
            $0["free_choice"] = ["chosen_other_provider": true, "same_type": true]
            $0["provider"] = ["name": "Behandlingsstedet Køge Bugt", "address": "Køge Landevej 2, 2690 Karlslunde", "approved": true]
        }
        let d = try codes("bevilling-ambulant-sel101.json", changing: late)
        #expect(!d.contains { $0.code == .guaranteeBreach }, "no guarantee warning when the citizen chose")
        let (t, _) = try text("bevilling-ambulant-sel101.json", changing: late)
        #expect(t.contains("hos Behandlingsstedet Køge Bugt"))
        #expect(t.contains("Derfor kan fristen på 14 dage for at begynde behandlingen fraviges."))
    }

    @Test func case14bChoosingAProviderOfAnotherTypeIsRefused() throws {
        let d = try codes("bevilling-ambulant-sel101.json") {
            $0["free_choice"] = ["chosen_other_provider": true, "same_type": false]
        }
        #expect(d.contains { $0.code == .freeChoiceTypeMismatch && $0.location == .jsonPath("$.free_choice.same_type") })
    }

    @Test func case17ChildrenAtHomeCiteBarnetsLov133AndPregnancyAddsTheOffer() throws {
        let (t, _) = try text("delvis-bevilling-dag-i-stedet-for-doegn.json") { $0["pregnant"] = true }
        #expect(t.contains("barnets lov § 133"))
        #expect(!t.contains("§ 153"))
        #expect(t.contains("frivillig aftale om, at du kan tilbageholdes i behandlingen frem til fødslen"))
        let stale = try codes("delvis-bevilling-dag-i-stedet-for-doegn.json") {
            $0["legal_citations"] = ["serviceloven § 101, stk. 1", "serviceloven § 153 om underretningspligt"]
        }
        #expect(stale.contains { $0.code == .staleCitation })
    }

    static let examples: [String] = {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// Every example renders, or is refused when its name says it should be; an alcohol or
    /// anonymous letter never names Ankestyrelsen; a partial grant always has justification and
    /// complaint guidance.
    @Test(arguments: examples)
    func everyExampleRendersOrIsRefusedAsItsNameSays(file: String) throws {
        let bytes = try TestSupport.exampleBytes(file)
        if file.contains("invalid") {
            #expect(pipeline.check(caseJSON: bytes).contains { $0.severity == .error })
            #expect(throws: BrevError.self) { try pipeline.render(caseJSON: bytes) }
            return
        }
        let (t, _) = try text(file)
        let o = try object(file)
        let bases = o["legal_basis"] as? [String] ?? []
        if (bases.contains("SUL_141") || bases.contains("SEL_101A")) && !bases.contains("SEL_101") {
            #expect(!t.contains("Ankestyrelsen"))
        }
        if o["letter_type"] as? String == "DELVIS_BEVILLING" {
            #expect(t.contains("Begrundelse") && t.contains("Klagevejledning"))
        }
    }
}
