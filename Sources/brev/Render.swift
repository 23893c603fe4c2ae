import ArgumentParser
import BrevCommandLine
import BrevCore
import BrevDigitalPost
import BrevPipeline
import Foundation

struct Render: TakesCaseFiles {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render letters as PDF and HTML.",
        discussion: "File names are afgoerelse-<id>.pdf/.html: an opaque id, never the citizen or the treatment. Files are written with mode 0600.")

    @Option(name: .customLong("case"), help: "A case JSON file (repeat for several).")
    var cases: [String] = []

    @Option(help: "A file naming case JSON files, one path a line (after any --case).")
    var caseList: String?

    @Option(help: "Letters rendered at once (default: one per core). Output and its order are the same for any number.")
    var jobs: Int?

    @Option(help: "Output folder (created if missing).")
    var out: String

    @Option(help: "MeMo version of Digital Post messages: 1.2 (default) or 1.1.")
    var memoVersion: String = RenderArguments.defaultMeMoVersion

    @Option(help: "Refuse a message larger than this many bytes (default: the municipality profile's limit).")
    var maxMessageBytes: Int?

    @OptionGroup var resources: ResourceOptions

    func validate() throws {
        if cases.isEmpty && caseList == nil { throw ValidationError("give at least one --case FILE or a --case-list FILE") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs is at least 1") }
        if MeMoVersion(rawValue: memoVersion) == nil { throw ValidationError("--memo-version is 1.1 or 1.2") }
    }

    /// The options as plain values: what `Brev.main` reads itself for the common forms (`RenderArguments.plain`).
    var arguments: RenderArguments {
        RenderArguments(cases: cases, caseList: caseList, jobs: jobs, out: out, memoVersion: memoVersion,
                        maxMessageBytes: maxMessageBytes, resources: resources.resources)
    }

    func run() throws { try arguments.run() }
}

/// The pipelines of a finished `render`, kept until the process exits, which frees all of its
/// memory at once: releasing their fonts, caches and schemas object by object cost a one-letter
/// render about 2 M instructions.
nonisolated(unsafe) private var finishedPipelines: [LetterPipeline] = []

extension RenderArguments {
    func run() throws {
        let paths = try cases + (caseList.map(readCaseList) ?? [])
        if paths.isEmpty { throw ValidationError("the case list names no case file") }
        // One case needs one pipeline whatever the cores (asking for them cost a cold start 0.5 M instructions).
        let workers = paths.count == 1 ? 1 : min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, paths.count)
        var pipelines: [LetterPipeline] = []
        for _ in 0..<max(1, workers) {
            let pipeline = try ResourceOptions.makePipeline(resources: resources)
            pipeline.memoVersion = MeMoVersion(rawValue: memoVersion)!
            pipeline.maxMessageBytes = maxMessageBytes
            pipelines.append(pipeline)
        }
        defer { finishedPipelines = pipelines }
        recoverOutput()
        // With one pipeline this thread renders each case in turn; with more, each works on a
        // thread of its own. This thread writes the letters in groups (one flush of the disk for
        // up to `RenderedLetter.lettersPerFlush` letters) and prints each input's outcome in
        // input order once its group is on disk.
        // The workers may run a group's worth ahead: they go on rendering while this thread
        // writes and flushes the group before.
        let run = OrderedRenders(paths: paths, window: 4 * pipelines.count + RenderedLetter.lettersPerFlush)
        let outcome: (Int) -> OrderedRenders.Outcome
        if pipelines.count == 1 {
            outcome = { run.process($0, on: pipelines[0]) }
        } else {
            run.start(pipelines)
            outcome = run.outcome
        }
        var worst: Int32 = 0
        var waiting: [(path: String, outcome: OrderedRenders.Outcome)] = []
        var waitingLetters = 0
        var inputOfLetter: [String: String] = [:]
        for (index, path) in paths.enumerated() {
            var done = outcome(index)
            Self.admit(&done, from: path, inputOfLetter: &inputOfLetter)
            waiting.append((path, done))
            if done.failure == nil { waitingLetters += done.letters.count }
            let ends = index == paths.count - 1 || done.failure.map { !($0 is BrevError) } == true
            guard ends || waitingLetters >= RenderedLetter.lettersPerFlush else { continue }
            try writeAndReport(&waiting, worst: &worst)
            waitingLetters = 0
        }
        if worst != 0 { throw ExitCode(worst) }
    }

    /// Admission, in input order: a letter id already admitted in this run refuses the later
    /// input (`DUPLICATE_LETTER`: the first wins).
    static func admit(_ outcome: inout OrderedRenders.Outcome, from path: String, inputOfLetter: inout [String: String]) {
        guard outcome.failure == nil else { return }
        if let taken = outcome.letters.first(where: { inputOfLetter[$0.letterId] != nil }) {
            outcome.failure = BrevError.invalid([.error(.duplicateLetter, at: .jsonPath("$"),
                "letter \(taken.letterId) was already written in this run from \(inputOfLetter[taken.letterId]!); nothing was written for this input")])
        } else {
            for letter in outcome.letters { inputOfLetter[letter.letterId] = path }
        }
    }

    /// Writes the waiting inputs' letters as one group and prints each input's outcome in
    /// order; a group that cannot be written is every one of its inputs' failure. An input
    /// that could not be read ends the run after the inputs before it are reported.
    func writeAndReport(_ waiting: inout [(path: String, outcome: OrderedRenders.Outcome)], worst: inout Int32) throws {
        let letters = waiting.flatMap { $0.outcome.failure == nil ? $0.outcome.letters : [] }
        if !letters.isEmpty {
            do {
                var paths = try RenderedLetter.write(letters, to: out)[...]
                for i in waiting.indices where waiting[i].outcome.failure == nil {
                    waiting[i].outcome.written = Array(paths.prefix(waiting[i].outcome.letters.count))
                    paths = paths.dropFirst(waiting[i].outcome.letters.count)
                }
            } catch {
                for i in waiting.indices where waiting[i].outcome.failure == nil { waiting[i].outcome.failure = error }
            }
        }
        let reported = waiting
        waiting.removeAll()
        for (path, done) in reported {
            if let first = done.letters.first { report(first.warnings, file: path) }
            for (letter, written) in zip(done.letters, done.written) {
                if letter.overfullLines > 0 {
                    printError("\(path): warning: \(letter.overfullLines) line(s) wider than the measure")
                }
                // Only the opaque id and counts: no name, CPR or treatment in the log.
                print("\(path): letter \(letter.letterId), \(letter.pageCount) page(s) → \(written.joined(separator: ", "))")
            }
            guard let failure = done.failure else { continue }
            guard let error = failure as? BrevError else { throw failure }
            if case .invalid(let diagnostics) = error {
                report(diagnostics, file: path)
            } else {
                printError("\(path): \(error)")
            }
            worst = max(worst, error.exitCode)
        }
    }

    /// The paths in a `--case-list` file: one a line; blank lines are skipped.
    func readCaseList(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read the case list \(path)")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Removes what a killed run left in the output folder: letter sets whose writing was
    /// interrupted and temporary files of dead processes. Only counts are printed.
    func recoverOutput() {
        do {
            try SecureFile.makeDirectory(out)
            let r = try OutputRecovery.recover(directory: out)
            if r.rolledBackSets > 0 || r.removedTemporaries > 0 {
                printError("brev: an earlier run was interrupted: removed \(r.rolledBackSets) incomplete letter set(s) and \(r.removedTemporaries) temporary file(s) in \(out)")
            }
        } catch {
            printError("brev: \(error)")
        }
    }
}
