import BrevCore
import Foundation

/// Helpers shared by the test targets: where the repository is, a fixed environment, and
/// running the real tools (pdftotext, qpdf, the brev binary) that read our output back.
public enum TestSupport {
    /// The repository root, found from this file's own path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Tests see a fixed day, so results do not change with the calendar.
    public static let today = CivilDate(year: 2026, month: 11, day: 24)!

    public static var environment: BrevEnvironment {
        BrevEnvironment(resourceRoot: repositoryRoot, today: today)
    }

    /// The MeMo and print schemas that ship with brev.
    public static let memoSchemas = repositoryRoot.appendingPathComponent("Schemas/memo")

    /// A MeMo example message from the repository's test fixtures (`Tests/Fixtures/memo/`).
    public static func memoExample(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/memo/\(name)")
    }

    public static func example(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Examples/cases/\(name)")
    }

    public static func exampleBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: example(name)))
    }

    /// The example case as a mutable JSON object, for tests that change one field.
    public static func exampleObject(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: example(name))) as! [String: Any]
    }

    public static func json(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    public struct ProcessResult {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Starts an executable with its output discarded and returns at once: for tests that kill
    /// what they start, or run several side by side.
    public static func launch(_ executable: String, _ arguments: [String],
                              environment: [String: String]? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs a program (looked up on PATH) and collects its output.
    public static func run(_ program: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brev-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes PDF bytes to a temporary file and returns its path.
    public static func writeTemporary(_ bytes: [UInt8], name: String = "letter.pdf") throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// `pdftotext` of a PDF: the text a reader copying from the letter gets.
    public static func pdfText(_ path: String, layout: Bool = false) throws -> String {
        try run("pdftotext", ["-enc", "UTF-8"] + (layout ? ["-layout"] : []) + [path, "-"]).stdout
    }

    /// The `brev` binary of the build the tests run from. `swift test` builds and links it (and
    /// `brev-service`, which `brev` runs for serve, batch and users) in the same build as the
    /// tests (SwiftPM's test build includes the executables), so it is current; it is not after
    /// `swift test --skip-build` following a change. Then this throws, and every command-line
    /// test fails saying so, instead of testing yesterday's code.
    public static var brevBinary: String {
        get throws {
            if let problem = brevBinaryProblem { throw StaleBinary(description: problem) }
            return buildDirectory.appendingPathComponent("brev").path
        }
    }

    public struct StaleBinary: Error, CustomStringConvertible {
        public var description: String
    }

    /// The build folder of the running tests (`.build/<triple>/<configuration>`): the test runner
    /// lies in it, and `brev` beside it. Falls back to `.build/debug` where the runner lies elsewhere.
    static let buildDirectory: URL = {
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: runner.appendingPathComponent("brev").path) { return runner }
        return repositoryRoot.appendingPathComponent(".build/debug")
    }()

    /// The executables the command-line tests run, each with the modules linked into it
    /// (Package.swift) whose compiled objects it must not be older than.
    static let executableModules: [(executable: String, modules: [String])] = {
        let pipeline = ["BrevCommandLine", "BrevPipeline", "BrevCore", "BrevCase", "BrevDocument", "BrevTemplate",
                        "BrevLayout", "BrevPDF", "BrevDigitalPost", "CICUBreak", "BrevWebFont", "BrevStandard"]
        return [("brev", ["brev"] + pipeline),
                ("brev-service", ["brev_service", "BrevServer", "BrevBatch", "BrevStore", "BrevTransport"] + pipeline)]
    }()

    /// Why the binaries cannot be trusted (missing, or older than an object compiled for them),
    /// or nil. Objects, not sources: SwiftPM recompiles an object only when its source really changed.
    static let brevBinaryProblem: String? = {
        let fm = FileManager.default
        func modified(_ path: String) -> Date? { (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
        for (executable, modules) in executableModules {
            let binary = buildDirectory.appendingPathComponent(executable).path
            let fix = "build it (`swift build --product \(executable)`, or `swift test` without --skip-build)"
            guard let built = modified(binary) else { return "\(binary) does not exist: \(fix)" }
            for module in modules {
                let folder = buildDirectory.appendingPathComponent("\(module).build").path
                for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".o") {
                    if let compiled = modified("\(folder)/\(name)"), compiled > built {
                        return "the \(executable) binary is older than the code it is built from (\(module)/\(name)): \(fix)"
                    }
                }
            }
        }
        return nil
    }()
}
