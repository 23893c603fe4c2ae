import ArgumentParser
import BrevCase
import BrevCore
import BrevPipeline
import Foundation

/// Where brev finds `LetterTemplates/` and `Fonts/`, shared by the subcommands of `brev` and `brev-service`.
public struct ResourceOptions: ParsableArguments {
    @Option(help: "Folder holding LetterTemplates/ and Fonts/ (default: $BREV_RESOURCES, or found above the working directory).")
    public var resources: String?

    public init() {}

    public func environment() throws -> BrevEnvironment { try ResourceOptions.environment(resources: resources) }

    /// Loads profiles, templates and fonts; a broken one ends the run with its exit status.
    public func makePipeline() throws -> LetterPipeline { try ResourceOptions.makePipeline(resources: resources) }

    /// The environment for the resource folder `resources` (`--resources`), or the one found.
    public static func environment(resources: String?) throws -> BrevEnvironment {
        let root: URL
        if let resources {
            root = URL(fileURLWithPath: resources)
            guard BrevEnvironment.isResourceRoot(root) else {
                throw ValidationError("\(resources) does not hold LetterTemplates/ and Fonts/")
            }
        } else if let found = BrevEnvironment.locateResources() {
            root = found
        } else {
            throw ValidationError("cannot find LetterTemplates/ and Fonts/; run brev from the repository or pass --resources")
        }
        return BrevEnvironment(resourceRoot: root, today: BrevEnvironment.todayInCopenhagen())
    }

    /// Loads profiles, templates and fonts; a broken one ends the run with its exit status.
    public static func makePipeline(resources: String?) throws -> LetterPipeline {
        do {
            return try LetterPipeline(environment: try environment(resources: resources))
        } catch let error as BrevError {
            printError("brev: \(error)")
            throw ExitCode(error.exitCode)
        }
    }
}

/// Reads a whole file, with a message that names it.
public func readInput(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read \(path)")
    }
    return Array(data)
}

/// Reads a case file, but never more than one byte over the case size limit: the reader then
/// refuses it (CASE_TOO_LARGE, exit 1) and a huge file or a device such as /dev/zero costs nothing.
public func readCase(_ path: String) throws -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw ValidationError("cannot read \(path)") }
    defer { try? handle.close() }
    do {
        return Array(try handle.read(upToCount: CaseLimits.maximumFileBytes + 1) ?? Data())
    } catch {
        throw ValidationError("cannot read \(path)")
    }
}

/// Prints diagnostics to standard error, one per line.
public func report(_ diagnostics: [Diagnostic], file: String) {
    for d in diagnostics {
        FileHandle.standardError.write(Data("\(file): \(d)\n".utf8))
    }
}

public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
