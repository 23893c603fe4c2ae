import ArgumentParser

@main
struct Brev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brev",
        abstract: "Danish municipal letters for drug and alcohol treatment: tagged PDF and HTML from case data.",
        discussion: """
        Exit status: 0 success; 1 the case has errors (each printed with its JSON path and code);
        3 a template, profile or font is broken; 4 output could not be written; 64 wrong usage;
        70 internal error (a crash: brev prints one line and no case data).
        """,
        subcommands: [Render.self, Check.self, Standard.self, Batch.self, Serve.self, Users.self, CrashForTesting.self])

    /// The crash handler goes in before anything reads a case. Repeated `--case` options are
    /// lifted out before parsing (`RepeatedCaseOptions`: the parser is quadratic in them).
    static func main() {
        CrashReport.install()
        let split = RepeatedCaseOptions.split(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(split.arguments)
            if var takesCases = command as? any TakesCaseFiles {
                takesCases.cases += split.extraCases
                command = takesCases
            }
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
