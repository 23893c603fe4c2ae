import ArgumentParser
import BrevCommandLine

// `brev batch`, `brev serve` and `brev users` run in `brev-service` (`ServiceLauncher`, called
// from `Brev.main` before parsing). These entries list them in `brev --help`; a run that still
// reaches one hands its arguments over the same way.

struct BatchEntry: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: ServiceCommands.batchAbstract)
    func run() throws { ServiceLauncher.exec(Array(CommandLine.arguments.dropFirst())) }
}

struct ServeEntry: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: ServiceCommands.serveAbstract)
    func run() throws { ServiceLauncher.exec(Array(CommandLine.arguments.dropFirst())) }
}

struct UsersEntry: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "users", abstract: ServiceCommands.usersAbstract)
    func run() throws { ServiceLauncher.exec(Array(CommandLine.arguments.dropFirst())) }
}
