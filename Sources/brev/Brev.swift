import ArgumentParser
import BrevCommandLine
import BrevDigitalPost

@main
struct Brev: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brev",
        abstract: "Danish municipal letters for drug and alcohol treatment: tagged PDF and HTML from case data.",
        discussion: ServiceCommands.exitStatusHelp,
        // Each subcommand spells out its commandName: ArgumentParser otherwise derives it from the
        // type's name at every start, which cost a cold `brev render` about 5 M instructions.
        subcommands: [Render.self, Check.self, Standard.self, BatchEntry.self, ServeEntry.self, UsersEntry.self,
                      CrashForTesting.self])

    /// `batch`, `serve` and `users` go to `brev-service` before anything else happens. The crash
    /// handler goes in before anything reads a case. Repeated `--case` options are lifted out
    /// before parsing (`RepeatedCaseOptions`: the parser is quadratic in them). A plain `render`
    /// is read without the parser (`RenderArguments`).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if ServiceLauncher.isServiceCommand(arguments) { ServiceLauncher.exec(arguments) }
        CrashReport.install()
        let split = RepeatedCaseOptions.split(arguments)
        do {
            // The common `render --case FILE --out DIR` without the parser (`RenderArguments.plain`).
            if var plain = RenderArguments.plain(split.arguments, isMeMoVersion: { MeMoVersion(rawValue: $0) != nil }) {
                plain.cases += split.extraCases
                try plain.run()
                return
            }
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
