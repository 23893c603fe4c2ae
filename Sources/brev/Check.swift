import ArgumentParser
import BrevCommandLine
import BrevCore
import BrevPipeline
import Foundation

struct Check: TakesCaseFiles {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Print every problem with a case: everything render does, with nothing written.",
        discussion: """
        Each line: FILE: severity[CODE] JSON-PATH: message. With --memo, a MeMo message (1.1 or 1.2, by its
        memoVersion) or a ForsendelseI print letter is validated against the official schema; each problem is
        printed with its line. A case check runs everything render runs, to the letters and their messages, and
        writes nothing: a case check passes renders. Exit status 1 if there is any error in the input, 3 if a
        template or other resource is at fault (as render).
        """)

    @Option(name: .customLong("case"), help: "A case JSON file (repeat for several).")
    var cases: [String] = []

    @Option(name: .customLong("memo"), help: "A MeMo or ForsendelseI XML file to validate (repeat for several).")
    var memos: [String] = []

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if cases.isEmpty && memos.isEmpty { throw ValidationError("give at least one --case FILE or --memo FILE") }
    }

    func run() throws {
        let pipeline = try resources.makePipeline()
        var failed = false
        // The exit status render would give: 3 for a broken resource beats 1 for a case problem.
        var worstExit: Int32 = 0
        for path in cases {
            let (diagnostics, failure) = pipeline.checkAll(caseJSON: try readCase(path))
            for d in diagnostics { print("\(path): \(d)") }
            if let failure {
                failed = true
                worstExit = max(worstExit, failure.exitCode)
            } else {
                print("\(path): ok")
            }
        }
        for path in memos {
            do {
                let problems = try pipeline.validateMessage(try readInput(path))
                for p in problems { print("\(path):\(p.line): error[MESSAGE_INVALID] \(p.message)") }
                if problems.isEmpty { print("\(path): valid") } else { failed = true }
            } catch let error as BrevError {
                printError("\(path): \(error)")
                throw ExitCode(error.exitCode)
            }
        }
        if worstExit > 1 { throw ExitCode(worstExit) }
        if failed { throw ExitCode(1) }
    }
}
