import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// Reading and validating cases: every problem is reported, each with its JSON path and a
/// stable code (domain.md §7, cases 2, 3, 8, 15, 23).
@Suite struct CaseValidationTests {
    let profiles: ProfileCatalog

    init() throws {
        profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
    }

    func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        let collector = DiagnosticCollector()
        if let input = CaseReader.read(json: bytes, today: TestSupport.today, diagnostics: collector) {
            CaseValidator(profiles: profiles).validate(input, into: collector)
        }
        return collector.diagnostics
    }

    func diagnostics(changing change: (inout [String: Any]) -> Void) throws -> [Diagnostic] {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        change(&object)
        return diagnostics(try TestSupport.json(object))
    }

    func has(_ d: [Diagnostic], _ code: DiagnosticCode, at path: String) -> Bool {
        d.contains { $0.code == code && $0.location == .jsonPath(path) && $0.severity == .error }
    }

    @Test func theExampleCaseIsValid() throws {
        let d = diagnostics(try TestSupport.exampleBytes("afslag-doegn-sel101.json"))
        #expect(d.isEmpty, "\(d)")
    }

    @Test func case2AnAfslagWithoutFactsIsMissingBegrundelse() throws {
        let d = try diagnostics { $0["begrundelse"] = ["facts": [], "assessment": "Vi vurderer …"] }
        #expect(has(d, .missingBegrundelse, at: "$.begrundelse.facts"))
    }

    @Test func case3aNoLegalCitationsIsMissingLegalBasis() throws {
        let d = try diagnostics { $0["legal_citations"] = [] }
        #expect(has(d, .missingLegalBasis, at: "$.legal_citations"))
    }

    @Test func case3bNoAssessmentIsMissingAssessment() throws {
        let d = try diagnostics { $0["begrundelse"] = ["facts": ["at …"]] }
        #expect(has(d, .missingAssessment, at: "$.begrundelse.assessment"))
    }

    @Test func case3cThirdPartyInformationWithoutAHearingBlocksTheLetter() throws {
        let d = try diagnostics { $0["partshoering"] = ["performed": false] }
        #expect(has(d, .partshoeringRequired, at: "$.partshoering"))
        let excepted = try diagnostics { $0["partshoering"] = ["performed": false, "exception_code": "UBETAENKELIGT"] }
        #expect(!excepted.contains { $0.code == .partshoeringRequired })
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let d = diagnostics(try TestSupport.exampleBytes("afslag-doegn-invalid-mangler-begrundelse.json"))
        #expect(has(d, .missingBegrundelse, at: "$.begrundelse.facts"))
        #expect(has(d, .missingAssessment, at: "$.begrundelse.assessment"))
        #expect(has(d, .missingLegalBasis, at: "$.legal_citations"))
        #expect(has(d, .partshoeringRequired, at: "$.partshoering"))
        #expect(d.count == 4, "\(d)")
    }

    @Test func unknownMisspeltAndMistypedFieldsAreNamed() throws {
        let d = try diagnostics {
            $0["letter_typ"] = "AFSLAG"
            $0["anonymous"] = "no"
            var citizen = $0["citizen"] as! [String: Any]
            citizen["nmae"] = "x"
            citizen["digital_post_status"] = "MAYBE"
            $0["citizen"] = citizen
        }
        #expect(has(d, .unknownField, at: "$.letter_typ"))
        #expect(has(d, .wrongType, at: "$.anonymous"))
        #expect(has(d, .unknownField, at: "$.citizen.nmae"))
        #expect(has(d, .invalidValue, at: "$.citizen.digital_post_status"))
    }

    @Test func requiredFieldsAndBadDatesAreNamed() throws {
        let d = try diagnostics {
            $0.removeValue(forKey: "channel")
            $0["letter_date"] = "24-11-2026"
            $0["dispatch_datetime"] = "2026-11-24T09:12"
        }
        #expect(has(d, .missingField, at: "$.channel"))
        #expect(has(d, .invalidDate, at: "$.letter_date"))
        #expect(has(d, .invalidDate, at: "$.dispatch_datetime"))
    }

    @Test func anInvalidCPRIsReportedWithoutEchoingTheNumber() throws {
        let d = try diagnostics {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["cpr"] = "2902001123"
            $0["citizen"] = citizen
        }
        let problem = d.first { $0.code == .invalidCPR }
        #expect(problem?.location == .jsonPath("$.citizen.cpr"))
        #expect(problem?.message.contains("2902001123") == false)
    }

    @Test func case15AMinorUnderSEL101GetsWrongLegalBasis() throws {
        let d = try diagnostics {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["cpr"] = "2411124123" // 14 years old on the letter date
            citizen["digital_post_status"] = "UNDER_15"
            $0["citizen"] = citizen
            $0["channel"] = "FYSISK"
        }
        #expect(has(d, .wrongLegalBasisMinor, at: "$.legal_basis[0]"))
    }

    @Test func case8AnAnonymousCaseCarriesNoIdentifiersAndNoDigitalPost() throws {
        let d = try diagnostics {
            $0["anonymous"] = true
            $0["legal_basis"] = ["SEL_101A"]
        }
        #expect(has(d, .anonymousNoIdentifiers, at: "$.citizen.cpr"))
        #expect(has(d, .anonymousNoIdentifiers, at: "$.citizen.name"))
        #expect(has(d, .anonymousNoDigitalPost, at: "$.channel"))
    }

    @Test func aStaleCitationOfSEL153IsRefused() throws {
        let d = try diagnostics { $0["legal_citations"] = ["serviceloven § 101, stk. 1", "serviceloven § 153 om underretning"] }
        #expect(has(d, .staleCitation, at: "$.legal_citations[1]"))
    }

    @Test func anUnknownMunicipalityIsNamed() throws {
        let d = try diagnostics { $0["municipality_code"] = "999" }
        #expect(has(d, .unknownMunicipality, at: "$.municipality_code"))
    }

    @Test func aCitizenExemptFromDigitalPostCannotGetIt() throws {
        let d = try diagnostics {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["digital_post_status"] = "FRITAGET"
            $0["citizen"] = citizen
        }
        #expect(has(d, .channelNotAllowed, at: "$.channel"))
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let d = diagnostics(Array("{\n  \"letter_type\": \"AFSLAG\",\n  \"x\" 1\n}".utf8))
        #expect(d.count == 1)
        #expect(d.first?.code == .malformedJSON)
        #expect(d.first?.location == .file(path: "case", line: 3, column: 7))
    }
}
