import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// domain.md §7 case 25: what shows outside the letter must reveal neither the person nor the
/// treatment. A profile that would do so is refused when brev loads it.
@Suite struct PrivacyTests {
    func loadProfile(_ edit: (String) -> String) throws -> [Diagnostic] {
        let dir = try TestSupport.temporaryDirectory()
        let original = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles/ishoej-vallensbaek.yaml"), encoding: .utf8)
        try edit(original).write(to: dir.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ProfileCatalog.load(directory: dir)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func case25ASensitiveMessageLabelIsRefused() throws {
        let d = try loadProfile { $0.replacingOccurrences(of: "decision_title: Afgørelse fra Ishøj Kommune",
                                                          with: "decision_title: Afslag på døgnbehandling for kokainmisbrug") }
        #expect(d.contains { $0.code == .sensitiveLabel })
    }

    @Test func case25AReturnLineNamingTheTreatmentCentreIsRefused() throws {
        let d = try loadProfile { $0.replacingOccurrences(of: "  name: Ishøj Kommune\n  unit:", with: "  name: Pitstop Rusmiddelcenter\n  unit:") }
        #expect(d.contains { $0.code == .sensitiveReturnAddress })
    }

    @Test func case25TheCorrectedProfileIsNeutral() throws {
        #expect(try loadProfile { $0 }.isEmpty)
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let ishoej = try #require(profiles.profile(forMunicipalityCode: "183"))
        #expect(ishoej.decisionTitle == "Afgørelse fra Ishøj Kommune")
        #expect(ishoej.returnLine == "Retur: Ishøj Kommune, Ishøj Store Torv 20, 2635 Ishøj")
    }

    @Test func case25AFilenameWithACPRNumberIsSensitive() {
        #expect(PrivacyGuard.problem(in: "0101650000_afslag.pdf") != nil)
        #expect(PrivacyGuard.problem(in: "afgoerelse-iplimgpkjpaabdlm.pdf") == nil)
    }
}
