import Foundation

/// veraPDF's verdict on PDF files against PDF/A-2a and PDF/UA-1, through `scripts/verapdf.sh`:
/// one JVM for all the files given, because starting Java costs more than checking a letter.
public enum VeraPDF {
    /// The profiles the harness checks each file against, as it names them.
    public static let profiles = ["PDF/A-2a", "PDF/UA-1"]

    /// A rule of a profile that a file breaks, e.g. 7.2-34 (PDF/UA-1: the language of page text).
    public struct FailedRule: Decodable, Sendable, CustomStringConvertible {
        public var clause: String
        public var test: Int
        /// How many objects of the file break it.
        public var checks: Int
        /// What the rule demands, in the profile's words.
        public var requirement: String?
        /// What the first failing object does wrong.
        public var message: String?
        /// Where that object is, as a path through veraPDF's model of the file.
        public var context: String?

        public var id: String { "\(clause)-\(test)" }
        public var description: String { "\(id) ×\(checks): \(message ?? requirement ?? "?") at \(context ?? "?")" }
    }

    /// One file against one profile: compliant with its failed rules, or an error (the file could not be read).
    public struct Verdict: Decodable, Sendable {
        public var file: String
        public var profile: String
        public var compliant: Bool?
        public var failedRules: [FailedRule]?
        public var error: String?

        public var passes: Bool { error == nil && compliant == true && (failedRules ?? []).isEmpty }
        public var failedRuleIDs: Set<String> { Set((failedRules ?? []).map(\.id)) }
    }

    public struct Run: Sendable {
        public var verdicts: [Verdict]
        /// 0 every file passes both profiles, 1 some rule failed, 2 some file could not be validated.
        public var status: Int32

        public func verdict(for file: String, profile: String) -> Verdict? {
            verdicts.first { $0.file == file && $0.profile == profile }
        }
    }

    public struct NotAvailable: Error, CustomStringConvertible {
        public var description: String
    }

    public static var script: String {
        TestSupport.repositoryRoot.appendingPathComponent("scripts/verapdf.sh").path
    }

    /// Checks the files against both profiles in one run of the harness.
    /// Throws `NotAvailable` when veraPDF is not installed (scripts/setup.sh installs it) or says
    /// something other than its JSON lines.
    public static func check(_ files: [String]) throws -> Run {
        let result = try TestSupport.run(script, files)
        guard result.status <= 2 else {
            throw NotAvailable(description: "scripts/verapdf.sh ended with status \(result.status): \(result.stderr)")
        }
        let decoder = JSONDecoder()
        var verdicts: [Verdict] = []
        for line in result.stdout.split(separator: "\n") {
            do {
                verdicts.append(try decoder.decode(Verdict.self, from: Data(line.utf8)))
            } catch {
                throw NotAvailable(description: "scripts/verapdf.sh printed a line that is not a verdict: \(line.prefix(200)) (\(result.stderr))")
            }
        }
        return Run(verdicts: verdicts, status: result.status)
    }
}
