import BrevTestSupport
import Foundation
import Testing

/// `brev check` and `brev render` given hostile case files (issue 10): exit status 1 with a code,
/// never a trap (signal 4), never exit 3, never a value from the case on stdout or stderr.
@Suite(.serialized) struct HostileCaseCommandLineTests {
    let brev: String

    init() throws { brev = try TestSupport.brevBinary }
    let root = TestSupport.repositoryRoot.path

    func hostileFile(_ edit: (inout [String: Any]) -> Void) throws -> String {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        edit(&object)
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("case.json").path
        try Data(try TestSupport.json(object)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theCrashingInputsEndInExit1WithACode() throws {
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("DATE_ORDER", { $0["dispatch_datetime"] = "1500-03-10T12:00+01:00" }),
            ("OUT_OF_RANGE", { $0["period_requested"] = ["from": "2026-12-01", "months": 1e300] }),
            ("INVALID_VALUE", { $0["letter_type"] = "Mette Ærø 0101851234" }),
            ("INVALID_CHARACTER", { $0["letter_type"] = "Mette\ncase.json: ok" }),
            ("INVALID_CHARACTER", { $0["citizen_views"] = "Mette\u{7}" }),
        ]
        for (code, edit) in cases {
            let file = try hostileFile(edit)
            for command in ["check", "render"] {
                var arguments = [command, "--case", file, "--resources", root]
                if command == "render" { arguments += ["--out", try TestSupport.temporaryDirectory().path] }
                let r = try TestSupport.run(brev, arguments)
                #expect(r.status == 1, "\(command) \(code): \(r.status) \(r.stderr)")
                #expect((r.stdout + r.stderr).contains("[\(code)]"), "\(command): \(r.stdout)\(r.stderr)")
                #expect(!(r.stdout + r.stderr).contains("Mette"))
                #expect(!(r.stdout + r.stderr).contains(": ok"))
            }
        }
    }

    @Test func anEndlessFileIsRefusedBySize() throws {
        let r = try TestSupport.run(brev, ["check", "--case", "/dev/zero", "--resources", root])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error[CASE_TOO_LARGE] $:"), "\(r.stdout)")
    }
}
