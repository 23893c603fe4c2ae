import ArgumentParser
import BrevCore
import BrevDigitalPost
import BrevPipeline
import Foundation

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render letters as PDF and HTML.",
        discussion: "File names are afgoerelse-<id>.pdf/.html: an opaque id, never the citizen or the treatment. Files are written with mode 0600.")

    @Option(name: .customLong("case"), help: "A case JSON file (repeat for several).")
    var cases: [String] = []

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "MeMo version of Digital Post messages: 1.2 (default) or 1.1.")
    var memoVersion: String = "1.2"

    @Option(help: "Refuse a message larger than this many bytes (default: the municipality profile's limit).")
    var maxMessageBytes: Int?

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError("give at least one --case FILE") }
        if MeMoVersion(rawValue: memoVersion) == nil { throw ValidationError("--memo-version is 1.1 or 1.2") }
    }

    func run() throws {
        let pipeline = try resources.makePipeline()
        pipeline.memoVersion = MeMoVersion(rawValue: memoVersion)!
        pipeline.maxMessageBytes = maxMessageBytes
        var worst: Int32 = 0
        for path in cases {
            do {
                let letters = try pipeline.renderAll(caseJSON: try readInput(path))
                report(letters[0].warnings, file: path)
                for letter in letters {
                    let written = try letter.write(to: out)
                    if letter.overfullLines > 0 {
                        printError("\(path): warning: \(letter.overfullLines) line(s) wider than the measure")
                    }
                    // Only the opaque id and counts: no name, CPR or treatment in the log.
                    print("\(path): letter \(letter.letterId), \(letter.pageCount) page(s) → \(written.joined(separator: ", "))")
                }
            } catch let error as BrevError {
                if case .invalid(let diagnostics) = error {
                    report(diagnostics, file: path)
                } else {
                    printError("\(path): \(error)")
                }
                worst = max(worst, error.exitCode)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
