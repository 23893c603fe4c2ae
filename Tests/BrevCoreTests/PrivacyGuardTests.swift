import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// `PrivacyGuard.problem` keeps what it found in a text (`PrivacyGuard.Memo`): its answers are
/// those of the check as it was, computed anew each time, on texts made of treatment words,
/// names, CPR-shaped numbers and Danish words, each asked twice and in between others.
@Suite struct PrivacyGuardTests {
    /// `PrivacyGuard.problem` as it was before its facts were kept.
    static func reference(in text: String, names: [String] = [], ignoring: String = "", cpr: String? = nil) -> String? {
        let lower = text.lowercased()
        if let word = PrivacyGuard.treatmentWords.first(where: { UTF8Search.contains($0, in: lower) }) {
            return "it reveals the subject of the letter ('\(word)')"
        }
        if let cpr, cpr.count == 10,
           UTF8Search.contains(cpr, in: lower) || UTF8Search.contains(String(cpr.prefix(6)) + "-" + String(cpr.suffix(4)), in: lower) {
            return "it contains the CPR number"
        }
        let shape = try! NSRegularExpression(pattern: #"(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])"#)
        let ns = text as NSString
        for match in shape.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            if case .success = CPR.parse(ns.substring(with: match.range)) {
                return "it contains what looks like a CPR number"
            }
        }
        func words(_ t: String) -> [String] { t.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init) }
        let textWords = Set(words(text)).subtracting(words(ignoring))
        for name in names where words(name).contains(where: { $0.count >= 2 && textWords.contains($0) }) {
            return "it contains the citizen's name"
        }
        return nil
    }

    static let fragments = ["Afgørelse", "fra", "Ishøj", "Kommune", "Thisted", "Mette", "Ærø-Østergård", "DØGN", "Stof",
                            "brev", "010185-1234", "0101851234", "3102851234", "afgoerelse-", ".pdf", " ", "-", "e\u{301}",
                            "Else", "Jensen", "til", "12", "2412", "Ølgaard", "ß", "Rusmiddelcenter", "_", "2635"]

    @Test func theKeptFactsGiveTheAnswersOfTheCheckAsItWas() {
        var random = SeededGenerator(seed: 141)
        var asked: [(String, [String], String, String?)] = []
        for _ in 0..<3_000 {
            func text(_ n: Int) -> String { (0..<n).map { _ in Self.fragments.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : "") }
            let names = Bool.random(using: &random) ? [text(2)] : []
            let ignoring = Bool.random(using: &random) ? "Ishøj Kommune" : text(1)
            let cpr: String? = [nil, "0101851234", "3102851234"].randomElement(using: &random)!
            asked.append((text(Int.random(in: 0...5, using: &random)), names, ignoring, cpr))
        }
        // Each text twice: first found, then kept; in between, other texts (and more than the memo keeps).
        for (text, names, ignoring, cpr) in asked + asked.shuffled(using: &random) {
            #expect(PrivacyGuard.problem(in: text, names: names, ignoring: ignoring, cpr: cpr)
                == Self.reference(in: text, names: names, ignoring: ignoring, cpr: cpr), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
