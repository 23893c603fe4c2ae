/// The commands that need the server's libraries (HTTP, SQLite and PostgreSQL, the SF1601
/// client) are a second executable, `brev-service`, beside `brev`: a one-letter `brev render`
/// then loads, relocates and scans none of them at start. Users still type `brev serve`,
/// `brev batch` and `brev users`; `brev` hands those to `brev-service` (`ServiceLauncher`) and
/// lists them in its help with these abstracts, the ones `brev-service` shows.
public enum ServiceCommands {
    /// The executable's file name, looked for in the folder of the running `brev`.
    public static let executableName = "brev-service"

    public static let batchAbstract = "Render and send many letters: resumable, each letter exactly once, with a report."
    public static let serveAbstract = "Start the caseworkers' service: the JSON API and the pages on 127.0.0.1:8080."
    public static let usersAbstract = "Manage the caseworkers who may use brev serve."

    /// The subcommand names `brev-service` runs.
    public static let names: Set<String> = ["batch", "serve", "users"]

    /// The exit status explained in both executables' help.
    public static let exitStatusHelp = """
        Exit status: 0 success; 1 the case has errors (each printed with its JSON path and code);
        3 a template, profile or font is broken (or brev-service is missing); 4 output could not be
        written; 64 wrong usage; 70 internal error (a crash: brev prints one line and no case data).
        """
}
