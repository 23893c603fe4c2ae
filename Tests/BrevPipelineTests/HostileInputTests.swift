import BrevTestSupport
import Foundation
import Testing

/// Hostile cases through the real `brev` binary: the committed, minimised set in
/// `Fixtures/hostile/` (hand-made and fuzzer findings) and a batch generated from the examples.
/// Per input: exit 0 or 1 (never a signal, never 3 or 64 for a problem with the case), done
/// within 2 s, every diagnostic line with a code and a JSON path, no sentinel personal value in
/// the output. `brev check` runs many cases per process; a batch that fails is bisected,
/// so one crashing input cannot hide the others.
@Suite(.serialized) struct HostileInputTests {
    static let fixtureFolder = TestSupport.repositoryRoot.appendingPathComponent("Tests/BrevPipelineTests/Fixtures/hostile")

    /// Fixtures brev fails today, from `Fixtures/hostile/known-failing.txt` (shared with
    /// scripts/fuzz.sh). Each is still run, as a known issue: once it passes, the test fails until
    /// its line is removed there.
    static func knownFailingFixtures() throws -> Set<String> {
        let text = try String(contentsOf: fixtureFolder.appendingPathComponent("known-failing.txt"), encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line in
            line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .split(separator: " ").first.map(String.init)
        })
    }

    /// Generated inputs that fail today for the same reasons: a finding whose problem contains
    /// `problem` for an input whose description contains one of `mutations` is a known issue.
    struct KnownIssue {
        var problem: String
        var mutations: [String]
    }

    static let knownFailingMutations: [KnownIssue] = []

    /// What one brev process over a batch of inputs may use: CPU seconds, a limit the kernel
    /// enforces (RLIMIT_CPU through prlimit), so a busy machine cannot fail the test; and a wall
    /// deadline far above it, for a run that hangs without using the CPU.
    static let cpuSecondsPerRun = 2
    static let wallSecondsPerRun = 60.0
    static let generatedCount = 2000

    struct Outcome {
        var status: Int32
        var signalled: Bool
        var timedOut: Bool
        var seconds: Double
        var stdout: String
        var stderr: String

        /// The kernel stopped it at its CPU limit (SIGXCPU at the soft limit, SIGKILL at the hard one).
        var overCPU: Bool { signalled && (status == SIGXCPU || status == SIGKILL) && !timedOut }
    }

    /// Runs brev under a CPU limit and a wall deadline; a run past the deadline is killed and
    /// reported as timed out.
    static func brev(_ arguments: [String], cpuSeconds: Int = cpuSecondsPerRun,
                     deadline: Double = wallSecondsPerRun) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--cpu=\(cpuSeconds)", try TestSupport.brevBinary] + arguments
        process.currentDirectoryURL = TestSupport.repositoryRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline, execute: killer)
        // Read both pipes while it runs, so a chatty run cannot block on a full pipe.
        let errData = StandardErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        let seconds = Date().timeIntervalSince(start)
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       timedOut: seconds >= deadline, seconds: seconds,
                       stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData.wait(), as: UTF8.self))
    }

    /// Reads a pipe to its end on another thread.
    final class StandardErrorReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }

    /// A problem with one input, described without its content.
    struct Finding: CustomStringConvertible {
        var input: String
        var problem: String
        var description: String { "\(input): \(problem)" }
    }

    /// What is wrong with a run of `command` over `files` (each named by its index path).
    static func problems(of outcome: Outcome, command: String, files: [String]) -> [String] {
        var problems: [String] = []
        if outcome.timedOut {
            problems.append("\(command) hung (over \(wallSecondsPerRun) s)")
        } else if outcome.overCPU {
            problems.append("\(command) used over \(cpuSecondsPerRun) s of CPU")
        } else if outcome.signalled {
            problems.append("\(command) killed by signal \(outcome.status)")
        } else if outcome.status != 0 && outcome.status != 1 {
            problems.append("\(command) exit \(outcome.status), not 0 or 1")
        }
        for sentinel in HostileMutations.sentinels where outcome.stdout.contains(sentinel) || outcome.stderr.contains(sentinel) {
            problems.append("\(command) printed a sentinel personal value (\(HostileMutations.sentinels.firstIndex(of: sentinel)!))")
        }
        guard !outcome.timedOut && !outcome.signalled else { return problems }
        let lines = (outcome.stdout + outcome.stderr).split(separator: "\n").map(String.init)
        for line in lines {
            guard let file = files.first(where: { line.hasPrefix($0 + ": ") }) else { continue }
            let rest = String(line.dropFirst(file.count + 2))
            if rest == "ok" || rest.hasPrefix("letter ") || rest.hasPrefix("warning: ") && rest.hasSuffix("wider than the measure") { continue }
            // Only the line's head (before its first colon): the rest may quote the input.
            if !isDiagnostic(rest) { problems.append("\(command): a line without a code and a JSON path: \(rest.prefix { $0 != ":" }.prefix(40))…") }
        }
        // check answers every case: `ok`, or at least one error.
        if command == "check" {
            for file in files where !lines.contains(file + ": ok") && !lines.contains(where: { $0.hasPrefix(file + ": error[") }) {
                problems.append("check gave \((file as NSString).lastPathComponent) neither ok nor an error")
            }
        }
        return problems
    }

    /// `error[CODE] $.path: message`, or a malformed-JSON error at `case:line:column`.
    static func isDiagnostic(_ text: String) -> Bool {
        let pattern = #"^(error|warning)\[[A-Z0-9_]+\] (\$[^ ]*|case:[0-9]+:[0-9]+): ."#
        guard text.range(of: pattern, options: .regularExpression) != nil else { return false }
        // Errors of the JSON text itself (syntax, nesting, size) come before any field exists:
        // they are located by line and column instead.
        return text.contains("] $")
            || text.range(of: #"^error\[(MALFORMED_JSON|NESTING_TOO_DEEP|CASE_TOO_LARGE)\] case:"#, options: .regularExpression) != nil
    }

    /// Writes the inputs to a folder as `<name>.json` and runs check (then render for the ones
    /// check accepts) in batches; a failing batch is bisected. Returns findings per input.
    static func run(_ inputs: [(name: String, bytes: [UInt8])], batchSize: Int) throws -> [Finding] {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String: String] = [:]
        for input in inputs {
            let path = folder.appendingPathComponent("\(input.name).json").path
            try Data(input.bytes).write(to: URL(fileURLWithPath: path))
            paths[input.name] = path
        }
        let out = folder.appendingPathComponent("out").path
        let checked = try runInBatches("check", [], inputs.map(\.name), paths: paths, batchSize: batchSize)
        let rendered = try runInBatches("render", ["--out", out], checked.accepted, paths: paths, batchSize: max(1, batchSize / 5))
        var findings = checked.findings + rendered.findings
        // File names reveal nothing: only the opaque letter ids.
        for written in (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? [] {
            for sentinel in HostileMutations.sentinels where written.contains(sentinel) {
                findings.append(Finding(input: "render output", problem: "a file name holds a sentinel personal value"))
            }
        }
        return findings
    }

    /// Runs `brev <command>` over the named inputs, `batchSize` per process; a batch with any
    /// problem is bisected down to single inputs, so each finding names its input. `accepted` are the
    /// inputs check passed (`ok`) or render turned into a letter.
    static func runInBatches(_ command: String, _ extra: [String], _ names: [String], paths: [String: String],
                             batchSize: Int) throws -> (findings: [Finding], accepted: [String]) {
        var findings: [Finding] = []
        var accepted: [String] = []
        func passed(_ name: String, _ outcome: Outcome) -> Bool {
            let file = paths[name]!
            return outcome.stdout.contains(file + ": ok\n") || outcome.stdout.contains(file + ": letter ")
        }
        // A batch with a problem is split in halves until each problem has its one input.
        func examine(_ batch: ArraySlice<String>) throws {
            let files = batch.map { paths[$0]! }
            let outcome = try brev([command] + extra + files.flatMap { ["--case", $0] })
            let found = problems(of: outcome, command: command, files: files)
            if found.isEmpty {
                accepted += batch.filter { passed($0, outcome) }
            } else if batch.count == 1 {
                findings += found.map { Finding(input: batch.first!, problem: $0) }
            } else {
                let middle = batch.startIndex + batch.count / 2
                try examine(batch[..<middle])
                try examine(batch[middle...])
            }
        }
        for start in stride(from: 0, to: names.count, by: batchSize) {
            try examine(names[start..<min(start + batchSize, names.count)])
        }
        return (findings, accepted)
    }

    static func fixtures() throws -> [(name: String, bytes: [UInt8])] {
        let folder = fixtureFolder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            (String(file.dropLast(5)), Array(try Data(contentsOf: folder.appendingPathComponent(file))))
        }
    }

    /// A 10 MB case: an assessment of ordinary words, too large to be worth laying out.
    static func bigCase() throws -> [UInt8] {
        var o = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        var begrundelse = o["begrundelse"] as! [String: Any]
        begrundelse["assessment"] = String(repeating: "vurdering ", count: 1_000_000)
        o["begrundelse"] = begrundelse
        return try TestSupport.json(o)
    }

    @Test func theCommittedHostileInputsAreRefusedCleanly() throws {
        let inputs = try Self.fixtures() + [("big-case-10mb", try Self.bigCase())]
        let knownFailing = try Self.knownFailingFixtures()
        #expect(inputs.count >= 9)
        #expect(knownFailing.isSubset(of: Set(inputs.map(\.name))), "known-failing.txt names a fixture that does not exist")
        let findings = try Self.run(inputs, batchSize: 1)
        for input in inputs {
            let mine = findings.filter { $0.input == input.name }
            if knownFailing.contains(input.name) {
                withKnownIssue("\(input.name) is listed in Fixtures/hostile/known-failing.txt") {
                    for f in mine { Issue.record("\(f)") }
                }
            } else {
                for f in mine { Issue.record("\(f)") }
            }
        }
    }

    @Test func generatedMutationsOfTheExamplesAreRefusedCleanly() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        let examples = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, try TestSupport.exampleObject($0)) }
        var generator = HostileMutations(seed: 20261124)
        let inputs = try generator.generate(Self.generatedCount, from: examples)
        #expect(inputs.count == Self.generatedCount)
        let descriptions = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0.description) })
        let findings = try Self.run(inputs.map { ($0.name, $0.bytes) }, batchSize: 50)
        for f in findings {
            let description = descriptions[f.input] ?? ""
            let known = Self.knownFailingMutations.contains { known in
                f.problem.contains(known.problem) && known.mutations.contains { description.contains($0) }
            }
            if known {
                withKnownIssue("a known failure listed in knownFailingMutations") { Issue.record("\(f) [\(description)]") }
            } else {
                Issue.record("\(f) [\(description)]")
            }
        }
    }
}
