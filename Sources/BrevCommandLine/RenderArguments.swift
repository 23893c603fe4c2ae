/// What `brev render` was asked to do: its options as plain values.
///
/// A one-letter `brev render --case FILE --out DIR` spent about 13 M instructions of a cold
/// start in swift-argument-parser (reflecting the command types, looking for a completion-script
/// request, protocol-conformance look-ups). `plain(_:)` reads the common forms itself; anything
/// else goes to the parser as before, so help, usage errors and their messages stay the parser's.
public struct RenderArguments: Equatable, Sendable {
    public var cases: [String]
    public var caseList: String?
    public var jobs: Int?
    public var out: String
    public var memoVersion: String
    public var maxMessageBytes: Int?
    public var resources: String?

    public init(cases: [String], caseList: String?, jobs: Int?, out: String, memoVersion: String,
                maxMessageBytes: Int?, resources: String?) {
        self.cases = cases
        self.caseList = caseList
        self.jobs = jobs
        self.out = out
        self.memoVersion = memoVersion
        self.maxMessageBytes = maxMessageBytes
        self.resources = resources
    }

    /// `render` followed only by `--name value` pairs of its options, each at most once, with
    /// values that do not start with "-" and are not empty, numbers written with digits only,
    /// `--out` and a `--case` or `--case-list` given, `--jobs` at least 1, and a MeMo version
    /// `isMeMoVersion` accepts: the arguments as swift-argument-parser reads them. Anything else
    /// (help, `--name=value`, an unknown, repeated or misspelt option, a usage error) is nil.
    public static func plain(_ arguments: [String], isMeMoVersion: (String) -> Bool) -> RenderArguments? {
        guard arguments.first == "render", arguments.count % 2 == 1 else { return nil }
        var values: [String: String] = [:]
        var i = 1
        while i < arguments.count {
            let name = arguments[i], value = arguments[i + 1]
            guard names.contains(name), values[name] == nil, let first = value.utf8.first, first != UInt8(ascii: "-") else { return nil }
            values[name] = value
            i += 2
        }
        guard let out = values["--out"], values["--case"] != nil || values["--case-list"] != nil else { return nil }
        var jobs: Int?
        if let text = values["--jobs"] {
            guard let number = digits(text), number >= 1 else { return nil }
            jobs = number
        }
        var maxMessageBytes: Int?
        if let text = values["--max-message-bytes"] {
            guard let number = digits(text) else { return nil }
            maxMessageBytes = number
        }
        let memoVersion = values["--memo-version"] ?? defaultMeMoVersion
        guard isMeMoVersion(memoVersion) else { return nil }
        return RenderArguments(cases: values["--case"].map { [$0] } ?? [], caseList: values["--case-list"], jobs: jobs, out: out,
                               memoVersion: memoVersion, maxMessageBytes: maxMessageBytes, resources: values["--resources"])
    }

    /// `--memo-version` when it is not given, for the parser's `Render` and for `plain(_:)` alike.
    public static let defaultMeMoVersion = "1.2"

    static let names: Set<String> = ["--case", "--case-list", "--jobs", "--out", "--memo-version", "--max-message-bytes", "--resources"]

    /// A number written with ASCII digits only, that fits an Int.
    static func digits(_ text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }
}
