import ArgumentParser
import BrevCore
import BrevPipeline
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every problem with a case, without rendering.",
        discussion: "Each line: FILE: severity[CODE] JSON-PATH: message. Exit status 1 if there is any error.")

    @Option(name: .customLong("case"), help: "A case JSON file (repeat for several).")
    var cases: [String] = []

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if cases.isEmpty { throw ValidationError("give at least one --case FILE") }
    }

    func run() throws {
        let pipeline = try resources.makePipeline()
        var failed = false
        for path in cases {
            let diagnostics = pipeline.check(caseJSON: try readInput(path))
            for d in diagnostics { print("\(path): \(d)") }
            if diagnostics.contains(where: { $0.severity == .error }) {
                failed = true
            } else {
                print("\(path): ok")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
