@testable import BrevDocument
@testable import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: the text scans of layout and the HTML writer answer from bytes and values what they
/// used to ask Unicode's tables, Foundation and the Character view. Each fast answer is compared
/// here with the definition it replaces: for every scalar where that is a property, and on
/// random text from an alphabet of the characters where the two could part otherwise.
@Suite struct TextScanTests {
    /// Every Unicode scalar (surrogate code points are none).
    static let everyScalar: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

    @Test func noBreakRulesClassifyEveryScalarAsUnicodesPropertiesDo() {
        var wrong: [UInt32] = []
        for s in Self.everyScalar where s.value >= 0x80 {
            if NoBreakRules.isNonASCIIWhitespace(s.value) != s.properties.isWhitespace
                || NoBreakRules.isNonASCIIDecimalDigit(s.value) != (s.properties.numericType == .decimal) {
                wrong.append(s.value)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
    }

    @Test func hyphenationPolicyClassifiesEveryScalarAsUnicodesPropertiesDo() {
        var wrong: [UInt32] = []
        for s in Self.everyScalar {
            if HyphenationPolicy.isAlphabetic(s) != s.properties.isAlphabetic
                || HyphenationPolicy.isNumeric(s) != (s.properties.numericType != nil)
                || HyphenationPolicy.isUppercase(s) != s.properties.isUppercase {
                wrong.append(s.value)
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
    }

    /// Pieces of text where a byte scan could part from the definitions: white space of every
    /// width, digits of other scripts (one in two UTF-16 units), combining marks, full case
    /// folding ("ß", "ſ", "ﬆ"), Danish letters, and the words and addresses the scans look for.
    static let alphabet = [
        "a", "B", "æ", "Ø", "å", "ß", "ſ", "ﬆ", "ﬁ", "e\u{301}", "\u{301}", "\u{AD}", "İ", "K", "\u{212A}",
        " ", " ", "\t", "\n", "\u{A0}", "\u{2009}", "\u{2028}", "\u{3000}", "\u{85}", "\u{200B}",
        "0", "7", "\u{660}", "\u{967}", "\u{1D7D8}", "²", "½", "😀", "§", ".", ",", "-", "@", "/", ":", "(", ")", "»", "–", "…",
        "senest", "SENEST", "Senest", "frist", "FRiST", "sene", "st", "fri",
        "dk", "www.", "ishoj.dk", "https://", "lars@", "borger.dk", ".eks", "kr.", "stk. 4", "24. marts 2027",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test func digitTokensAreThoseOfTheScalarPropertyScan() {
        for text in Self.randomTexts(count: 20_000, seed: 15) {
            let fast = NoBreakRules.digitTokens(in: text)
            let reference = Self.referenceDigitTokens(in: text)
            #expect(fast.ranges == reference.ranges && fast.hasDigit == reference.hasDigit, "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// Pieces of what the no-break patterns look for, and of what stands near it.
    static let noBreakAlphabet = [
        "4", "14", "2", "500", "2026", "43", "57", "\u{660}", "\u{1D7D8}", " ", " ", "  ", "\u{A0}", "\u{2009}", "\n", "\u{B}",
        "\u{85}", ".", ",", "-", "a", "x", "stk", "Nr", "KL", "kr.", "november", "nov.", "dage", "uger", "år", "+45", "§", "§§", "og",
    ]

    @Test func theNoBreakPatternsTheScanSkipsWouldHaveFoundNothing() {
        var generator = SeededGenerator(seed: 18)
        var matched = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator))
                .map { _ in Self.noBreakAlphabet.randomElement(using: &generator)! }.joined()
            let ranges = NoBreakRules.protectedRanges(in: text)
            #expect(ranges == NoBreakRules.protectedRangesByEveryPattern(in: text), "\(text.unicodeScalars.map(\.value))")
            if ranges.count > NoBreakRules.digitTokens(in: text).ranges.count { matched += 1 }
        }
        #expect(matched > 1_000) // the patterns did find things
    }

    @Test func deadlineWordsAreFoundAsFoundationsCaseInsensitiveSearchFindsThem() {
        var found = 0
        for text in Self.randomTexts(count: 20_000, seed: 16) {
            let units = Array(text.utf16)
            let foundation = text.range(of: "senest", options: .caseInsensitive) != nil
                || text.range(of: "frist", options: .caseInsensitive) != nil
            #expect(HyphenationPolicy.namesDeadline(units[...]) == foundation, "\(text.unicodeScalars.map(\.value))")
            if foundation { found += 1 }
        }
        #expect(found > 1_000) // the comparison saw both answers
    }

    /// The hyphenation policy's text of UTF-16 units is `String(decoding:as:)`'s, for any
    /// stretch of a text, also one that cuts a surrogate pair.
    @Test func unitsMadeIntoTextAreFoundationsText() {
        var generator = SeededGenerator(seed: 20)
        for text in Self.randomTexts(count: 5_000, seed: 21) {
            let units = Array(text.utf16)
            let from = Int.random(in: 0...units.count, using: &generator)
            let to = Int.random(in: from...units.count, using: &generator)
            for slice in [units[...], units[from..<to]] {
                #expect(HyphenationPolicy.string(slice) == String(decoding: slice, as: UTF16.self), "\(slice.map { $0 })")
            }
        }
    }

    /// A sentence the policy does not give its date regex (no digit before white space or a
    /// full stop) is one in which the regex finds nothing.
    @Test func sentencesSkippedForTheDateRegexHoldNoDate() {
        var generator = SeededGenerator(seed: 22)
        let pieces = Self.noBreakAlphabet + ["1", "24", "1.", ". ", "marts", "MARTS", "2027", "arbejdsdage", "måneder", "efter", "\u{2003}", "\u{967}",
                                             "1. marts 2027", "24.\u{A0}november 2026", "4 uger efter", "10\narbejdsdage efter",
                                             "\u{967}\u{968}. marts 2027", "3\u{2003}dage efter", "12.marts 2027", "4uger efter"]
        var dates = 0, skipped = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let units = Array(text.utf16)
            let found = ReferenceRegex.matches(ReferenceRegex.deadlineDate, text)
            if found { dates += 1 }
            if !HyphenationPolicy.mayHoldDate(units[...]) {
                skipped += 1
                #expect(!found, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(dates > 2_000 && skipped > 2_000) // the regex found dates, and the check skipped texts
    }

    @Test func textsWithoutADotBeforeTwoLettersAreNeverSearchedForAddressesInVain() {
        var linked = 0
        for text in Self.randomTexts(count: 20_000, seed: 17) {
            let words = AddressLinks.splitWords(text)
            #expect(AddressLinks.split(text) == words, "\(text.unicodeScalars.map(\.value))")
            if words.contains(where: { if case .link = $0 { return true } else { return false } }) { linked += 1 }
        }
        #expect(linked > 200) // and some texts did hold addresses
    }

    /// An ASCII word is judged by its bytes as by its characters: the same address, link, lead and
    /// end, or none, for random words of the pieces addresses and near misses are made of.
    @Test func asciiWordsAreAddressesByTheirBytesAsByTheirCharacters() {
        let pieces = ["(", "\"", "'", ")", ".", ",", ";", ":", "!", "?", "@", "@@", "/", "//", "-", "_", "%", "+", "~", "#", "=", "a",
                      "Z", "7", "dk", "DK", "com", "eu", "x", "www.", "WWW.", "http://", "HTTPS://", "https:/", "ishoj", "borger.dk",
                      "f.eks", "lars", "..", "[", "]", "&", "*", "$", "<", "\u{7F}", "\u{1}", "e-mail", "lars@ishoj.dk", "https://borger.dk/x",
                      "www.ishoj.dk", "ishoj.dk"]
        var generator = SeededGenerator(seed: 31)
        var addresses = 0
        for _ in 0..<10_000 {
            let word = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var bytes = word
            let byBytes = bytes.withUTF8 { AddressLinks.asciiAddress(in: $0) }
            let byCharacters = AddressLinks.characterAddress(in: word)
            #expect(byBytes.map { [$0.lead, $0.address, $0.href, $0.rest] } == byCharacters.map { [$0.lead, $0.address, $0.href, $0.rest] },
                    "\(word.debugDescription)")
            if byCharacters != nil { addresses += 1 }
        }
        #expect(addresses > 500)
    }

    /// `AddressLinks.splitWords` as it was before words without a dot were passed over (cfd3491):
    /// every word asked whether it is an address.
    static func referenceSplitWords(_ text: String) -> [Inline] {
        var out: [Inline] = []
        var plain = ""
        var word = ""
        func endWord() {
            if let (lead, address, href, rest) = AddressLinks.address(in: word) {
                plain += lead
                if !plain.isEmpty { out.append(.text(plain)) }
                out.append(.link(href: href, [.text(address)]))
                plain = rest
            } else {
                plain += word
            }
            word = ""
        }
        for ch in text {
            if ch.isWhitespace {
                endWord()
                plain.append(ch)
            } else {
                word.append(ch)
            }
        }
        endWord()
        if !plain.isEmpty { out.append(.text(plain)) }
        return out
    }

    @Test func wordsWithoutADotAreNeverAddresses() {
        var linked = 0
        let texts = Self.randomTexts(count: 20_000, seed: 20) + ["dk com .dk a@b mailto:x https://localhost www.x (borger.dk)."]
        for text in texts {
            let words = AddressLinks.splitWords(text)
            #expect(words == Self.referenceSplitWords(text), "\(text.unicodeScalars.map(\.value))")
            if words.contains(where: { if case .link = $0 { return true } else { return false } }) { linked += 1 }
        }
        #expect(linked > 200)
    }

    @Test func collectedScalarsAreTheSetOfEveryTextsScalars() {
        var collector = ScalarCollector()
        var expected = Set<Unicode.Scalar>()
        for text in Self.randomTexts(count: 2_000, seed: 19) + ["\u{7FF}\u{800}\u{0}\u{10FFFF}\u{3F}\u{40}"] {
            collector.add(text)
            expected.formUnion(text.unicodeScalars)
            #expect(collector.scalars == expected, "\(text.unicodeScalars.map(\.value))")
            #expect(collector.sortedValues == expected.map(\.value).sorted(), "\(text.unicodeScalars.map(\.value))")
        }
    }

    /// `NoBreakRules.digitTokens` as it was: Unicode's properties asked for every scalar.
    static func referenceDigitTokens(in text: String) -> (ranges: [Range<Int>], hasDigit: Bool) {
        var ranges: [Range<Int>] = []
        var anyDigit = false
        var tokenStart = 0
        var hasDigit = false
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if hasDigit && offset - tokenStart > 1 { ranges.append(tokenStart..<offset) }
                tokenStart = offset + scalar.utf16.count
                hasDigit = false
            } else if scalar.properties.numericType == .decimal {
                hasDigit = true
                anyDigit = true
            }
            offset += scalar.utf16.count
        }
        if hasDigit && offset - tokenStart > 1 { ranges.append(tokenStart..<offset) }
        return (ranges, anyDigit)
    }
}
