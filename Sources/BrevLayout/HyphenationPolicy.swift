import BrevCore
import BrevDocument
import Foundation

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
        unhyphenatedSentences(in: Array(text.utf16))
    }

    /// The same, for a text's UTF-16 code units, which the paragraph setter already holds.
    static func unhyphenatedSentences(in units: [UInt16]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < units.count {
            if units[i] == 0x2E || units[i] == 0x21 || units[i] == 0x3F {
                var j = i + 1
                while j < units.count, units[j] == 0x20 || units[j] == 0x0A { j += 1 }
                if j > i + 1, j < units.count, let scalar = Unicode.Scalar(units[j]), isUppercase(scalar) {
                    sentences.append(start..<(i + 1))
                    start = j
                }
            }
            i += 1
        }
        if start < units.count { sentences.append(start..<units.count) }
        return sentences.filter { range in
            if namesDeadline(units[range]) { return true }
            // A date or a period has a digit; most sentences have none and are not scanned.
            guard units[range].contains(where: { $0 >= 0x30 && $0 <= 0x39 }), mayHoldDate(units[range]) else { return false }
            return holdsDate(string(units[range]))
        }
    }

    /// Whether ICU would find in `sentence` the regular expression
    /// `\b\d{1,2}\.\s+(?:januar|…|december)\s+\d{4}\b|\b\d+\s+(?:arbejdsdage|dage|uger|måneder)\s+efter\b`,
    /// matched case-insensitively: a date ("1. marts 2027"), or a period counted from an event
    /// ("4 uger efter"): the words of a deadline. Both start at a digit (`PatternScannerTests`
    /// compares this with the expression).
    static func holdsDate(_ sentence: String) -> Bool {
        var sentence = sentence
        return sentence.withUTF8 { bytes in
            let t = PatternText(bytes)
            var i = 0
            while i < t.count {
                if t.digit(at: i) != nil, NoBreakPattern.date(t, i) != nil || periodBeforeEfter(t, i) != nil { return true }
                i += t.scalar(at: i).length
            }
            return false
        }
    }

    /// `\b\d+\s+(?:arbejdsdage|dage|uger|måneder)\s+efter\b` at `p`. Giving back a digit or a
    /// space would leave `\s` on a digit or a letter on white space; no unit starts another.
    static func periodBeforeEfter(_ t: PatternText, _ p: Int) -> Int? {
        guard t.isWordBoundary(at: p) else { return nil }
        let d = t.digits(from: p).end
        guard d > p else { return nil }
        let s = t.spaces(from: d)
        guard s > d else { return nil }
        for unit: StaticString in ["arbejdsdage", "dage", "uger", "måneder"] {
            guard let u = t.caselessWord(unit, at: s) else { continue }
            let s2 = t.spaces(from: u)
            if s2 > u, let e = t.caselessWord("efter", at: s2), t.isWordBoundary(at: e) { return e }
        }
        return nil
    }

    /// Whether `date` can match: each of its forms has a digit (`\d`, any decimal digit) right
    /// before white space (`\s`) or before a full stop. Read as UTF-16 units, a unit from
    /// U+0080 on may be either, as may any below U+0021; so a false answer is certain.
    static func mayHoldDate(_ units: ArraySlice<UInt16>) -> Bool {
        var i = units.startIndex
        while i + 1 < units.endIndex {
            let unit = units[i]
            if (unit >= 0x30 && unit <= 0x39) || unit >= 0x80 {
                let next = units[i + 1]
                if next < 0x21 || next == 0x2E || next >= 0x80 { return true }
            }
            i += 1
        }
        return false
    }

    /// The text of UTF-16 units, as `String(decoding:as: UTF16.self)` gives it: made from its
    /// UTF-8 bytes (that initialiser transcodes unit by unit on a slow path, and was a third
    /// of this policy's time); units with a surrogate take that initialiser.
    static func string(_ units: ArraySlice<UInt16>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        for unit in units {
            switch unit {
            case 0..<0x80:
                bytes.append(UInt8(unit))
            case 0x80..<0x800:
                bytes.append(0xC0 | UInt8(unit >> 6))
                bytes.append(0x80 | UInt8(unit & 0x3F))
            case 0xD800..<0xE000:
                return String(decoding: units, as: UTF16.self)
            default:
                bytes.append(0xE0 | UInt8(unit >> 12))
                bytes.append(0x80 | UInt8(unit >> 6 & 0x3F))
                bytes.append(0x80 | UInt8(unit & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let deadlineWords: [[UInt16]] = ["senest", "frist"].map { Array($0.utf16) }

    /// Whether a sentence holds "senest" or "frist" in any case, as Foundation's case-insensitive
    /// search finds them. Foundation's search folds case fully ("ß" holds "ss") and respects
    /// combining marks, so it is kept for sentences with such characters; a sentence of ASCII,
    /// Latin-1 letters and the usual punctuation is compared unit by unit with ASCII's case
    /// folding, which is the same there and costs a fraction (`TextScanTests` compares the two).
    static func namesDeadline(_ sentence: ArraySlice<UInt16>) -> Bool {
        guard sentence.allSatisfy(foldsLikeASCII) else {
            let text = string(sentence)
            return deadlineWords.contains { text.range(of: String(decoding: $0, as: UTF16.self), options: .caseInsensitive) != nil }
        }
        return deadlineWords.contains { word in
            guard sentence.count >= word.count else { return false }
            var start = sentence.startIndex
            while start + word.count <= sentence.endIndex {
                var k = 0
                while k < word.count, asciiLowercased(sentence[start + k]) == word[k] { k += 1 }
                if k == word.count { return true }
                start += 1
            }
            return false
        }
    }

    /// ASCII, Latin-1's letters and signs but "ß" and the soft hyphen, and the dashes, quotes
    /// and ellipsis of Danish text: none folds into an ASCII letter, none combines with its
    /// neighbour.
    static func foldsLikeASCII(_ unit: UInt16) -> Bool {
        switch unit {
        case 0...0x7F, 0xA0...0xAC, 0xAE...0xDE, 0xE0...0xFF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C...0x201E, 0x2026: return true
        default: return false
        }
    }

    @inline(__always)
    private static func asciiLowercased(_ unit: UInt16) -> UInt16 {
        unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit
    }

    /// `startsSentence`: a capital there is the sentence's, not a name's.
    static func allowsHyphens(inWord word: String, startsSentence: Bool = false) -> Bool {
        guard let first = word.unicodeScalars.first(where: { isAlphabetic($0) || isNumeric($0) })
        else { return true }
        if isUppercase(first) && !startsSentence { return false }
        return !word.unicodeScalars.contains(where: isNumeric)
    }

    // Unicode's properties, answered from the value for Latin-1 (a Danish word's letters), where
    // asking Unicode's tables per scalar was a visible share of a letter. `TextScanTests` checks
    // each against the property for every scalar.

    static func isAlphabetic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return true
        case 0...0xFF: return false
        default: return s.properties.isAlphabetic
        }
    }

    /// Any numeric type: digits, and in Latin-1 also "²", "³", "¹", "¼", "½", "¾".
    static func isNumeric(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0xB2, 0xB3, 0xB9, 0xBC...0xBE: return true
        case 0...0xFF: return false
        default: return s.properties.numericType != nil
        }
    }

    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return true
        case 0...0xFF: return false
        default: return s.properties.isUppercase
        }
    }
}
