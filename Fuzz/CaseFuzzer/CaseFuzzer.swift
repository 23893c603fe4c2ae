import BrevCore
import BrevDocument
import BrevPipeline
@_spi(Reference) import BrevTemplate
import Foundation

/// libFuzzer's entry: the bytes are a case, or, when they start with "<", a letter's XHTML. Built with `-sanitize=fuzzer -DFUZZING` by
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
        if bytes.first == UInt8(ascii: "<") { return readXHTML(bytes) }
        let diagnostics = pipeline.check(caseJSON: bytes)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        _ = try? pipeline.renderAll(caseJSON: bytes)
    }

    /// Brev's own XML reader (which hands what it does not take to libxml2) and libxml2's reading
    /// alone must give the same Document or the same diagnostics; a difference is a finding.
    static func readXHTML(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        func reading(_ read: () throws(DiagnosticsError) -> Document) -> Result<Document, DiagnosticsError> {
            do { return .success(try read()) } catch { return .failure(error) }
        }
        let brevs = reading { () throws(DiagnosticsError) -> Document in try XHTMLReader.read(text, sourceName: "fuzz") }
        let libxml2s = reading { () throws(DiagnosticsError) -> Document in try XHTMLReader.readWithLibXML2(text, sourceName: "fuzz") }
        switch (brevs, libxml2s) {
        case (.success(let a), .success(let b)) where a == b: return
        case (.failure(let a), .failure(let b)) where a.diagnostics == b.diagnostics: return
        default: fatalError("brev's XML reader and libxml2 read the text differently")
        }
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
