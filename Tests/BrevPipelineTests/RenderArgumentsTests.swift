import BrevCommandLine
import Testing

/// `brev render`'s common forms read without swift-argument-parser (`RenderArguments.plain`);
/// everything else is left to the parser (nil), which then answers as it always did.
@Suite struct RenderArgumentsTests {
    static func plain(_ arguments: [String]) -> RenderArguments? {
        RenderArguments.plain(arguments, isMeMoVersion: { $0 == "1.1" || $0 == "1.2" })
    }

    @Test func theOptionsAreReadAsTheParserReadsThem() {
        #expect(Self.plain(["render", "--case", "a.json", "--out", "o"])
                == RenderArguments(cases: ["a.json"], caseList: nil, jobs: nil, out: "o", memoVersion: "1.2", maxMessageBytes: nil, resources: nil))
        #expect(Self.plain(["render", "--out", "o", "--resources", "r", "--case-list", "l", "--jobs", "2", "--memo-version", "1.1",
                            "--max-message-bytes", "0900", "--case", "a.json"])
                == RenderArguments(cases: ["a.json"], caseList: "l", jobs: 2, out: "o", memoVersion: "1.1", maxMessageBytes: 900, resources: "r"))
        #expect(Self.plain(["render", "--case-list", "l", "--out", "o"])?.cases == [])
    }

    @Test func everythingElseIsLeftToTheParser() {
        let refused: [[String]] = [
            [], ["render"], ["check", "--case", "a", "--out", "o"], ["help", "render"], ["render", "--help"],
            ["render", "--case", "a", "--out", "o", "--help"], ["render", "-h", "--case", "a", "--out", "o"],
            ["render", "--case", "a"], ["render", "--out", "o"], ["render", "--case", "a", "--out"],
            ["render", "--case=a", "--out", "o"], ["render", "--case", "a", "--out=o"],
            ["render", "--case", "a", "--out", "o", "--out", "p"], ["render", "--case", "a", "--out", "-o"],
            ["render", "--case", "", "--out", "o"], ["render", "--case", "a", "--out", "o", "--jobs", "0"],
            ["render", "--case", "a", "--out", "o", "--jobs", "+2"], ["render", "--case", "a", "--out", "o", "--jobs", "-1"],
            ["render", "--case", "a", "--out", "o", "--jobs", "99999999999999999999"],
            ["render", "--case", "a", "--out", "o", "--max-message-bytes", "1e3"],
            ["render", "--case", "a", "--out", "o", "--memo-version", "1.3"], ["render", "--case", "a", "--out", "o", "--kind", "afslag"],
            ["render", "--case", "a", "--out", "o", "--"], ["render", "--case", "a", "--out", "o", "--generate-completion-script", "bash"],
            ["render", "--case", "a", "--out", "o", "extra"], ["render", "--CASE", "a", "--out", "o"],
        ]
        for arguments in refused {
            #expect(Self.plain(arguments) == nil, "\(arguments)")
        }
    }
}
