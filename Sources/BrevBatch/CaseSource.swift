import BrevStore

/// Where a batch's cases come from: JSON Lines (`CaseLineReader`) or CSV (`CaseCSVReader`),
/// read as a stream, one case at a time.
protocol CaseSource: AnyObject {
    /// The next case, or nil at the end of the input.
    func nextCase() throws(BatchError) -> RawCase?
}

/// One case as read: the line it starts on, its JSON, and problems found before it reached the
/// pipeline (a CSV row with too many cells), which refuse it at once.
struct RawCase {
    var line: Int
    var bytes: [UInt8]
    var problems: [CaseProblem] = []
}

/// The input's format: by `--format`, else `.csv` files are CSV and everything else JSON Lines.
public enum InputFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv

    public static func of(path: String) -> InputFormat {
        path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
    }

    func open(_ path: String) throws(BatchError) -> any CaseSource {
        switch self {
        case .jsonl: return try CaseLineReader(path: path)
        case .csv: return try CaseCSVReader(path: path)
        }
    }

    /// How many cases a regular file holds, for progress; nil for standard input.
    func countCases(path: String) -> Int? {
        guard path != "-", let source = try? open(path) else { return nil }
        var count = 0
        while (try? source.nextCase()) != nil { count += 1 }
        return count
    }
}
