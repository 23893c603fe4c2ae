import ArgumentParser
import BrevCommandLine
import BrevServer

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: ServiceCommands.usersAbstract,
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a caseworker and print their token once (only its hash is kept).")

        @Argument(help: "The caseworker's name or initials (1-64 letters, digits, spaces, . - _).") var name: String
        @Option(help: "The service's SQLite database (default as for brev serve).") var database: String?

        func run() throws {
            let db = try ServerDatabase(path: database ?? ServerSettings.defaultDatabasePath())
            do {
                print(try CaseworkerTokens.add(name: name, to: db))
            } catch let error as CaseworkerTokens.AddError {
                throw ValidationError(error.description)
            }
        }
    }
}
