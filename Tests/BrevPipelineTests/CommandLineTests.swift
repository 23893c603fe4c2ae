import BrevTestSupport
import Foundation
import Testing

/// The `brev` binary as a user runs it (scripts/test.sh builds it first).
@Suite(.serialized) struct CommandLineTests {
    let brev: String
    let root = TestSupport.repositoryRoot.path

    init() throws {
        brev = try TestSupport.brevBinary
    }

    @Test func renderWritesPDFAndHTMLWithNeutralNames() throws {
        let out = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(brev, ["render", "--case", "\(root)/Examples/cases/afslag-doegn-sel101.json",
                                           "--out", out, "--resources", root])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        // The letter as PDF and HTML, and its Digital Post message with the SF1601 body.
        #expect(files.count == 4)
        #expect(files.allSatisfy { $0.hasPrefix("afgoerelse-") })
        #expect(files.contains { $0.hasSuffix(".pdf") } && files.contains { $0.hasSuffix(".html") })
        #expect(!r.stdout.contains("Mette") && !r.stderr.contains("Mette"), "the log names the citizen")
    }

    @Test func checkPrintsEveryProblemWithPathAndCodeAndFails() throws {
        let file = "\(root)/Examples/cases/afslag-doegn-invalid-mangler-begrundelse.json"
        let r = try TestSupport.run(brev, ["check", "--case", file, "--resources", root])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[MISSING_BEGRUNDELSE] $.begrundelse.facts:"))
        #expect(r.stdout.contains("error[MISSING_ASSESSMENT] $.begrundelse.assessment:"))
        #expect(r.stdout.contains("error[MISSING_LEGAL_BASIS] $.legal_citations:"))
        #expect(r.stdout.contains("error[PARTSHOERING_REQUIRED] $.partshoering:"))
    }

    @Test func checkAcceptsAValidCase() throws {
        let r = try TestSupport.run(brev, ["check", "--case", "\(root)/Examples/cases/afslag-doegn-sel101.json", "--resources", root])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains(": ok"))
    }

    @Test func malformedJSONGetsLineAndColumn() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("bad.json").path
        try Data("{\n  \"letter_type\": \"AFSLAG\"\n  \"channel\": \"DIGITAL_POST\"\n}".utf8).write(to: URL(fileURLWithPath: path))
        let r = try TestSupport.run(brev, ["check", "--case", path, "--resources", root])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[MALFORMED_JSON] case:3:3: expected ',' or '}'"), "\(r.stdout)")
    }

    @Test func aRejectedCaseWritesNothing() throws {
        let out = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(brev, ["render", "--case", "\(root)/Examples/cases/afslag-doegn-invalid-mangler-begrundelse.json",
                                           "--out", out, "--resources", root])
        #expect(r.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
