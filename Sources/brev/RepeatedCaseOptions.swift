import ArgumentParser

/// A command that takes any number of `--case FILE` options.
protocol TakesCaseFiles: ParsableCommand {
    var cases: [String] { get set }
}

/// swift-argument-parser takes each parsed value out of an array and scans the rest for the
/// next one, so N repeated options cost O(N²): 24,000 `--case` arguments took 25 s before any
/// case was read. brev lifts the repeats of `--case` out of `render` and `check` in one pass
/// before the parser sees the arguments, and hands them to the command after parsing. The
/// first `--case` stays, so the parser still checks usage and `validate()` sees a case.
enum RepeatedCaseOptions {
    static let commands: Set<String> = ["render", "check"]

    /// The arguments with every `--case` but the first removed, and the removed files in order.
    static func split(_ arguments: [String]) -> (arguments: [String], extraCases: [String]) {
        guard let command = arguments.first, commands.contains(command) else { return (arguments, []) }
        var kept: [String] = [command]
        var extra: [String] = []
        var seenFirst = false
        var i = 1
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                kept.append(contentsOf: arguments[i...])
                break
            }
            var value: String?
            var width = 1
            if argument == "--case", i + 1 < arguments.count {
                value = arguments[i + 1]
                width = 2
            } else if argument.hasPrefix("--case=") {
                value = String(argument.dropFirst("--case=".count))
            }
            if let value, seenFirst {
                extra.append(value)
            } else {
                if value != nil { seenFirst = true }
                kept.append(contentsOf: arguments[i..<(i + width)])
            }
            i += width
        }
        return (kept, extra)
    }
}
