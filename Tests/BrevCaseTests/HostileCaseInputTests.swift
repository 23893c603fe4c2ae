import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// Case files brev must survive (issue 10): every value out of range, too long, too deep or
/// holding a forbidden character is refused in-process with a stable code and its JSON path,
/// and no message repeats a value from the case.
@Suite struct HostileCaseInputTests {
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

    func diagnostics(_ example: String = "afslag-doegn-sel101.json", changing change: (inout [String: Any]) -> Void) throws -> [Diagnostic] {
        var object = try TestSupport.exampleObject(example)
        change(&object)
        return diagnostics(try TestSupport.json(object))
    }

    /// The example as JSON text with one piece of text replaced: for inputs `JSONSerialization`
    /// cannot write (1e999, a lone surrogate escape, deep nesting).
    func diagnostics(_ example: String, replacing old: String, with new: String) throws -> [Diagnostic] {
        let text = String(decoding: try TestSupport.exampleBytes(example), as: UTF8.self)
        #expect(text.contains(old), "the example no longer holds \(old)")
        return diagnostics(Array(text.replacingOccurrences(of: old, with: new).utf8))
    }

    func has(_ d: [Diagnostic], _ code: DiagnosticCode, at path: String) -> Bool {
        d.contains { $0.code == code && $0.location == .jsonPath(path) && $0.severity == .error }
    }

    func editCitizen(_ o: inout [String: Any], _ key: String, _ value: Any) {
        var citizen = o["citizen"] as! [String: Any]
        citizen[key] = value
        o["citizen"] = citizen
    }

    // MARK: The crashing inputs of issue 10

    @Test func aDispatchInThe1500sIsRefusedNotATrap() throws {
        // Gregorian 10 March 1500 is Julian 29 February 1500, a day the proleptic Gregorian calendar lacks.
        let d = try diagnostics { $0["dispatch_datetime"] = "1500-03-10T12:00+01:00" }
        #expect(has(d, .dateOrder, at: "$.dispatch_datetime"), "\(d)")
    }

    @Test func anyInstantHasACopenhagenDate() throws {
        for (text, expected) in [("0001-01-01T00:30+01:00", "0001-01-01"), ("1500-03-10T12:00Z", "1500-03-10"),
                                 ("1582-10-10T12:00Z", "1582-10-10"), ("9999-12-31T23:59Z", "10000-01-01"),
                                 ("2026-11-24T23:30Z", "2026-11-25")] {
            let instant = try #require(CopenhagenTime.instant(fromISO: text))
            #expect(CopenhagenTime.date(of: instant).iso == expected, "\(text)")
        }
        #expect(BrevEnvironment.todayInCopenhagen(now: .distantPast).year < 1)
        #expect(BrevEnvironment.todayInCopenhagen(now: .distantFuture).year > 3000)
    }

    @Test(arguments: ["1e18", "1e300", "-3", "0", "2.5", "121"])
    func aPeriodOfImpossibleMonthsIsRefused(months: String) throws {
        let d = try diagnostics("bevilling-doegn-thisted-3-maaneder.json", replacing: #""months": 3"#, with: #""months": \#(months)"#)
        let path = "$.period_granted.months"
        #expect(has(d, .outOfRange, at: path) || has(d, .invalidValue, at: path), "\(d)")
    }

    @Test func aNumberBeyondDoubleIsMalformedJSON() throws {
        let d = try diagnostics("bevilling-doegn-thisted-3-maaneder.json", replacing: #""months": 3"#, with: #""months": 1e999"#)
        #expect(d.map(\.code) == [.malformedJSON], "\(d)")
    }

    @Test(arguments: [1e18, 1e300, -50, 100_000.01])
    func anImpossibleOwnPaymentIsRefused(amount: Double) throws {
        let d = try diagnostics("delvis-bevilling-doegn-egenbetaling.json") {
            var e = $0["egenbetaling"] as! [String: Any]
            e["amount"] = amount
            $0["egenbetaling"] = e
        }
        #expect(has(d, .outOfRange, at: "$.egenbetaling.amount"), "\(d)")
    }

    @Test(arguments: [1e300, 0, 1000, 1.5])
    func anImpossibleLetterVersionIsRefused(version: Double) throws {
        let d = try diagnostics { $0["letter_version"] = version }
        #expect(has(d, .outOfRange, at: "$.letter_version") || has(d, .invalidValue, at: "$.letter_version"), "\(d)")
    }

    // MARK: Size and depth

    @Test func aFileOverTheSizeLimitIsRefusedBeforeParsing() {
        // Not even JSON: the size alone refuses it, so nothing is parsed.
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: CaseLimits.maximumFileBytes + 1)
        let d = diagnostics(bytes)
        #expect(d.map(\.code) == [.caseTooLarge])
        #expect(d.first?.location == .jsonPath("$"))
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        for open in ["[", #"{"a":"#] {
            let bytes = Array(String(repeating: open, count: 100_000).utf8)
            #expect(diagnostics(bytes).map(\.code) == [.nestingTooDeep])
        }
        let justTooDeep = String(repeating: "[", count: CaseLimits.maximumNestingDepth + 1)
            + String(repeating: "]", count: CaseLimits.maximumNestingDepth + 1)
        #expect(diagnostics(Array(justTooDeep.utf8)).map(\.code) == [.nestingTooDeep])
    }

    @Test func anObjectWithTooManyMembersIsOneError() throws {
        let d = try diagnostics { o in for i in 0..<200 { o["x\(i)"] = i } }
        #expect(has(d, .tooManyItems, at: "$"))
        #expect(d.count == 1, "\(d.count) diagnostics")
    }

    // MARK: Strings

    @Test func aFreeTextOf40KilobytesIsFine() throws {
        let sentence = "Vi har lagt vægt på, at du selv ønsker behandling, og at din læge støtter det. "
        let text = String(repeating: sentence, count: 40_000 / sentence.utf8.count + 1)
        #expect(text.utf8.count > 40_000)
        let d = try diagnostics {
            $0["begrundelse"] = ["facts": ["at du er mødt stabilt"], "assessment": text, "relies_on_third_party_information": false]
        }
        #expect(d.isEmpty, "\(d)")
    }

    @Test func aTooLongTextIsRefused() throws {
        let d = try diagnostics {
            self.editCitizen(&$0, "name", String(repeating: "A", count: CaseLimits.TextKind.line.maximumLength + 1))
            $0["case_number"] = String(repeating: "1-", count: 40)
            $0["citizen_views"] = String(repeating: "x", count: CaseLimits.TextKind.freeText.maximumLength + 1)
        }
        #expect(has(d, .valueTooLong, at: "$.citizen.name"))
        #expect(has(d, .valueTooLong, at: "$.case_number"))
        #expect(has(d, .valueTooLong, at: "$.citizen_views"))
    }

    @Test func anUnbreakableWordIsRefused() throws {
        let d = try diagnostics {
            $0["begrundelse"] = ["facts": ["at " + String(repeating: "x", count: 101)], "assessment": "a" + String(repeating: "\u{301}", count: 5000)]
            self.editCitizen(&$0, "name", String(repeating: "W", count: 101))
        }
        #expect(has(d, .valueTooLong, at: "$.begrundelse.facts[0]"))
        #expect(has(d, .valueTooLong, at: "$.begrundelse.assessment"))
        #expect(has(d, .valueTooLong, at: "$.citizen.name"))
        let fine = try diagnostics { self.editCitizen(&$0, "name", "Mette " + String(repeating: "W", count: 100)) }
        #expect(!fine.contains { $0.code == .valueTooLong }, "\(fine)")
    }

    @Test(arguments: [0x202E, 0x202A, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x07, 0x00, 0x1B, 0x7F, 0x85, 0x9F,
                      0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFF, 0x0D, 0x09])
    func aForbiddenCharacterIsNamedByItsCodePoint(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let d = try diagnostics { self.editCitizen(&$0, "name", "Mette \(Character(scalar))Ærø") }
        let problem = try #require(d.first { $0.code == .invalidCharacter })
        #expect(problem.location == .jsonPath("$.citizen.name"))
        #expect(problem.message.contains(String(format: "U+%04X", value)), "\(problem.message)")
        #expect(!problem.message.contains("Mette"))
    }

    @Test func aLineBreakIsAllowedOnlyInFreeText() throws {
        let d = try diagnostics {
            self.editCitizen(&$0, "name", "Mette\nØstergård")
            $0["begrundelse"] = ["facts": ["at du\nbor alene"], "assessment": "Første afsnit.\n\nAndet afsnit.",
                                 "relies_on_third_party_information": false]
        }
        #expect(d.map(\.code) == [.invalidCharacter], "\(d)")
        #expect(has(d, .invalidCharacter, at: "$.citizen.name"))
    }

    @Test func aLoneSurrogateEscapeIsAnInvalidCharacterWithItsPath() throws {
        let d = try diagnostics("afslag-doegn-sel101.json", replacing: #""Mette Ærø-Østergård""#, with: #""Mette \ud800 Ærø""#)
        #expect(has(d, .invalidCharacter, at: "$.citizen.name"), "\(d)")
        #expect(d.first?.message.contains("U+D800") == true)
        let low = try diagnostics("afslag-doegn-sel101.json", replacing: #""Strandgårdsvej 12, 2. th.""#, with: #""\uDC00""#)
        #expect(has(low, .invalidCharacter, at: "$.citizen.address.street"), "\(low)")
        let inArray = try diagnostics("afslag-doegn-sel101.json", replacing: #""legal_citations": ["#, with: #""legal_citations": ["\ud83d", "#)
        #expect(has(inArray, .invalidCharacter, at: "$.legal_citations[0]"), "\(inArray)")
    }

    @Test func tooManyItemsAreRefused() throws {
        let holder: [String: Any] = ["name": "B", "address": ["street": "Vej 2", "postcode": "2635", "city": "Ishøj"]]
        let d = try diagnostics {
            $0["custody_holders"] = [holder, holder, holder]
            $0["begrundelse"] = ["facts": Array(repeating: "at …", count: CaseLimits.maximumFacts + 1), "assessment": "x"]
        }
        #expect(has(d, .tooManyItems, at: "$.custody_holders"))
        #expect(has(d, .tooManyItems, at: "$.begrundelse.facts"))
    }

    // MARK: Dates

    @Test(arguments: ["9999-12-31", "1850-01-01", "2000-01-01", "2028-01-01"])
    func aLetterDateFarFromTodayIsRefused(date: String) throws {
        let d = try diagnostics {
            $0["letter_date"] = date
            $0.removeValue(forKey: "dispatch_datetime")
        }
        #expect(has(d, .outOfRange, at: "$.letter_date"), "\(d)")
    }

    @Test func aLetterDateYearsBackIsAllowedForARerender() throws {
        let d = try diagnostics {
            $0["letter_date"] = "2015-06-01"
            $0["application_received_date"] = "2015-05-01"
            $0["first_contact_date"] = "2015-04-20"
            $0["dispatch_datetime"] = "2015-06-01T10:00+02:00"
        }
        #expect(!d.contains { $0.code == .outOfRange }, "\(d)")
    }

    @Test func anyDateOutsideTheWindowIsRefused() throws {
        let d = try diagnostics {
            $0["application_received_date"] = "1899-12-31"
            $0["first_contact_date"] = "2201-01-01"
        }
        #expect(has(d, .outOfRange, at: "$.application_received_date"))
        #expect(has(d, .outOfRange, at: "$.first_contact_date"))
    }

    @Test func theDispatchIsOnOrSoonAfterTheLetterDate() throws {
        let before = try diagnostics { $0["dispatch_datetime"] = "2026-11-23T09:00+01:00" }
        #expect(has(before, .dateOrder, at: "$.dispatch_datetime"))
        let decadesAhead = try diagnostics { $0["dispatch_datetime"] = "2060-11-24T09:00+01:00" }
        #expect(has(decadesAhead, .outOfRange, at: "$.dispatch_datetime"))
        let lastDay = try diagnostics { $0["dispatch_datetime"] = "2026-12-24T09:00+01:00" }
        #expect(!lastDay.contains { $0.location == .jsonPath("$.dispatch_datetime") }, "\(lastDay)")
        // 23:30 UTC on the 23rd is already the 24th in Copenhagen: the same day as the letter.
        let sameDay = try diagnostics { $0["dispatch_datetime"] = "2026-11-23T23:30Z" }
        #expect(!sameDay.contains { $0.location == .jsonPath("$.dispatch_datetime") }, "\(sameDay)")
    }

    // MARK: Identity

    @Test func aCitizenBornIn1860IsRefusedThoughTheNumberIsValid() throws {
        // domain.md §7 case 23: 010160-5123 is a structurally valid CPR number (born 1860).
        guard case .success(let cpr) = CPR.parse("010160-5123", today: TestSupport.today) else {
            Issue.record("CPR.parse must keep accepting 010160-5123")
            return
        }
        #expect(cpr.birthDate.year == 1860)
        let d = try diagnostics { self.editCitizen(&$0, "cpr", "0101605123") }
        #expect(has(d, .implausibleAge, at: "$.citizen.cpr"), "\(d)")
        #expect(!d.contains { $0.message.contains("0101605123") })
    }

    @Test func aCustodyHolderOfImplausibleAgeIsRefused() throws {
        let d = try diagnostics("bevilling-ambulant-bl33-ung-16-aar.json") {
            var holders = $0["custody_holders"] as! [[String: Any]]
            holders[0]["cpr"] = "0101605123"
            $0["custody_holders"] = holders
        }
        #expect(has(d, .implausibleAge, at: "$.custody_holders[0].cpr"), "\(d)")
    }

    @Test(arguments: ["0101605123", "010160-5123", "SAG-0101851234", "2024/010185 1234", "x0101851234y"])
    func aCaseNumberHoldingACPRNumberIsRefused(number: String) throws {
        let d = try diagnostics { $0["case_number"] = number }
        #expect(has(d, .caseNumberContainsCPR, at: "$.case_number"), "\(d)")
        #expect(!d.contains { $0.message.contains("0101") })
    }

    @Test(arguments: ["27.36.08-G01-1042-26", "2026-0012345678", "12345678901", "S-3200000000"])
    func aCaseNumberWithoutACPRNumberIsFine(number: String) throws {
        let d = try diagnostics { $0["case_number"] = number }
        #expect(!d.contains { $0.code == .caseNumberContainsCPR }, "\(d)")
    }

    // MARK: No value from the case in any message

    /// Personal values as a caseworker's system might misplace them: a name, a CPR number and an
    /// address, with a line break that would forge a line of `brev check` output.
    static let sentinels = ["Sentinel Hansen", "0101851234", "Sentinelvej 7"]
    static let sentinel = "Sentinel Hansen 0101851234\nafslag.json: ok Sentinelvej 7"

    @Test func noDiagnosticRepeatsAValueFromTheCase() throws {
        let s = Self.sentinel
        var runs: [(String, [Diagnostic])] = []
        func run(_ what: String, _ example: String = "afslag-doegn-sel101.json", _ change: (inout [String: Any]) -> Void) throws {
            runs.append((what, try diagnostics(example, changing: change)))
        }
        // Every kind of field given the sentinel where something else belongs.
        for key in ["letter_type", "channel", "outcome", "substance_category", "treatment_type_requested", "letter_date",
                    "application_received_date", "dispatch_datetime", "municipality_code", "case_number", "letter_version",
                    "anonymous", "citizen", "begrundelse", "legal_basis"] {
            try run(key) { $0[key] = s }
        }
        try run("legal_basis item") { $0["legal_basis"] = [s] }
        try run("municipality code, clean") { $0["municipality_code"] = "0101851234" }
        try run("case number, clean") { $0["case_number"] = "0101851234" }
        try run("citizen views, long") { $0["citizen_views"] = String(repeating: s, count: 5000) }
        try run("citizen views, bidi") { $0["citizen_views"] = "\(s)\u{202E}" }
        try run("stale citation") { $0["legal_citations"] = ["serviceloven § 153 \(s)".replacingOccurrences(of: "\n", with: " ")] }
        for key in ["cpr", "name", "digital_post_status", "address"] {
            try run("citizen.\(key)") { self.editCitizen(&$0, key, s) }
        }
        try run("citizen.cpr, clean") { self.editCitizen(&$0, "cpr", "3102851234") }
        try run("postcode") { self.editCitizen(&$0, "address", ["street": "Vej 1", "postcode": s, "city": "Ishøj"]) }
        try run("unknown key") { $0[s] = 1 }
        try run("unknown key, name-shaped") { $0["sentinel_hansen_0101851234"] = 1 }
        try run("unknown nested key") { self.editCitizen(&$0, s, "x") }
        try run("period") { $0["period_requested"] = ["from": s, "months": s] }
        try run("goal id", "behandlingsplan-sel101.json") {
            var plan = $0["behandlingsplan"] as! [String: Any]
            plan["education_employment"] = ["goal_id": "Sentinel Hansen 0101851234"]
            $0["behandlingsplan"] = plan
        }
        // Syntax errors next to the sentinel.
        let plain = s.replacingOccurrences(of: "\n", with: " ")
        for text in ["{\"citizen\": \"\(plain)\" x}", "{\"\(plain)\": 1, \"\(plain)\": 2}", "{\"\(plain)\" 1}",
                     "{\"a\": \(plain)}", "{\"a\": \"\(plain)\\q\"}", "[\"\(plain)\\ud800\"]", "{\"\(plain)\\ud800\": 1}"] {
            runs.append((text, diagnostics(Array(text.utf8))))
        }
        for (what, d) in runs {
            #expect(!d.isEmpty, "\(what): nothing was refused")
            for diagnostic in d {
                let shown = diagnostic.description
                for value in Self.sentinels { #expect(!shown.contains(value), "\(what): \(shown)") }
                #expect(!shown.contains("\n"), "\(what): \(shown)")
            }
        }
    }

    // MARK: Mutated example cases

    /// Every value of every example replaced by hostile values (three per place, rotating through
    /// the list so each value meets every kind of field): each run ends in a case or in errors with
    /// a code and a JSON path (or a line for syntax), and no run traps or hangs.
    @Test func everyMutationOfEveryExampleEndsInACaseOrCodedErrors() throws {
        let hostile: [Any] = [1e300, -1e300, -1, 0, 1.5, 1e18, "", "9999-12-31", "1500-03-10T12:00+01:00", "0101605123",
                              "\u{202E}x", "a\u{0}b", String(repeating: "x", count: 60_000), NSNull(), true,
                              [String: Any](), Array(repeating: 1, count: 200)]
        let examples = try FileManager.default.contentsOfDirectory(atPath: TestSupport.example("").path)
            .filter { $0.hasSuffix(".json") }.sorted()
        #expect(examples.count >= 20)
        var runs = 0
        var accepted = 0
        var place = 0
        for example in examples {
            let original = try TestSupport.exampleObject(example)
            for path in Self.leafPaths(original) {
                place += 1
                for k in 0..<3 {
                    let value = hostile[(place * 3 + k) % hostile.count]
                    let mutated = Self.setting(original, at: path, to: value)
                    let collector = DiagnosticCollector()
                    runs += 1
                    if let input = CaseReader.read(json: try TestSupport.json(mutated as! [String: Any]), today: TestSupport.today,
                                                   diagnostics: collector) {
                        CaseValidator(profiles: profiles).validate(input, into: collector)
                        if !collector.hasErrors {
                            accepted += 1
                            // What brev accepts, it can also build a letter model for (or say why not).
                            if let profile = profiles.profile(forMunicipalityCode: input.municipalityCode), !input.anonymous {
                                _ = try? LetterModelBuilder(profile: profile).build(input)
                            }
                            continue
                        }
                    }
                    let errors = collector.diagnostics.filter { $0.severity == .error }
                    #expect(!errors.isEmpty, "\(example) \(path): no case and no error")
                    for e in errors {
                        #expect(!e.code.rawValue.isEmpty)
                        if case .jsonPath(let p) = e.location { #expect(p.hasPrefix("$"), "\(e)") } else if case .file = e.location {} else {
                            Issue.record("\(example) \(path): \(e) has no location")
                        }
                    }
                }
            }
        }
        #expect(runs > 2000, "\(runs) runs")
        #expect(accepted > 0 && accepted < runs, "\(accepted) of \(runs) accepted")
    }

    /// Bytes of example files cut short or overwritten with bytes that break JSON or UTF-8: each
    /// run ends in a case or in coded errors with a location.
    @Test func everyByteMutationEndsInACaseOrCodedErrors() throws {
        var runs = 0
        for example in ["afslag-doegn-sel101.json", "behandlingsplan-sel101.json", "bevilling-ambulant-bl33-ung-16-aar.json"] {
            let original = try TestSupport.exampleBytes(example)
            for i in stride(from: 0, to: original.count, by: 23) {
                var variants = [Array(original[..<i])]
                for b: UInt8 in [0x00, 0x22, 0x7B, 0x5D, 0x5C, 0xFF, 0xC3, 0x0A, 0x31] {
                    var bytes = original
                    bytes[i] = b
                    variants.append(bytes)
                }
                for bytes in variants {
                    runs += 1
                    let d = diagnostics(bytes)
                    for e in d where e.severity == .error {
                        #expect(e.location != .unknown, "\(example) byte \(i): \(e)")
                    }
                }
            }
        }
        #expect(runs > 2000, "\(runs) runs")
    }

    /// Paths to every value below the root (keys and array indices), the containers included.
    static func leafPaths(_ value: Any, prefix: [Any] = []) -> [[Any]] {
        var out: [[Any]] = []
        if let object = value as? [String: Any] {
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                out.append(prefix + [key])
                out += leafPaths(child, prefix: prefix + [key])
            }
        } else if let array = value as? [Any] {
            for (i, child) in array.enumerated() {
                out.append(prefix + [i])
                out += leafPaths(child, prefix: prefix + [i])
            }
        }
        return out
    }

    static func setting(_ root: Any, at path: [Any], to value: Any) -> Any {
        guard let first = path.first else { return value }
        let rest = Array(path.dropFirst())
        if let key = first as? String, var object = root as? [String: Any] {
            object[key] = setting(object[key] as Any, at: rest, to: value)
            return object
        }
        if let index = first as? Int, var array = root as? [Any] {
            array[index] = setting(array[index], at: rest, to: value)
            return array
        }
        return root
    }
}
