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

    /// Many cases on several pipelines at once report, refuse and write exactly as on one: the
    /// same lines in the same order, the first of two equal inputs written and the second
    /// refused (DUPLICATE_LETTER), a case with errors refused at its fields. The cases come as
    /// `--case FILE`, `--case=FILE` (lifted out before parsing) and a `--case-list` file.
    @Test func renderOnTwoJobsMatchesOneJobInOrderDuplicatesAndRefusals() throws {
        let dir = try TestSupport.temporaryDirectory()
        let examples = "\(root)/Examples/cases"
        let valid = ["afslag-doegn-sel101.json", "bevilling-dag-sel101.json", "behandlingsplan-sel101.json",
                     "partshoering-doegn-sel101.json", "ophoer-ambulant-sel101.json"].map { "\(examples)/\($0)" }
        let invalid = "\(examples)/afslag-doegn-invalid-mangler-begrundelse.json"
        let list = dir.appendingPathComponent("cases.txt")
        try Data(([valid[2], valid[0], invalid, "", valid[3], valid[4]].joined(separator: "\n") + "\n").utf8).write(to: list)
        func render(jobs: Int) throws -> (TestSupport.ProcessResult, [String]) {
            let out = dir.appendingPathComponent("out-\(jobs)").path
            let r = try TestSupport.run(brev, ["render", "--case", valid[0], "--case=\(valid[1])", "--case-list", list.path,
                                               "--out", out, "--resources", root, "--jobs", "\(jobs)"])
            return (r, try FileManager.default.contentsOfDirectory(atPath: out).sorted())
        }
        let (one, filesOne) = try render(jobs: 1)
        let (two, filesTwo) = try render(jobs: 2)
        #expect(one.status == 1 && two.status == 1)
        // Five distinct valid letters, each with its PDF, HTML, MeMo and SF1601 body.
        #expect(filesOne.count == 5 * 4, "\(filesOne)")
        #expect(filesTwo == filesOne)
        #expect(one.stdout.components(separatedBy: "\n").count == 5 + 1, "\(one.stdout)")
        #expect(two.stdout.replacingOccurrences(of: "out-2", with: "out-1") == one.stdout)
        #expect(two.stderr == one.stderr)
        #expect(one.stderr.contains("\(valid[0]): error[DUPLICATE_LETTER]"), "\(one.stderr)")
        #expect(one.stderr.contains("\(invalid): error[MISSING_BEGRUNDELSE] $.begrundelse.facts:"), "\(one.stderr)")
        let order = one.stdout.split(separator: "\n").map { $0.prefix { $0 != ":" } }.map(String.init)
        #expect(order == [valid[0], valid[1], valid[2], valid[3], valid[4]])
    }
}

extension CommandLineTests {
    /// `render --case FILE --out DIR` is read without swift-argument-parser; `--name=value` still
    /// goes through it. Both give the same output, messages, exit status and files, for a letter
    /// with options and one with the defaults, a refused case, a file that cannot be read and a
    /// folder without the resources.
    @Test func renderReadWithoutTheParserAnswersAsTheParser() throws {
        let dir = try TestSupport.temporaryDirectory().path
        let examples = "\(root)/Examples/cases"
        let runs: [(String, [String])] = [
            ("letter", ["--case", "\(examples)/afslag-doegn-sel101.json", "--memo-version", "1.1", "--jobs", "1", "--resources", root]),
            // The defaults (MeMo version, jobs, message limit) are the parser's.
            ("defaults", ["--case", "\(examples)/bevilling-dag-sel101.json", "--resources", root]),
            ("refused", ["--case", "\(examples)/afslag-doegn-invalid-mangler-begrundelse.json", "--resources", root]),
            ("missing", ["--case", "\(dir)/no-such-case.json", "--resources", root]),
            ("resources", ["--case", "\(examples)/afslag-doegn-sel101.json", "--resources", dir]),
        ]
        for (name, options) in runs {
            let plainOut = "\(dir)/\(name)-plain", parsedOut = "\(dir)/\(name)-parsed"
            let plain = try TestSupport.run(brev, ["render"] + options + ["--out", plainOut])
            var equalsForm: [String] = []
            for i in stride(from: 0, to: options.count, by: 2) { equalsForm.append("\(options[i])=\(options[i + 1])") }
            let parsed = try TestSupport.run(brev, ["render"] + equalsForm + ["--out=\(parsedOut)"])
            #expect(plain.status == parsed.status, "\(name)")
            #expect(plain.stdout.replacingOccurrences(of: plainOut, with: parsedOut) == parsed.stdout, "\(name)")
            #expect(plain.stderr.replacingOccurrences(of: plainOut, with: parsedOut) == parsed.stderr, "\(name)")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: plainOut).sorted()) ?? []
            #expect(files == ((try? FileManager.default.contentsOfDirectory(atPath: parsedOut).sorted()) ?? []), "\(name)")
            for file in files {
                #expect(FileManager.default.contents(atPath: "\(plainOut)/\(file)") == FileManager.default.contents(atPath: "\(parsedOut)/\(file)"),
                        "\(name): \(file)")
            }
        }
    }
}
