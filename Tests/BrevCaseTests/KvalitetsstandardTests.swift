import BrevCase
import BrevCore
import Testing

/// domain.md §7 case 24: the S3 draft (approval date "dato", no revision date, no gift-voucher
/// section) must not be published.
@Suite struct KvalitetsstandardTests {
    func problems(_ json: String) throws -> [Diagnostic] {
        let d = DiagnosticCollector()
        KvalitetsstandardValidator.validate(try JSONParser.parse(json), diagnostics: d)
        return d.diagnostics
    }

    static let fourteenSections = (1...14).map { "\"\($0)\": \"tekst\"" }.joined(separator: ", ")

    @Test func case24TheS3DraftIsRefusedWithThreeCodes() throws {
        let d = try problems(#"{"adopted_by": "Social- og Sundhedsudvalget", "adopted_date": "dato", "sections": {"# + Self.fourteenSections + "}}")
        #expect(Set(d.map(\.code)) == [.ksMissingAdoptionDate, .ksMissingRevisionDate, .ksMissingSection15])
        #expect(d.first { $0.code == .ksMissingAdoptionDate }?.message.contains("'dato' is not a date") == true)
    }

    @Test func aCompleteStandardWithRevisionWithinTwoYearsPasses() throws {
        let ok = #"{"adopted_by": "Social- og Sundhedsudvalget", "adopted_date": "2025-06-10", "next_revision_date": "2027-06-01", "sections": {"# + Self.fourteenSections + #", "15": "Ishøj og Vallensbæk Kommuner anvender ikke gavekort."}}"#
        #expect(try problems(ok).isEmpty)
        let late = ok.replacingOccurrences(of: "2027-06-01", with: "2027-07-01")
        #expect(try problems(late).map(\.code) == [.ksMissingRevisionDate])
    }
}
