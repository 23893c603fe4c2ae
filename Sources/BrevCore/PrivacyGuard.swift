/// What may be seen outside the letter itself: a Digital Post label or notification, a file
/// name, the envelope's return line (domain.md §5, rule 9). These reach notifications, app
/// previews and people with power of attorney, so they must reveal neither the person nor
/// that the letter is about drug or alcohol treatment.
public enum PrivacyGuard {
    /// Word stems that reveal the subject. Matched case-insensitively anywhere in the text.
    public static let treatmentWords = [
        "misbrug", "rusmiddel", "stof", "alkohol", "narko", "hash", "kokain", "heroin", "metadon", "buprenorfin",
        "behandling", "afgiftning", "afrusning", "substitution", "pitstop", "døgn", "doegn", "ambulant",
        "abstinens", "psykiatri",
    ]

    /// The first problem with `text`, or nil when it is neutral. `names` are the citizen's
    /// names (each part is checked), `cpr` their CPR number.
    public static func problem(in text: String, names: [String] = [], cpr: String? = nil) -> String? {
        let lower = text.lowercased()
        if let word = treatmentWords.first(where: { lower.contains($0) }) {
            return "it reveals the subject of the letter ('\(word)')"
        }
        let digits = text.filter(\.isNumber)
        if let cpr, !cpr.isEmpty, digits.contains(cpr) || lower.contains(String(cpr.prefix(6)) + "-") {
            return "it contains the CPR number"
        }
        if digits.count >= 10, case .success = CPR.parse(String(digits.prefix(10))) {
            return "it contains what looks like a CPR number"
        }
        for name in names {
            for part in name.split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 3 {
                if lower.contains(part.lowercased()) { return "it contains the citizen's name" }
            }
        }
        return nil
    }
}
