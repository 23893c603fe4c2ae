import ArgumentParser
import BrevCommandLine

/// `brev serve`, `brev batch` and `brev users`: the commands that need the server's libraries.
/// `brev` starts this executable for them with the same arguments (`ServiceLauncher`), so it
/// calls itself `brev` in its help and messages.
@main
struct BrevService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brev",
        abstract: "brev's service and batch commands (brev runs them here: brev serve, brev batch, brev users).",
        discussion: ServiceCommands.exitStatusHelp,
        subcommands: [Batch.self, Serve.self, Users.self])

    /// The crash handler goes in before anything reads a case, as in `brev`.
    static func main() {
        CrashReport.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
