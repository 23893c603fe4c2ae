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

    /// The first problem with `text`, or nil when it is neutral. `names` are the citizen's
    /// names, `cpr` their CPR number.
    ///
    /// Names are looked for as whole words, and only in text a person wrote (a profile's label
    /// or notification): a name part found inside a longer word ("Else" in "Afgørelse") or in
    /// brev's own fixed words and generated ids is a coincidence, not a leak, so callers pass no
    /// names for those. Words of `ignoring` (the sender's own name: a citizen called Thisted
    /// still gets "Afgørelse fra Thisted Kommune") are not taken for the citizen's name.
    public static func problem(in text: String, names: [String] = [], ignoring: String = "", cpr: String? = nil) -> String? {
        let facts = memo.facts(of: text)
        if let word = facts.treatmentWord {
            return "it reveals the subject of the letter ('\(word)')"
        }
        if let cpr, cpr.count == 10,
           UTF8Search.contains(cpr, in: facts.lower) || UTF8Search.contains(String(cpr.prefix(6)) + "-" + String(cpr.suffix(4)), in: facts.lower) {
            return "it contains the CPR number"
        }
        if facts.hasCPRShapedNumber { return "it contains what looks like a CPR number" }
        guard !names.isEmpty else { return nil }
        let textWords = memo.words(of: text).subtracting(memo.words(of: ignoring))
        for name in names where words(of: name).contains(where: { $0.count >= 2 && textWords.contains($0) }) {
            return "it contains the citizen's name"
        }
        return nil
    }

    /// What `problem` finds in a text whatever the citizen: a letter's label, notification and
    /// the sender's name are the profile's, the same in every letter, and were most of
    /// building its messages' checks. Kept for the last `capacity` texts (then forgotten all
    /// at once: a letter's own file name is new each time).
    struct TextFacts {
        var lower: String
        var treatmentWord: String?
        var hasCPRShapedNumber: Bool
        var words: Set<String>?

        init(_ text: String) {
            lower = text.lowercased()
            let lower = lower
            treatmentWord = treatmentWords.first { UTF8Search.contains($0, in: lower) }
            // Any run of digits shaped like a CPR number (DDMMYY, optional hyphen, SSSS) that is a real date.
            hasCPRShapedNumber = cprShapedNumbers(in: text).contains {
                if case .success = CPR.parse($0) { return true }
                return false
            }
        }
    }

    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var facts: [String: TextFacts] = [:]
        static let capacity = 64

        func facts(of text: String) -> TextFacts {
            if let known = lock.withLock({ facts[text] }) { return known }
            let made = TextFacts(text)
            lock.withLock { keep(made, for: text) }
            return made
        }

        func words(of text: String) -> Set<String> {
            if let known = lock.withLock({ facts[text]?.words }) { return known }
            var made = lock.withLock { facts[text] } ?? TextFacts(text)
            let words = Set(PrivacyGuard.words(of: text))
            made.words = words
            lock.withLock { keep(made, for: text) }
            return words
        }

        /// Called with the lock held.
        private func keep(_ made: TextFacts, for text: String) {
            if facts.count >= Self.capacity && facts[text] == nil { facts.removeAll(keepingCapacity: true) }
            facts[text] = made
        }
    }

    static let memo = Memo()

    /// What ICU finds with `(?<![0-9])[0-9]{6}-?[0-9]{4}(?![0-9])`, left to right: a run of
    /// exactly ten ASCII digits, or of six, a hyphen and a run of exactly four. A run of six
    /// before a hyphen and more than four digits matches nothing from its start (and the
    /// hyphen cannot be given back: `[0-9]{4}` would stand on it); the run after the hyphen is
    /// looked at afresh (`CPRShapeScannerTests` compares this with the expression).
    static func cprShapedNumbers(in text: String) -> [String] {
        var found: [String] = []
        var text = text
        text.withUTF8 { b in
            @inline(__always) func isDigit(_ i: Int) -> Bool { i < b.count && b[i] &- 0x30 < 10 }
            func runEnd(from i: Int) -> Int {
                var j = i
                while isDigit(j) { j += 1 }
                return j
            }
            var i = 0
            while i < b.count {
                guard isDigit(i) else { i += 1; continue }
                // A run's first digit: no digit before it.
                let end = runEnd(from: i)
                var matchEnd: Int?
                if end - i == 10 {
                    matchEnd = end
                } else if end - i == 6, end < b.count, b[end] == 0x2D, runEnd(from: end + 1) - (end + 1) == 4 {
                    matchEnd = end + 5
                }
                if let matchEnd {
                    found.append(String(decoding: UnsafeBufferPointer(rebasing: b[i..<matchEnd]), as: UTF8.self))
                    i = matchEnd
                } else {
                    i = end
                }
            }
        }
        return found
    }

    /// The words of `text`, lowercased: runs of letters and digits, so "Ærø-Østergård" is two words.
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
