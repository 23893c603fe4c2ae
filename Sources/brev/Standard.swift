import ArgumentParser
import BrevCommandLine
import BrevCore
import BrevDocument
import BrevPipeline
import Foundation

struct Standard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standard",
        abstract: "Publish a municipality's quality standard (kvalitetsstandard) as PDF and HTML.",
        discussion: """
        Reads LetterTemplates/standard/<profile>-<edition>.yaml and the profile's facts, refuses a
        standard that misses an item of order 1477/2019 § 4, an adoption or a revision date within
        two years (each with its code and YAML line), and writes kvalitetsstandard-<profile>-<edition>.pdf
        and .html with mode 0600. A standard not adopted yet is refused unless --draft prints it as
        a draft whose cover says it is not adopted.
        """)

    @Option(help: "Municipality profile, e.g. ishoej-vallensbaek.")
    var profile: String

    @Option(help: "Edition, e.g. 2025 (needed when the profile has several).")
    var edition: String?

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(parsing: .upToNextOption,
            help: "Two editions, e.g. --diff 2020 2025: list what changed in the service level, and write it as an HTML page.")
    var diff: [String] = []

    @Flag(help: "Print a standard that has not been adopted yet as a draft: its cover says so, and a missing adoption body, date or revision date is a warning instead of a refusal.")
    var draft = false

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if !diff.isEmpty && diff.count != 2 { throw ValidationError("--diff takes two editions, e.g. --diff 2020 2025") }
    }

    func run() throws {
        do {
            let publisher = try StandardPublisher(environment: try resources.environment())
            if diff.count == 2 {
                let changes = try publisher.diff(profile: profile, from: diff[0], to: diff[1])
                print(changes.text, terminator: "")
                let path = (out as NSString).appendingPathComponent("kvalitetsstandard-\(profile)-aendringer-\(diff[0])-\(diff[1]).html")
                let page = try publisher.html(of: changes)
                do {
                    try SecureFile.makeDirectory(out)
                    try SecureFile.write(page, to: path)
                } catch {
                    throw BrevError.io("\(error)")
                }
                print("→ \(path)")
                return
            }
            let standard = try publisher.publish(profile: profile, edition: edition, draft: draft) { warning in
                printError("standard: \(warning)")
            }
            let written = try standard.write(to: out)
            if standard.overfullLines > 0 {
                printError("warning: \(standard.overfullLines) line(s) wider than the measure")
            }
            print("standard \(standard.profile) \(standard.edition), \(standard.pages.pages.count) page(s) → \(written.joined(separator: ", "))")
        } catch let error as BrevError {
            if case .invalid(let diagnostics) = error {
                report(diagnostics, file: "standard")
            } else {
                printError("brev: \(error)")
            }
            throw ExitCode(error.exitCode)
        }
    }
}
