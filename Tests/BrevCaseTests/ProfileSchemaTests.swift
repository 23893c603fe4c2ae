import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// A municipality profile is checked against its schema when brev starts: a wrong value stops
/// brev with the file and the line it stands on, never a letter with "-4 uger".
@Suite struct ProfileSchemaTests {
    static let ishoej = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles/ishoej-vallensbaek.yaml")
    static let thisted = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles/thisted.yaml")

    /// Loads the two shipped profiles with one line of Ishøj's replaced; the diagnostics, or none.
    func load(replacing old: String, with new: String, in profile: URL = ishoej) throws -> [Diagnostic] {
        let dir = try TestSupport.temporaryDirectory()
        for source in [Self.ishoej, Self.thisted] {
            var text = try String(contentsOf: source, encoding: .utf8)
            if source == profile {
                #expect(text.contains(old), "the test's line is not in \(source.lastPathComponent)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: dir.appendingPathComponent(source.lastPathComponent), atomically: true, encoding: .utf8)
        }
        do {
            _ = try ProfileCatalog.load(directory: dir)
            return []
        } catch {
            return error.diagnostics
        }
    }

    func location(_ line: Int, _ file: String = "ishoej-vallensbaek.yaml") -> (BrevCore.SourceLocation) -> Bool {
        { if case .file(file, line, _) = $0 { return true } else { return false } }
    }

    @Test func theShippedProfilesPass() throws {
        #expect(try load(replacing: "id:", with: "id:").isEmpty)
    }

    @Test func anUnknownKeyIsRefusedAtItsLine() throws {
        let d = try load(replacing: "letter_title: Brev", with: "leter_title: Brev")
        #expect(d.contains { $0.code == .profileUnknownKey && location(10)($0.location) && $0.message.contains("leter_title") })
        #expect(d.contains { $0.code == .profileInvalid && $0.message.contains("missing key letter_title") })
    }

    @Test func anUnknownNestedKeyIsRefusedAtItsLine() throws {
        let d = try load(replacing: "  paper_receipt_working_days: 6", with: "  paper_reciept_working_days: 6")
        #expect(d.contains { $0.code == .profileUnknownKey && location(36)($0.location)
                && $0.message.contains("deadlines.paper_reciept_working_days") })
    }

    @Test func negativeComplaintWeeksAreRefusedAsStatutory() throws {
        let d = try load(replacing: "complaint_weeks: 4 ", with: "complaint_weeks: -4 ")
        #expect(d.count == 1)
        #expect(d.contains { $0.code == .profileStatutoryValue && location(34)($0.location) && $0.message.contains("RSL § 66") })
    }

    @Test func anotherComplaintPeriodThanTheLawsIsRefused() throws {
        let d = try load(replacing: "complaint_weeks: 4 ", with: "complaint_weeks: 6 ")
        #expect(d.contains { $0.code == .profileStatutoryValue && location(34)($0.location) })
        let r = try load(replacing: "reassessment_weeks: 4 ", with: "reassessment_weeks: 8 ")
        #expect(r.contains { $0.code == .profileStatutoryValue && location(35)($0.location) && $0.message.contains("RSL § 67") })
    }

    @Test func hugeComplaintWeeksAreRefusedWithoutOverflow() throws {
        let d = try load(replacing: "complaint_weeks: 4 ", with: "complaint_weeks: 99999999999999999999999 ")
        #expect(d.contains { $0.code == .profileOutOfRange && location(34)($0.location) })
        let max = try load(replacing: "complaint_weeks: 4 ", with: "complaint_weeks: \(Int.max) ")
        #expect(max.contains { $0.code == .profileStatutoryValue && location(34)($0.location) })
    }

    @Test func aNegativePaperReceiptIsRefused() throws {
        let d = try load(replacing: "paper_receipt_working_days: 6", with: "paper_receipt_working_days: -6")
        #expect(d.count == 1)
        #expect(d.contains { $0.code == .profileOutOfRange && location(36)($0.location) })
        // Fewer days than the guidance's 6 would move complaint deadlines earlier, against the citizen.
        #expect(try load(replacing: "paper_receipt_working_days: 6", with: "paper_receipt_working_days: 5")
            .contains { $0.code == .profileOutOfRange && location(36)($0.location) })
        #expect(try load(replacing: "paper_receipt_working_days: 6", with: "paper_receipt_working_days: 7").isEmpty)
    }

    @Test func aMunicipalityCodeInTwoProfilesIsRefusedAtTheSecond() throws {
        let d = try load(replacing: #"municipality_codes: ["787"]"#, with: #"municipality_codes: ["787", "183"]"#, in: Self.thisted)
        #expect(d.count == 1)
        #expect(d.contains { $0.code == .profileDuplicateCode && location(7, "thisted.yaml")($0.location)
                && $0.message.contains("ishoej-vallensbaek.yaml") })
    }

    @Test func theStatutoryFollowUpMonthsCannotBeDropped() throws {
        let d = try load(replacing: "follow_up_months: [1, 3, 6, 12]", with: "follow_up_months: [1, 3, 12]")
        #expect(d.contains { $0.code == .profileStatutoryValue && location(12)($0.location) && $0.message.contains("6") })
    }

    @Test func closedDaysAreBoundedSoDeadlinesAlwaysEnd() throws {
        let everyDay = (1...12).flatMap { m in (1...28).map { String(format: "\"%02d-%02d\"", m, $0) } }.joined(separator: ", ")
        let d = try load(replacing: #"closed_days_extra: ["06-05", "12-24", "12-31"]"#, with: "closed_days_extra: [\(everyDay)]")
        #expect(d.contains { $0.code == .profileOutOfRange && location(39)($0.location) })
        let bad = try load(replacing: #"["06-05", "12-24", "12-31"]"#, with: #"["06-05", "02-30", "06-05"]"#)
        #expect(bad.filter { $0.code == .profileInvalid && location(39)($0.location) }.count == 2)
    }

    @Test func wrongTypesNameTheKeyAndLine() throws {
        let d = try load(replacing: "  mandatory: false", with: "  mandatory: [false]")
        #expect(d.contains { $0.code == .profileInvalid && $0.message.contains("digital_post.mandatory") })
        let cvr = try load(replacing: #"cvr: "11931316""#, with: #"cvr: "1193131""#)
        #expect(cvr.contains { $0.code == .profileInvalid && location(21)($0.location) && $0.message.contains("authority.cvr") })
    }

    @Test func brokenYAMLAndDuplicateKeysGiveTheirLine() throws {
        let d = try load(replacing: "  reassessment_weeks: 4       # RSL § 67", with: "  complaint_weeks: 4")
        #expect(d.contains { $0.code == .profileInvalid && $0.message.contains("twice") })
        let y = try load(replacing: "centre:\n", with: "centre:\n  [oops\n")
        #expect(y.contains { if case .file("ishoej-vallensbaek.yaml", let line, _) = $0.location { line > 50 } else { false } })
    }

    @Test func aProfileThatIsNotUTF8IsRefusedWithItsLine() throws {
        let dir = try TestSupport.temporaryDirectory()
        var bytes = Array(try Data(contentsOf: Self.ishoej))
        let line10 = bytes.indices.filter { bytes[$0] == 0x0A }[8] + 1
        bytes.insert(0xFF, at: line10)
        try Data(bytes).write(to: dir.appendingPathComponent("p.yaml"))
        #expect(throws: DiagnosticsError.self) { try ProfileCatalog.load(directory: dir) }
        do {
            _ = try ProfileCatalog.load(directory: dir)
        } catch {
            #expect(error.diagnostics.contains { $0.code == .profileInvalid && location(10, "p.yaml")($0.location) })
        }
    }
}
