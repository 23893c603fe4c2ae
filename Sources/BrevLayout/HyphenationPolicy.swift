import Foundation
import BrevDocument

/// Where brev uses libhyphen's hyphenation points (issue 11). A citizen must read names,
/// addresses, numbers and deadlines whole, so these are never hyphenated:
/// - a word that starts with a capital letter inside a sentence: in Danish only names,
///   streets and towns do ("Kettegård", "Industrivej");
/// - a word that holds a digit;
/// - any word of a sentence that states a deadline or a date ("senest", "frist", "1. marts 2027").
/// Elsewhere a hyphen is a last resort in ragged text: `raggedPenalty` makes the line breaker
/// take one only where the line would otherwise end very short.
enum HyphenationPolicy {
    /// Knuth–Plass penalty of a hyphen in justified text, where a hyphen saves wide word spaces.
    static let justifiedPenalty = 50.0
    /// In ragged text a hyphen costs more than any line the first pass of the line breaker
    /// accepts (badness 800 at its tolerance of 2, a line 6 em, about 12 characters, short), so
    /// a word is hyphenated only where every way without it leaves a line shorter than that.
    static let raggedPenalty = 1000.0

    /// The sentences (UTF-16 offsets) whose words must not be hyphenated: those with a deadline
    /// or a date. A sentence ends at ".", "!" or "?" before white space and a capital letter,
    /// so "24. november" and "stk. 4" do not end one.
    static func unhyphenatedSentences(in text: String) -> [Range<Int>] {
        let units = Array(text.utf16)
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < units.count {
            if [0x2E, 0x21, 0x3F].contains(units[i]) {
                var j = i + 1
                while j < units.count, units[j] == 0x20 || units[j] == 0x0A { j += 1 }
                if j > i + 1, j < units.count, let scalar = Unicode.Scalar(units[j]), scalar.properties.isUppercase {
                    sentences.append(start..<(i + 1))
                    start = j
                }
            }
            i += 1
        }
        if start < units.count { sentences.append(start..<units.count) }
        return sentences.filter { range in
            let sentence = String(decoding: units[range], as: UTF16.self)
            if sentence.range(of: "senest", options: .caseInsensitive) != nil
                || sentence.range(of: "frist", options: .caseInsensitive) != nil { return true }
            // A date or a period has a digit; most sentences have none and skip the regex.
            guard units[range].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            return date.firstMatch(in: sentence, range: NSRange(location: 0, length: range.count)) != nil
        }
    }

    /// `startsSentence`: a capital there is the sentence's, not a name's.
    static func allowsHyphens(inWord word: String, startsSentence: Bool = false) -> Bool {
        guard let first = word.unicodeScalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return true }
        if first.properties.isUppercase && !startsSentence { return false }
        return !word.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// A date ("1. marts 2027"), or a period counted from an event ("4 uger efter"): the words
    /// of a deadline.
    private static let date = try! NSRegularExpression(pattern:
        #"\b\d{1,2}\.\s+(?:\#(NoBreakRules.months))\s+\d{4}\b|\b\d+\s+(?:arbejdsdage|dage|uger|måneder)\s+efter\b"#,
        options: [.caseInsensitive])
}
