import BrevCore
import BrevPipeline
import Foundation

/// libFuzzer's entry: the bytes are a case. Built with `-sanitize=fuzzer -DFUZZING` by
/// scripts/fuzz.sh; a crash, a hang over `-timeout` or an OOM is a finding. Refusals are normal.
enum CaseFuzzer {
    /// Fonts, templates and profiles are loaded once: loading them per input would drown the search.
    nonisolated(unsafe) static let pipeline: LetterPipeline = {
        guard let root = BrevEnvironment.locateResources() else {
            fatalError("brev's resources (LetterTemplates/, Fonts/) were not found; run from the repository or set BREV_RESOURCES")
        }
        // A fixed day, so a finding reproduces on any later day.
        let environment = BrevEnvironment(resourceRoot: root, today: CivilDate(year: 2026, month: 11, day: 24)!)
        do {
            return try LetterPipeline(environment: environment)
        } catch {
            fatalError("the pipeline could not load its resources: \(error)")
        }
    }()

    /// Check, and for a case check accepts, the whole render (model, template, layout, PDF, messages).
    static func run(_ bytes: [UInt8]) {
        let diagnostics = pipeline.check(caseJSON: bytes)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        _ = try? pipeline.renderAll(caseJSON: bytes)
    }
}

/// libFuzzer's callback: one input, always 0 (a refusal is not a finding).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    CaseFuzzer.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
/// libFuzzer's own driver (in the runtime that `-sanitize=fuzzer` links). SwiftPM points the
/// program's `main` at this target's `@main`, so libFuzzer's `main` is never used: we call its
/// driver ourselves. Pointer and integer arguments pass the same way in Swift and C here.
@_silgen_name("LLVMFuzzerRunDriver")
func runLibFuzzer(_ argc: UnsafeMutablePointer<CInt>,
                  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// Built with `-sanitize=fuzzer -DFUZZING` (scripts/fuzz.sh) this is libFuzzer with its usual
/// flags. In the normal build it replays files, `case-fuzzer FILE...`, so a reproducer can be run
/// in a plain build or under a debugger.
@main struct CaseFuzzerMain {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runLibFuzzer(&argc, &argv, fuzzOneInput))
        #else
        for path in CommandLine.arguments.dropFirst() {
            CaseFuzzer.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
        #endif
    }
}
