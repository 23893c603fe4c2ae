import BrevTestSupport
import Foundation
import Testing

/// The `brev` binary under a full disk, kill -9 and a crash: no half-written letter, no
/// temporary file left, and nothing of the case on standard error.
@Suite(.serialized) struct OutputSafetyTests {
    let brev: String

    init() throws { brev = try TestSupport.brevBinary }
    let root = TestSupport.repositoryRoot.path

    /// `count` copies of an example case, each its own case number.
    func cases(_ count: Int, in dir: URL) throws -> [String] {
        try (0..<count).map { i in
            var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
            object["case_number"] = "27.36.08-G01-\(2000 + i)-26"
            let path = dir.appendingPathComponent("case-\(i).json").path
            try Data(try TestSupport.json(object)).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// Letter sets by base name (file count), the base names a pending marker lists, and
    /// what is not a finished letter file.
    func inspect(_ out: String) throws -> (sets: [String: Int], pending: Set<String>, leftovers: [String]) {
        func base(_ name: Substring) -> String { String(name.prefix { $0 != "." }) }
        var sets: [String: Int] = [:]
        var pending: Set<String> = []
        var leftovers: [String] = []
        // A kill during start-up (fonts hashed, schemas compiled) comes before the folder exists.
        guard FileManager.default.fileExists(atPath: out) else { return (sets, pending, leftovers) }
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            if name.hasPrefix(".brev-pending-") {
                let listing = (try? String(contentsOfFile: "\(out)/\(name)", encoding: .utf8)) ?? ""
                for line in listing.split(separator: "\n") { if let final = line.split(separator: "\t").last { pending.insert(base(final)) } }
            }
            if name.hasPrefix(".brev-") { leftovers.append(name); continue }
            sets[base(Substring(name)), default: 0] += 1
        }
        return (sets, pending, leftovers)
    }

    @Test func aFullDiskLeavesNoPartOfTheLetter() throws {
        let dir = try TestSupport.temporaryDirectory()
        let input = try cases(1, in: dir)[0]
        let probe = dir.appendingPathComponent("probe").path
        #expect(try TestSupport.run(brev, ["render", "--case", input, "--out", probe, "--resources", root]).status == 0)
        let pdfSize = try #require(try FileManager.default.contentsOfDirectory(atPath: probe).first { $0.hasSuffix(".pdf") }
            .map { try FileManager.default.attributesOfItem(atPath: "\(probe)/\($0)")[.size] as! Int })
        // Room for the PDF but not for the Digital Post message that carries it in base64
        // (the file size limit stands in for a full disk: writes fail with EFBIG instead of ENOSPC).
        let blocks = (pdfSize + pdfSize / 8) / 512
        let out = dir.appendingPathComponent("out").path
        let r = try TestSupport.run("sh", ["-c", "trap '' XFSZ; ulimit -f \(blocks); exec '\(brev)' render --case '\(input)' --out '\(out)' --resources '\(root)'"])
        #expect(r.status == 4, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty, "no pdf without its message, no temporary file")
        #expect(!r.stderr.contains("Mette"))
    }

    /// The check, smaller (scripts/kill-test.sh does 30 kills over 200 cases): kill -9
    /// a render of many cases several times, then run once more.
    @Test func killedRunsLeaveNoIncompleteSetAfterTheNextRun() throws {
        let dir = try TestSupport.temporaryDirectory()
        // Enough cases that the last kill (1.85 s) still lands mid-run with two jobs on a fast machine.
        let inputs = try cases(400, in: dir)
        let out = dir.appendingPathComponent("out").path
        let arguments = ["render"] + inputs.flatMap { ["--case", $0] } + ["--out", out, "--resources", root]
        for delay in [0.6, 0.85, 1.1, 1.35, 1.6, 1.85] {
            let process = try TestSupport.launch(brev, arguments)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "the run ended before the kill: make it longer")
            // Between runs: only a set its pending marker lists may be incomplete.
            let (sets, pending, _) = try inspect(out)
            for (base, count) in sets where !pending.contains(base) {
                #expect(count == 4, "\(base) has \(count) files")
            }
        }
        let r = try TestSupport.run(brev, arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let (sets, _, leftovers) = try inspect(out)
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(sets.count == inputs.count && sets.values.allSatisfy { $0 == 4 }, "\(sets)")
        for name in try FileManager.default.contentsOfDirectory(atPath: out) {
            #expect((try FileManager.default.attributesOfItem(atPath: "\(out)/\(name)")[.posixPermissions] as? Int) == 0o600)
        }
    }

    /// Swift's backtracer would print registers and memory holding the case; brev prints one line.
    @Test(arguments: ["enable=yes,interactive=no", "enable=no"])
    func aCrashPrintsOneFixedLineAndNothingOfTheCase(backtrace: String) throws {
        let input = TestSupport.example("afslag-doegn-sel101.json").path
        let r = try TestSupport.run("SWIFT_BACKTRACE=\(backtrace)", [brev, "internal-crash-test", "--case", input])
        #expect(r.status == 70)
        #expect(r.stderr == "brev: internal error (signal 11); no personal data was printed\n", "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
