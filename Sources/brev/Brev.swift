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

    /// The crash handler goes in before anything reads a case.
    static func main() {
        CrashReport.install()
        main(nil)
    }
}
