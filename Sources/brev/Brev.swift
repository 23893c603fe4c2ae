import ArgumentParser

@main
struct Brev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brev",
        abstract: "Danish municipal letters for drug and alcohol treatment: tagged PDF and HTML from case data.",
        discussion: """
        Exit status: 0 success; 1 the case has errors (each printed with its JSON path and code);
        3 a template, profile or font is broken; 4 output could not be written; 64 wrong usage.
        """,
        subcommands: [Render.self, Check.self, Batch.self])
}
