import Foundation

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

    private static let cprShape = try! NSRegularExpression(pattern: #"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])"#)

    /// The first problem with `text`, or nil when it is neutral. `names` are the citizen's
    /// names (each part is checked), `cpr` their CPR number.
    public static func problem(in text: String, names: [String] = [], cpr: String? = nil) -> String? {
        let lower = text.lowercased()
        if let word = treatmentWords.first(where: { lower.contains($0) }) {
            return "it reveals the subject of the letter ('\(word)')"
        }
        if let cpr, cpr.count == 10, lower.contains(cpr) || lower.contains(String(cpr.prefix(6)) + "-" + String(cpr.suffix(4))) {
            return "it contains the CPR number"
        }
        // Any run of digits shaped like a CPR number (DDMMYY, optional hyphen, SSSS) that is a real date.
        let ns = text as NSString
        for match in cprShape.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            if case .success = CPR.parse(ns.substring(with: match.range)) {
                return "it contains what looks like a CPR number"
            }
        }
        for name in names {
            for part in name.split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 3 {
                if lower.contains(part.lowercased()) { return "it contains the citizen's name" }
            }
        }
        return nil
    }
}
