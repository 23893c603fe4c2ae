import BrevCase
import BrevCore
import BrevDocument
import BrevPipeline
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// One test per rule of issue 9 (Sources/BrevCase/Rules/): the lawful variant renders, the
/// unlawful one is refused with its code at its JSON path, and `check` agrees with `render`.
@Suite(.serialized) struct LawRulesTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func variant(_ file: String, _ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var o = try TestSupport.exampleObject(file)
        change(&o)
        return try TestSupport.json(o)
    }

    /// The case renders, and check finds no error.
    func renders(_ file: String, _ change: (inout [String: Any]) -> Void = { _ in }) throws -> [RenderedLetter] {
        let json = try variant(file, change)
        #expect(!pipeline.check(caseJSON: json).contains { $0.severity == .error })
        return try pipeline.renderAll(caseJSON: json)
    }

    /// The case is refused by check and by render, with `code` at `path`.
    func refused(_ file: String, _ code: DiagnosticCode, at path: String, _ change: (inout [String: Any]) -> Void,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let json = try variant(file, change)
        let found = pipeline.check(caseJSON: json)
        #expect(found.contains { $0.severity == .error && $0.code == code && $0.location == .jsonPath(path) },
                "\(found)", sourceLocation: sourceLocation)
        do {
            _ = try pipeline.renderAll(caseJSON: json)
            Issue.record("render made a letter check refused", sourceLocation: sourceLocation)
        } catch {
            guard case .invalid(let d) = error else { Issue.record("\(error)", sourceLocation: sourceLocation); return }
            #expect(d.contains { $0.code == code && $0.location == .jsonPath(path) }, sourceLocation: sourceLocation)
        }
    }

    func text(_ letter: RenderedLetter) -> String {
        DocumentPlainText.of(letter).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // AnonymityRule
    @Test func aCaseUnderSEL101aIsAnonymousWhateverTheFlagSays() throws {
        let sheet = try renders("anonym-information-sel101a.json") { $0["anonymous"] = false }
        #expect(sheet.count == 1 && sheet[0].messages.isEmpty && !text(sheet[0]).contains("handleplan"))
        try refused("anonym-information-sel101a.json", .anonymousNoIdentifiers, at: "$.citizen.cpr") {
            $0["anonymous"] = false
            $0["citizen"] = ["cpr": "0101851234"]
        }
        try refused("anonym-information-sel101a.json", .anonymousNoDigitalPost, at: "$.channel") {
            $0["anonymous"] = false
            $0["channel"] = "DIGITAL_POST"
        }
        try refused("anonym-information-sel101a.json", .anonymousNoMessage, at: "$.channel") { $0["channel"] = "FYSISK" }
    }

    // MinorsRule
    @Test func custodyHoldersOnlyForAYoungPersonNeverTheChildNeverTwice() throws {
        let young = "bevilling-ambulant-bl33-ung-16-aar.json"
        #expect(try renders(young).count == 3)
        // 18 on the letter date (born 13 November 2008): an adult, whose parents get nothing.
        try refused(young, .custodyHolderNotAllowed, at: "$.custody_holders") {
            $0["citizen"] = ["cpr": "1311084321", "name": "Sofie Lindqvist",
                             "address": ["street": "Vejlebrovej 12, 3. mf.", "postcode": "2635", "city": "Ishøj"],
                             "digital_post_status": "TILMELDT"]
            $0["legal_basis"] = ["SEL_101"]
        }
        try refused(young, .custodyHolderIsCitizen, at: "$.custody_holders[1].cpr") {
            var holders = $0["custody_holders"] as! [[String: Any]]
            holders[1]["cpr"] = "1205104321"
            $0["custody_holders"] = holders
        }
        try refused(young, .duplicateCustodyHolder, at: "$.custody_holders[1]") {
            let holders = $0["custody_holders"] as! [[String: Any]]
            $0["custody_holders"] = [holders[0], holders[0]]
        }
        try refused(young, .duplicateCustodyHolder, at: "$.custody_holders[1]") {
            var holders = $0["custody_holders"] as! [[String: Any]]
            holders[0].removeValue(forKey: "cpr")
            holders[0]["digital_post_status"] = "FRITAGET"
            $0["custody_holders"] = [holders[0], holders[0]]
        }
    }

    // SubstanceBasisRule
    @Test func theSubstanceAndTheLegalBasisAgree() throws {
        _ = try renders("afslag-doegn-alkohol-sul141.json")
        try refused("afslag-doegn-alkohol-sul141.json", .substanceBasisMismatch, at: "$.legal_basis[0]") {
            $0["substance_category"] = "STOF"
        }
        try refused("afslag-doegn-sel101.json", .substanceBasisMismatch, at: "$.legal_basis[0]") {
            $0["substance_category"] = "ALKOHOL"
        }
        try refused("afslag-doegn-sel101.json", .substanceBasisMismatch, at: "$.legal_basis") {
            $0["substance_category"] = "BEGGE"
        }
    }

    /// Alcohol and drugs: both routes, each under a heading naming the part of the decision it covers.
    @Test func bothSubstancesGetBothRoutesEachUnderItsHeading() throws {
        let letter = try renders("afslag-doegn-sel101.json") {
            $0["substance_category"] = "BEGGE"
            $0["legal_basis"] = ["SEL_101", "SUL_141"]
        }[0]
        let t = text(letter)
        let drugs = try #require(t.range(of: "Klage over den del af afgørelsen, der gælder behandlingen for stoffer"))
        let alcohol = try #require(t.range(of: "Den del af afgørelsen, der gælder alkoholbehandlingen"))
        #expect(t[drugs.upperBound..<alcohol.lowerBound].contains("Ankestyrelsen"))
        #expect(t[alcohol.upperBound...].contains("kan ikke indbringes for anden administrativ myndighed"))
        let headings = letter.document.blocks.compactMap { block -> String? in
            if case .heading(3, let inline) = block { return inline.plainText }
            return nil
        }
        #expect(headings.contains("Den del af afgørelsen, der gælder alkoholbehandlingen"))
    }

    /// Alcohol and drugs, in every letter kind: the letter names the treatment of both parts and
    /// the law of each (SubstanceBasisRule.parts), and where it gives complaint guidance, each
    /// part's route stands under its own heading: Ankestyrelsen for drugs, none for alcohol.
    @Test(arguments: ["afslag-doegn-begge-sel101-sul141.json", "bevilling-ambulant-begge-sel101-sul141.json",
                      "videresendt-ankestyrelsen-begge-sel101-sul141.json", "afslag-forlaengelse-doegn-sel101.json",
                      "delvis-bevilling-dag-i-stedet-for-doegn.json", "genvurdering-aendret-dag-sel101.json",
                      "klagevejledning-afslag-doegn-sel101-fysisk-post.json", "ophoer-ambulant-sel101.json",
                      "partshoering-doegn-sel101.json", "skriftlig-begrundelse-ophoer-ambulant-sel101.json",
                      "svarfrist-orientering-doegn.json", "bevilling-afgiftning-sel101.json", "bevilling-ambulant-bl33-ung-16-aar.json",
                      "aktindsigt-delvis-sel101.json"])
    func everyLetterKindOfAnAlcoholAndDrugsCaseNamesBothTreatments(_ file: String) throws {
        let letters = try renders(file) { o in
            o["substance_category"] = "BEGGE"
            var bases = o["legal_basis"] as? [String] ?? []
            if !bases.contains("SUL_141") { bases.append("SUL_141") }
            o["legal_basis"] = bases
        }
        let young = file.contains("bl33")
        for letter in letters {
            let t = text(letter)
            #expect(t.contains("Sagen gælder behandling for både alkohol og stoffer"), "\(file)")
            #expect(t.contains("social stofbehandling efter \(young ? "barnets lov § 33" : "servicelovens § 101")"), "\(file)")
            #expect(t.contains("alkoholbehandling efter sundhedslovens § 141"), "\(file)")
            if t.contains("Klagevejledning") {
                let drugs = try #require(t.range(of: "Klage over den del af afgørelsen, der gælder behandlingen for stoffer"), "\(file)")
                let alcohol = try #require(t.range(of: "Den del af afgørelsen, der gælder alkoholbehandlingen"), "\(file)")
                #expect(drugs.upperBound < alcohol.lowerBound)
                #expect(t[drugs.upperBound..<alcohol.lowerBound].contains("Ankestyrelsen"), "\(file)")
                #expect(t[alcohol.upperBound...].contains("kan ikke indbringes for anden administrativ myndighed"), "\(file)")
            }
            if file.hasPrefix("videresendt") {
                // Only the drug part goes on to Ankestyrelsen.
                #expect(t.contains("Den del, der gælder alkoholbehandlingen (sundhedslovens § 141), kan ikke indbringes"), "\(file)")
            }
            if file.contains("afgiftning") {
                #expect(t.contains("Afgørelsen gælder afgiftning for stoffer. Afgiftning for alkohol er ikke noget, kommunen træffer afgørelse om."))
            }
        }
        // A case about one substance has no such paragraph.
        let single = try renders(file)
        #expect(single.allSatisfy { !text($0).contains("både alkohol og stoffer") } || file.contains("begge"))
    }

    /// Only a decision with the Ankestyrelsen route is forwarded there: never an alcohol-only one.
    @Test func anAlcoholOnlyComplaintIsNeverForwardedToAnkestyrelsen() throws {
        _ = try renders("videresendt-ankestyrelsen-begge-sel101-sul141.json")
        try refused("videresendt-ankestyrelsen-sel101.json", .wrongComplaintRoute, at: "$.legal_basis") {
            $0["substance_category"] = "ALKOHOL"
            $0["legal_basis"] = ["SUL_141"]
        }
    }

    // FreeChoiceRule and TreatmentGuaranteeRule
    @Test func aRestrictedChoiceNeverWaivesTheGuarantee() throws {
        func restrictedLate(_ o: inout [String: Any]) {
            o["first_contact_date"] = "2026-11-02"
            o["planned_start_date"] = "2026-12-01"
            o["free_choice"] = ["chosen_other_provider": true, "same_type": true, "restricted": true,
                                "restriction_reason": "Der er ikke plads på det sted, du har valgt."]
            o.removeValue(forKey: "egenbetaling")
        }
        let json = try variant("delvis-bevilling-doegn-egenbetaling.json", restrictedLate)
        let found = pipeline.check(caseJSON: json)
        #expect(found.contains { $0.code == .guaranteeBreach && $0.severity == .warning }, "\(found)")
        #expect(!found.contains { $0.severity == .error }, "\(found)")
        let t = text(try pipeline.render(caseJSON: json))
        #expect(!t.contains("fraviges"))
        #expect(t.contains("Efter loven skulle den være begyndt senest 16. november 2026"))
    }

    // OwnPaymentRule
    @Test func ownPaymentOnlyForResidentialAndLodgingOnlyWithoutAnOwnHome() throws {
        _ = try renders("delvis-bevilling-doegn-egenbetaling.json")
        try refused("delvis-bevilling-doegn-egenbetaling.json", .ownPaymentNotAllowed, at: "$.egenbetaling.applies") {
            $0["treatment_type_granted"] = "DAG"
        }
        try refused("delvis-bevilling-doegn-egenbetaling.json", .ownPaymentNotAllowed, at: "$.egenbetaling.covers") {
            var e = $0["egenbetaling"] as! [String: Any]
            e["covers"] = "kost og logi"
            $0["egenbetaling"] = e
        }
        _ = try renders("delvis-bevilling-doegn-egenbetaling.json") {
            var e = $0["egenbetaling"] as! [String: Any]
            e["covers"] = "kost og logi"
            e["keeps_own_home"] = false
            $0["egenbetaling"] = e
        }
    }

    // AlcoholDetoxRule
    @Test func alcoholDetoxIsReferredToTheOwnDoctorOr1813() throws {
        _ = try renders("bevilling-afgiftning-sel101.json")
        try refused("bevilling-afgiftning-sel101.json", .alcoholDetoxNotMunicipal, at: "$.treatment_type_granted") {
            $0["substance_category"] = "ALKOHOL"
            $0["legal_basis"] = ["SUL_141"]
        }
        let refusal = try renders("afslag-doegn-alkohol-sul141.json") {
            $0["treatment_type_requested"] = "AFGIFTNING"
            $0.removeValue(forKey: "visitationsudvalg_date")
        }[0]
        #expect(text(refusal).contains("Kontakt din egen læge, eller ring til 1813"))
    }

    // AllocationCommitteeRule
    @Test func dayResidentialAndDetoxGrantsNeedTheVUMAndCommitteeDates() throws {
        for file in ["bevilling-dag-sel101.json", "bevilling-afgiftning-sel101.json", "bevilling-doegn-thisted-3-maaneder.json"] {
            _ = try renders(file)
            try refused(file, .missingField, at: "$.vum_completed_date") { $0.removeValue(forKey: "vum_completed_date") }
            try refused(file, .missingField, at: "$.visitationsudvalg_date") { $0.removeValue(forKey: "visitationsudvalg_date") }
        }
        _ = try renders("bevilling-ambulant-sel101.json") {
            $0.removeValue(forKey: "vum_completed_date")
            $0.removeValue(forKey: "visitationsudvalg_date")
        }
    }

    // OutcomeRule
    @Test func endingTreatmentAndRefusingAnExtensionAreNeverFullSupport() throws {
        for file in ["ophoer-ambulant-sel101.json", "afslag-forlaengelse-doegn-sel101.json"] {
            _ = try renders(file)
            try refused(file, .outcomeMismatch, at: "$.outcome") { $0["outcome"] = "FULD" }
        }
    }

    // StaleCitationRule
    @Test func everyOutOfDateReferenceIsCaughtWhereverItIs() throws {
        try refused("afslag-doegn-sel101.json", .staleCitation, at: "$.legal_citations[0]") {
            $0["legal_citations"] = ["serviceloven § 101, stk. 2, om behandlingsgarantien"]
        }
        try refused("afslag-doegn-sel101.json", .staleCitation, at: "$.begrundelse.facts[0]") {
            var b = $0["begrundelse"] as! [String: Any]
            b["facts"] = ["at du efter servicelovens § 101, stk. 1-2 skulle have begyndt behandling inden 14 dage"]
            $0["begrundelse"] = b
        }
        try refused("bevilling-ambulant-sel101.json", .staleCitation, at: "$.legal_citations[0]") {
            $0["legal_citations"] = ["SEL § 153 om underretning"]
        }
        // Today's numbering, or another subsection without the guarantee, is not stale.
        _ = try renders("afslag-doegn-sel101.json") {
            $0["legal_citations"] = ["serviceloven § 101, stk. 1 og 4, om behandlingsgarantien", "serviceloven § 101, stk. 2"]
        }
        #expect(LegalCitations.staleReasons(in: "serviceloven § 101, stk. 4 (14 dage)").isEmpty)
        #expect(!LegalCitations.staleReasons(in: "behandlingsgarantien i servicelovens § 101, stk. 2").isEmpty)
        #expect(!LegalCitations.staleReasons(in: "Du kan klage til Region Nordjyllands Patientkontor").isEmpty)
        #expect(!LegalCitations.staleReasons(in: "serviceloven (SEL) § 153").isEmpty)
        #expect(LegalCitations.staleReasons(in: "barnets lov § 133").isEmpty)
        #expect(LegalCitations.staleReasons(in: "du selv § 153").isEmpty)
    }

    /// Words in a template are the template's fault: file and line, exit 3; the same words from a
    /// caseworker are the case's, at the field's JSON path.
    @Test func aTemplateProblemNamesTheTemplateLineACaseworkerProblemTheField() throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-alkohol-sul141.json"))
        let collector = DiagnosticCollector()
        let input = try #require(CaseReader.read(json: try TestSupport.exampleBytes("afslag-doegn-alkohol-sul141.json"),
                                                 today: TestSupport.today, diagnostics: collector))
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let model = try LetterModelBuilder(profile: profiles.profile(forMunicipalityCode: "183")!).build(input)
        let withStale = Document(title: "T", blocks: letter.document.blocks + [.paragraph([.text("Se servicelovens § 153.")])])
        let source = TemplateSource(path: "letters/afslag/letter.xhtml", text: "<p>a</p>\n<p>Se servicelovens § 153.</p>\n", isPartial: false)
        let problems = LetterTextRules.check(withStale, model: model, sources: [source])
        #expect(problems.contains { $0.code == .staleCitation && $0.location == .file(path: "letters/afslag/letter.xhtml", line: 2, column: nil) })
        #expect(BrevError.invalid(problems).exitCode == 3)
        #expect(LetterTextRules.check(letter.document, model: model, sources: [source]).isEmpty)

        try refused("afslag-doegn-alkohol-sul141.json", .wrongComplaintRoute, at: "$.begrundelse.assessment") {
            var b = $0["begrundelse"] as! [String: Any]
            b["assessment"] = "Du kan klage til Ankestyrelsen."
            $0["begrundelse"] = b
        }
    }

    // IdentityRule, GrantRule, DateOrderRule, CaseworkerRule
    @Test func aNamedCaseAndAGrantNeedTheirFields() throws {
        let grant = "bevilling-ambulant-sel101.json"
        try refused(grant, .missingField, at: "$.case_number") { $0.removeValue(forKey: "case_number") }
        try refused(grant, .missingField, at: "$.caseworker") { $0.removeValue(forKey: "caseworker") }
        try refused(grant, .missingField, at: "$.provider") { $0.removeValue(forKey: "provider") }
        try refused(grant, .missingField, at: "$.planned_start_date") { $0.removeValue(forKey: "planned_start_date") }
        try refused(grant, .invalidValue, at: "$.provider.approved") {
            var p = $0["provider"] as! [String: Any]
            p["approved"] = false
            $0["provider"] = p
        }
        try refused(grant, .dateOrder, at: "$.first_contact_date") { $0["first_contact_date"] = "2026-12-24" }
    }

    /// The command line: a template that cites stale law stops `check` and `render` alike with
    /// exit 3 and the template's file and line; nothing is written.
    @Test func aTemplateCitingStaleLawIsAResourceErrorForCheckAndRender() throws {
        let brev = try TestSupport.brevBinary
        let root = try TestSupport.temporaryDirectory()
        for folder in ["LetterTemplates", "Fonts", "Schemas"] {
            try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        let template = root.appendingPathComponent("LetterTemplates/letters/afslag/letter.xhtml")
        var lines = try String(contentsOf: template, encoding: .utf8).components(separatedBy: "\n")
        let at = try #require(lines.firstIndex(of: "{{> begrundelse}}"))
        lines.insert("<p>Pligten til at underrette står i servicelovens § 153.</p>", at: at)
        try lines.joined(separator: "\n").write(to: template, atomically: true, encoding: .utf8)
        let example = TestSupport.example("afslag-doegn-sel101.json").path
        let where_ = "letters/afslag/letter.xhtml:\(at + 1)"
        let check = try TestSupport.run("env", ["-u", "BREV_MEMO_SCHEMAS", brev, "check", "--case", example, "--resources", root.path])
        #expect(check.status == 3, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("STALE_CITATION") && check.stdout.contains(where_), "\(check.stdout)")
        let out = root.appendingPathComponent("out")
        let render = try TestSupport.run("env", ["-u", "BREV_MEMO_SCHEMAS", brev, "render", "--case", example, "--out", out.path,
                                                 "--resources", root.path])
        #expect(render.status == 3, "\(render.stderr)")
        #expect(render.stderr.contains("STALE_CITATION") && render.stderr.contains(where_), "\(render.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty)
    }

    // LocalPracticeRule
    @Test func thistedsThreeMonthsWarnUnlessTheCaseGivesAnExceptionReason() throws {
        func longer(_ o: inout [String: Any]) {
            o["period_requested"] = ["from": "2027-03-01", "months": 4]
            o["period_granted"] = ["from": "2027-03-01", "months": 4]
        }
        let warned = pipeline.check(caseJSON: try variant("bevilling-doegn-thisted-3-maaneder.json", longer))
        #expect(warned.contains { $0.code == .localPracticeExceeded && $0.severity == .warning && $0.location == .jsonPath("$.period_granted") })
        #expect(!warned.contains { $0.severity == .error })
        let excused = pipeline.check(caseJSON: try variant("bevilling-doegn-thisted-3-maaneder.json") {
            longer(&$0)
            $0["exception_reason"] = "Behandlingsstedet vurderer, at et forløb på fire måneder er nødvendigt."
        })
        #expect(!excused.contains { $0.code == .localPracticeExceeded })
        #expect(!pipeline.check(caseJSON: try TestSupport.exampleBytes("bevilling-doegn-thisted-3-maaneder.json"))
            .contains { $0.code == .localPracticeExceeded })
    }

    /// `brev check` ok ⇒ `brev render` succeeds, over every example and 300 generated cases.
    @Test func checkOKMeansRenderSucceeds() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        var inputs: [[UInt8]] = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") }.map { Array(try Data(contentsOf: folder.appendingPathComponent($0))) }
        var g = UnseenCasesTests.Generator(state: 20261130)
        let examples = ["afslag-doegn-sel101.json", "bevilling-ambulant-sel101.json", "delvis-bevilling-doegn-egenbetaling.json",
                        "afslag-doegn-alkohol-sul141.json", "bevilling-ambulant-bl33-ung-16-aar.json", "ophoer-ambulant-sel101.json",
                        "bevilling-dag-sel101.json", "anonym-information-sel101a.json"]
        for _ in 0..<300 {
            var o = try TestSupport.exampleObject(g.pick(examples))
            if g.chance(30) { o["substance_category"] = g.pick(["STOF", "ALKOHOL", "BEGGE"]) }
            if g.chance(30) { o["legal_basis"] = g.pick([["SEL_101"], ["SUL_141"], ["SEL_101", "SUL_141"], ["SEL_101A"], ["BL_33"]]) }
            if g.chance(30) { o["outcome"] = g.pick(["FULD", "DELVIS", "AFSLAG"]) }
            if g.chance(20) { o["anonymous"] = g.chance(50) }
            if g.chance(20) { o["treatment_type_granted"] = g.pick(["AMBULANT", "DAG", "DOEGN", "AFGIFTNING"]) }
            if g.chance(20) { o["planned_start_date"] = g.pick(["2026-11-20", "2026-12-20", "2027-01-15"]) }
            if g.chance(15) { o["free_choice"] = ["chosen_other_provider": g.chance(50), "same_type": true, "restricted": g.chance(50),
                                                  "restriction_reason": "Der er ikke plads."] }
            if g.chance(15) { o.removeValue(forKey: g.pick(Array(o.keys))) }
            inputs.append(try TestSupport.json(o))
        }
        var agreed = 0
        for json in inputs {
            let (diagnostics, failure) = pipeline.checkAll(caseJSON: json)
            do {
                _ = try pipeline.renderAll(caseJSON: json)
                #expect(failure == nil, "render succeeded where check failed: \(diagnostics)")
                agreed += failure == nil ? 1 : 0
            } catch {
                #expect(failure != nil, "check said ok, render failed: \(error)")
                #expect(failure?.exitCode == error.exitCode)
            }
        }
        #expect(agreed > 20, "only \(agreed) cases rendered")
    }
}
