import BrevCase
import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// The letters issue 9 says brev must make rather than refuse (a changed decision, access to the
/// file, renewed complaint guidance, the written justification of an oral decision) and the
/// wording a citizen notices (custody copies, a child under 15, the definite form). Sentences the
/// law requires are read back from the PDF.
@Suite(.serialized) struct LawLettersTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func object(_ file: String, _ change: (inout [String: Any]) -> Void = { _ in }) throws -> [String: Any] {
        var o = try TestSupport.exampleObject(file)
        change(&o)
        return o
    }

    func pdfText(_ letter: RenderedLetter) throws -> String {
        try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf))
            .replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
    }

    func letters(_ o: [String: Any]) throws -> [RenderedLetter] {
        try pipeline.renderAll(caseJSON: try TestSupport.json(o))
    }

    func check(_ o: [String: Any]) throws -> [Diagnostic] {
        pipeline.check(caseJSON: try TestSupport.json(o))
    }

    func has(_ d: [Diagnostic], _ code: DiagnosticCode, at path: String, _ severity: Diagnostic.Severity = .error) -> Bool {
        d.contains { $0.code == code && $0.location == .jsonPath(path) && $0.severity == severity }
    }

    @Test func aChangedDecisionIsANewDecisionWithItsOwnJustificationAndGuidance() throws {
        let partial = try letters(try object("genvurdering-aendret-dag-sel101.json"))
        #expect(partial.count == 1)
        let t = try pdfText(partial[0])
        // The wording is in the golden dump (DocumentGoldenTests); here what the law asks of it:
        // a new decision, what it grants, its justification and its complaint guidance.
        #expect(t.contains("Ny afgørelse"))
        #expect(t.contains("dagbehandling"))
        #expect(t.contains("Vi har lagt vægt på"))
        #expect(t.contains("Vi skal have din klage senest"))
        #expect(partial[0].fileBaseName.hasPrefix("afgoerelse-"))

        let full = try letters(try object("genvurdering-aendret-dag-sel101.json") { o in
            o["outcome"] = "FULD"
            o["treatment_type_granted"] = "DOEGN"
        })
        #expect(try pdfText(full[0]).contains("fået medhold i din klage"))

        // Keeping a full refusal is no change; a full outcome with another type is not full support.
        let kept = try check(try object("genvurdering-aendret-invalid-fastholdt-afslag.json"))
        #expect(has(kept, .outcomeMismatch, at: "$.outcome"))
        let otherType = try check(try object("genvurdering-aendret-dag-sel101.json") { $0["outcome"] = "FULD" })
        #expect(has(otherType, .outcomeMismatch, at: "$.outcome"))
        let noJustification = try check(try object("genvurdering-aendret-dag-sel101.json") { $0.removeValue(forKey: "begrundelse") })
        #expect(has(noJustification, .missingBegrundelse, at: "$.begrundelse.facts"))
        let noComplaint = try check(try object("genvurdering-aendret-dag-sel101.json") { $0.removeValue(forKey: "complaint_received_date") })
        #expect(has(noComplaint, .missingField, at: "$.complaint_received_date"))
    }

    @Test func accessToTheFileIsAnsweredAndARefusalCarriesJustificationAndGuidance() throws {
        let partial = try letters(try object("aktindsigt-delvis-sel101.json"))
        let t = try pdfText(partial[0])
        #expect(t.contains("Efter loven skal vi svare inden for 7 arbejdsdage."))
        #expect(t.contains("Du får aktindsigt i en del af dokumenterne i din sag."))
        #expect(t.contains("Vi har lagt vægt på"))
        #expect(t.contains("Klagevejledning"))
        // The appeal body of the underlying case: a SEL § 101 case goes on to Ankestyrelsen.
        #expect(t.contains("Ankestyrelsen"))

        // Full access is full support: no justification needed, no complaint guidance.
        let full = try letters(try object("aktindsigt-delvis-sel101.json") { o in
            o["outcome"] = "FULD"
            o.removeValue(forKey: "begrundelse")
        })
        let ft = try pdfText(full[0])
        #expect(ft.contains("Du får aktindsigt i alle dokumenterne i din sag."))
        #expect(!ft.contains("Klagevejledning"))

        // An alcohol case's refusal cannot go to Ankestyrelsen: the route follows the underlying case.
        let alcohol = try letters(try object("aktindsigt-delvis-sel101.json") { o in
            o["legal_basis"] = ["SUL_141"]
            o["substance_category"] = "ALKOHOL"
        })
        #expect(!(try pdfText(alcohol[0])).contains("Ankestyrelsen"))

        let refused = try check(try object("aktindsigt-invalid-afslag-uden-begrundelse.json"))
        #expect(has(refused, .missingBegrundelse, at: "$.begrundelse.facts"))
        #expect(has(refused, .missingAssessment, at: "$.begrundelse.assessment"))
        let noRequest = try check(try object("aktindsigt-delvis-sel101.json") { $0.removeValue(forKey: "access_request_received_date") })
        #expect(has(noRequest, .missingField, at: "$.access_request_received_date"))
    }

    /// FVL § 16 stk. 2: 7 working days from the request, counted on the municipality's calendar.
    @Test func anAccessAnswerAfterSevenWorkingDaysWarns() throws {
        let calendar = DanishCalendar()
        for requested in ["2026-11-16", "2026-12-21", "2027-03-24"] {
            let received = CivilDate(iso: requested)!
            let due = AccessToFilesRule.answerDue(requestReceived: received, calendar: calendar)
            #expect(calendar.isWorkingDay(due))
            var workingDays = 0
            var day = received
            while day < due {
                day = day.adding(days: 1)
                if calendar.isWorkingDay(day) { workingDays += 1 }
            }
            #expect(workingDays == AccessToFilesRule.answerWorkingDays, "\(requested)")
            let onTime = try check(try object("aktindsigt-delvis-sel101.json") { o in
                o["access_request_received_date"] = requested
                o["letter_date"] = due.iso
                o.removeValue(forKey: "dispatch_datetime")
            })
            #expect(!onTime.contains { $0.code == .accessAnswerLate }, "\(requested)")
            let late = try check(try object("aktindsigt-delvis-sel101.json") { o in
                o["access_request_received_date"] = requested
                o["letter_date"] = calendar.workingDay(onOrAfter: due.adding(days: 1)).iso
                o.removeValue(forKey: "dispatch_datetime")
            })
            #expect(has(late, .accessAnswerLate, at: "$.letter_date", .warning), "\(requested)")
        }
    }

    @Test func renewedComplaintGuidanceCountsTheDeadlineFromThisLetter() throws {
        let letter = try letters(try object("klagevejledning-afslag-doegn-sel101-fysisk-post.json"))
        let t = try pdfText(letter[0])
        #expect(t.contains("Fristen for at klage regnes fra den dag, du modtager dette brev"))
        #expect(t.contains("Vi skal have din klage senest 4 uger efter, at du har modtaget dette brev."))
        #expect(!t.contains("modtaget afgørelsen"))
        #expect(letter[0].fileBaseName.hasPrefix("brev-"))

        // The same deadline as a decision sent the same day by the same channel.
        let decision = try letters(try object("afslag-doegn-sel101-fysisk-post.json") { o in
            o["letter_date"] = "2026-11-24"
            o["dispatch_datetime"] = "2026-11-24T15:00+01:00"
        })
        let dt = try pdfText(decision[0])
        let pattern = #"så skal vi have din klage senest [a-zæøå]+ den \d+\. [a-zæøå]+ \d{4}"#
        func deadline(_ s: String) -> String? {
            s.range(of: pattern, options: .regularExpression).map { String(s[$0]) }
        }
        #expect(deadline(t) != nil)
        #expect(deadline(t) == deadline(dt))

        let missing = try check(try object("klagevejledning-invalid-mangler-afgoerelsesdato.json"))
        #expect(has(missing, .missingField, at: "$.earlier_decision_date"))
        let noBasis = try check(try object("klagevejledning-afslag-doegn-sel101-fysisk-post.json") { $0["legal_basis"] = [String]() })
        #expect(has(noBasis, .missingField, at: "$.legal_basis"))
    }

    @Test func theWrittenJustificationOfAnOralDecisionFollowsFVL23() throws {
        let letter = try letters(try object("skriftlig-begrundelse-ophoer-ambulant-sel101.json"))
        let t = try pdfText(letter[0])
        #expect(t.contains("Vi har lagt vægt på"))
        #expect(t.contains("Afgørelsen er truffet efter"))
        #expect(t.contains("at du har modtaget dette brev"))
        // OralDecisionJustificationRule.complaintDeadlineRunsFromThisLetter: 4 weeks from the receipt
        // of this letter (26 November: 24 December, a closed day, moves to Monday the 28th), not
        // from the oral decision (16 November: 14 December).
        #expect(t.contains("Vi skal have din klage senest mandag den 28. december 2026."))

        let missing = try check(try object("skriftlig-begrundelse-invalid-mangler-mundtlig-dato.json"))
        #expect(has(missing, .missingField, at: "$.oral_decision_date"))
        // Asked on day 15 after the oral decision: the right had lapsed.
        let askedLate = try check(try object("skriftlig-begrundelse-ophoer-ambulant-sel101.json") { o in
            o["justification_requested_date"] = "2026-12-01"
            o["letter_date"] = "2026-12-03"
            o.removeValue(forKey: "dispatch_datetime")
        })
        #expect(has(askedLate, .justificationAskedLate, at: "$.justification_requested_date", .warning))
        let onDay14 = try check(try object("skriftlig-begrundelse-ophoer-ambulant-sel101.json") { o in
            o["justification_requested_date"] = "2026-11-30"
            o["letter_date"] = "2026-12-14"
            o.removeValue(forKey: "dispatch_datetime")
        })
        #expect(!onDay14.contains { $0.code == .justificationAskedLate || $0.code == .justificationLate })
        let givenLate = try check(try object("skriftlig-begrundelse-ophoer-ambulant-sel101.json") { o in
            o["justification_requested_date"] = "2026-11-30"
            o["letter_date"] = "2026-12-15"
            o.removeValue(forKey: "dispatch_datetime")
        })
        #expect(has(givenLate, .justificationLate, at: "$.letter_date", .warning))
        let noJustification = try check(try object("skriftlig-begrundelse-ophoer-ambulant-sel101.json") { $0.removeValue(forKey: "begrundelse") })
        #expect(has(noJustification, .missingBegrundelse, at: "$.begrundelse.facts"))
    }

    /// A 14-year-old on paper, one custody holder by Digital Post, one without a CPR number.
    @Test func aChildUnder15AndTheCustodyHoldersCopies() throws {
        let all = try letters(try object("afslag-doegn-bl33-ung-14-aar-fysisk-post.json"))
        #expect(all.count == 3)
        let child = try pdfText(all[0])
        #expect(child.contains("Du har den 2. november 2026 søgt om døgnbehandling."))
        #expect(child.contains("Dem, der har forældremyndigheden over dig, får en kopi af dette brev."))
        #expect(!child.contains("Digital Post"))
        #expect(all[0].messages.contains { $0.suffix.contains("print") })

        for copy in all.dropFirst() {
            let t = try pdfText(copy)
            #expect(t.contains("Emil Lindqvist har den 2. november 2026 søgt om døgnbehandling."))
            #expect(!t.contains("Du har den 2. november 2026 søgt"))
            #expect(t.contains("fordi du har forældremyndigheden over Emil Lindqvist"))
            #expect(!t.contains("får en kopi af dette brev"))
        }
        // The holder with a CPR number and Digital Post gets a message and may be told to use it.
        #expect(all[1].messages.contains { $0.suffix.contains("memo") })
        #expect(try pdfText(all[1]).contains("Digital Post"))
        // The holder without a CPR number: printed and posted by the municipality, no message, no Digital Post.
        #expect(all[2].messages.isEmpty)
        #expect(!(try pdfText(all[2])).contains("Digital Post"))

        // The hearing before a decision: the child is not offered Digital Post either, the parent with it is.
        let hearing = try letters(try object("afslag-doegn-bl33-ung-14-aar-fysisk-post.json") { o in
            o["letter_type"] = "PARTSHOERING"
            o["hearing_deadline"] = "2026-12-08"
            o.removeValue(forKey: "outcome")
        })
        #expect(try pdfText(hearing[0]).contains("Du kan skrive til os eller ringe til mig."))
        #expect(!(try pdfText(hearing[0])).contains("Digital Post"))
        #expect(try pdfText(hearing[1]).contains("sende Digital Post"))
    }

    @Test func aPossessiveTakesTheTreatmentsDefiniteForm() throws {
        #expect(TreatmentType.ambulant.danishDefinite == "ambulante behandling")
        #expect(TreatmentType.doegn.danishDefinite == "døgnbehandling")
        let t = try pdfText(try letters(try object("ophoer-ambulant-sel101.json"))[0])
        #expect(t.contains("Din ambulante behandling stopper"))
        // In the headline and in the decision box.
        #expect(t.components(separatedBy: "Din ambulante behandling stopper").count - 1 >= 2)
        #expect(!t.contains("din ambulant behandling") && !t.contains("Din ambulant behandling"))
    }

    /// FVL § 8: the letter goes to the representative, about the citizen, and the citizen gets a copy.
    @Test func aRepresentativeGetsTheLetterAndTheCitizenACopy() throws {
        let all = try letters(try object("afslag-doegn-sel101-fuldmagt-beskyttet-adresse.json"))
        #expect(all.count == 2)
        let toRepresentative = try pdfText(all[0])
        #expect(toRepresentative.contains("Kære Jonas Bech"))
        #expect(toRepresentative.contains("fordi du har fuldmagt fra Mette Ærø-Østergård (forvaltningslovens § 8)"))
        #expect(toRepresentative.contains("Mette Ærø-Østergård har den 2. november 2026 søgt om døgnbehandling."))
        #expect(all[0].messages.contains { $0.suffix.contains("memo") })
        let copy = try pdfText(all[1])
        #expect(copy.contains("Kære Mette Ærø-Østergård"))
        #expect(copy.contains("Dette er en kopi. Brevet er sendt til Jonas Bech"))
        #expect(all[1].messages.contains { $0.suffix.contains("memo") })
        // Different recipients, different messages.
        #expect(all[0].letterId != all[1].letterId)

        // A representative without a CPR number (a lawyer): printed and posted by the municipality, no message.
        let lawyer = try letters(try object("afslag-doegn-sel101-fuldmagt-beskyttet-adresse.json") { o in
            o["representative"] = ["name": "Advokat Jonas Bech", "type": "FULDMAGT",
                                   "address": ["street": "Vesterbrogade 40, 1. sal", "postcode": "1620", "city": "København V"]]
        })
        #expect(lawyer[0].messages.isEmpty)
        #expect(try pdfText(lawyer[0]).contains("Kære Advokat Jonas Bech"))

        let party = try letters(try object("afslag-doegn-sel101-fuldmagt-beskyttet-adresse.json") { o in
            o["representative"] = ["name": "Anna Holm", "type": "PARTSREPRAESENTANT", "cpr": "2103814321", "digital_post_status": "TILMELDT",
                                   "address": ["street": "Torvet 2", "postcode": "2635", "city": "Ishøj"]]
        })
        #expect(try pdfText(party[0]).contains("fordi du er partsrepræsentant for Mette Ærø-Østergård"))
        #expect(party[0].messages.contains { $0.suffix.contains("memo") })

        let itself = try check(try object("afslag-doegn-sel101-invalid-repraesentant-er-borgeren.json"))
        #expect(has(itself, .invalidValue, at: "$.representative.cpr"))
        let anonymous = try check(try object("anonym-information-sel101a.json") { o in
            o["representative"] = ["name": "Anna Holm", "type": "FULDMAGT", "address": ["street": "Torvet 2", "postcode": "2635", "city": "Ishøj"]]
        })
        #expect(has(anonymous, .anonymousNoIdentifiers, at: "$.representative"))
        let noType = try check(try object("afslag-doegn-sel101-fuldmagt-beskyttet-adresse.json") { o in
            o["representative"] = ["name": "Anna Holm", "address": ["street": "Torvet 2", "postcode": "2635", "city": "Ishøj"]]
        })
        #expect(has(noType, .missingField, at: "$.representative.type"))
    }

    /// Navne- og adressebeskyttelse: the address appears only on the citizen's own letter, in
    /// the envelope block, never in a copy to anyone else (PDF, HTML or message).
    @Test func aProtectedAddressIsNeverOnACopyToOthers() throws {
        for file in ["afslag-doegn-sel101-fuldmagt-beskyttet-adresse.json", "bevilling-ambulant-bl33-ung-16-aar.json"] {
            let o = try object(file) { o in
                var citizen = o["citizen"] as! [String: Any]
                citizen["protected_address"] = true
                citizen["address"] = ["street": "Hemmeligvej 7", "postcode": "2635", "city": "Ishøj"]
                o["citizen"] = citizen
            }
            let all = try letters(o)
            #expect(all.count >= 2)
            for letter in all {
                let own = letter.html.contains("Kære \((o["citizen"] as! [String: Any])["name"] as! String)")
                let everything = try pdfText(letter) + letter.html + letter.messages.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
                #expect(everything.contains("Hemmeligvej 7") == own, "\(file)")
            }
        }
    }

    /// An address abroad: the country's name is the last address line, and remote print gets its code.
    @Test func anAddressAbroadEndsWithTheCountry() throws {
        let all = try letters(try object("afslag-doegn-sel101-fysisk-post-udlandet.json"))
        let t = try pdfText(all[0])
        #expect(t.contains("211 42 Malmö SVERIGE"))
        let print = try #require(all[0].messages.first { $0.suffix == "print.xml" })
        let xml = String(decoding: print.bytes, as: UTF8.self)
        #expect(xml.contains(">SVERIGE</"))
        #expect(xml.contains("scheme=\"iso3166-alpha2\">SE<"))
        #expect(try pipeline.validateMessage(print.bytes).isEmpty)

        let noName = try check(try object("afslag-doegn-sel101-fysisk-post-udlandet.json") { o in
            var citizen = o["citizen"] as! [String: Any]
            citizen["address"] = ["street": "Storgatan 14", "postcode": "211 42", "city": "Malmö", "country_code": "SE"]
            o["citizen"] = citizen
        })
        #expect(has(noName, .missingField, at: "$.citizen.address.country_name"))
        let danishPostcode = try check(try object("afslag-doegn-sel101-fysisk-post-udlandet.json") { o in
            var citizen = o["citizen"] as! [String: Any]
            citizen["address"] = ["street": "Storgatan 14", "postcode": "211 42", "city": "Malmö"]
            o["citizen"] = citizen
        })
        #expect(has(danishPostcode, .invalidValue, at: "$.citizen.address.postcode"))
    }
}
