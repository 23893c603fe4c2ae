@testable import BrevCore
@testable import BrevDocument
@testable import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: the no-break rules and the hyphenation policy's deadline words are found by
/// scanners of a text's bytes (`PatternText`, `NoBreakPattern`, `HyphenationPolicy.holdsDate`)
/// instead of ICU's regular expressions. Here the expressions they replace (`ReferenceRegex`)
/// run beside them: the character classes for every scalar, and the matches on brev's own
/// texts, on edge cases, and on random text from an alphabet that makes matches likely.
@Suite struct PatternScannerTests {
    static let everyScalar: [Unicode.Scalar] = (0...0x10FFFF).compactMap(Unicode.Scalar.init)

    /// Every scalar once, and the UTF-16 offset where each stands.
    static func text(of scalars: [Unicode.Scalar]) -> (text: String, offsets: [Int]) {
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count)
        var offset = 0
        for s in scalars {
            offsets.append(offset)
            offset += s.utf16.count
        }
        return (String(String.UnicodeScalarView(scalars)), offsets)
    }

    /// The scalars a one-character regular expression matches, each tried alone.
    static func scalarsMatching(_ pattern: String, options: NSRegularExpression.Options = []) -> Set<UInt32> {
        let (text, offsets) = text(of: everyScalar)
        let at = Dictionary(uniqueKeysWithValues: zip(offsets, everyScalar.map(\.value)))
        let regex = try! NSRegularExpression(pattern: pattern, options: options)
        return Set(regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).compactMap { at[$0.range.location] })
    }

    @Test func theCharacterClassesAreICUsForEveryScalar() {
        for (pattern, isMember) in [(#"\s"#, ICUClasses.isSpace), (#"\d"#, ICUClasses.isDigit), (#"\w"#, ICUClasses.isWord)] {
            let icu = Self.scalarsMatching(pattern)
            let wrong = Self.everyScalar.filter { icu.contains($0.value) != isMember($0.value) }
            #expect(wrong.isEmpty, "\(pattern): \(wrong.prefix(10).map { String($0.value, radix: 16) })")
        }
        // `[a-z]` as the section pattern matches it, case-insensitively.
        let letters = Self.scalarsMatching("[a-z]", options: .caseInsensitive)
        #expect(letters == Set(Array(0x41...0x5A) + Array(0x61...0x7A) + [0x17F, 0x212A]))
    }

    /// ICU's `\b` against `PatternText.isWordBoundary` at every place of a text holding every
    /// scalar after a full stop and after a letter, and before a letter.
    @Test func wordBoundariesAreICUsAroundEveryScalar() {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(Self.everyScalar.count * 6)
        for s in Self.everyScalar { scalars += [".", s, "a", "a", s, "a"] }
        let text = String(String.UnicodeScalarView(scalars))
        let icu = Set(try! NSRegularExpression(pattern: #"\b"#).matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
            .map(\.range.location))
        var wrong: [Int] = []
        var copy = text
        copy.withUTF8 { bytes in
            let t = PatternText(bytes)
            var i = 0, offset = 0
            while i <= t.count {
                if t.isWordBoundary(at: i) != icu.contains(offset) { wrong.append(offset) }
                guard i < t.count else { break }
                let n = t.scalar(at: i).length
                i += n
                offset += n == 4 ? 2 : 1
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) places, first at UTF-16 offsets \(wrong.prefix(10))")
    }

    /// The letters the scanners' words are made of.
    static let wordLetters = "abcdefghijklmnopqrstuvwxyzæøå".unicodeScalars.map(String.init)

    /// A scalar followed by "q" against every word of one or two letters and "q" (a literal of
    /// two or more characters, which ICU matches by full case folding): the scalars that fold
    /// to such letters are those of `ICUClasses.caseFolded`, and of the letters themselves.
    @Test func caseFoldingToTheWordsLettersIsICUsForEveryScalar() {
        let words = Self.wordLetters + Self.wordLetters.flatMap { a in Self.wordLetters.map { a + $0 } }
        let regex = try! NSRegularExpression(pattern: "^(?:" + words.map { $0 + "q" }.joined(separator: "|") + ")$",
                                             options: [.caseInsensitive, .anchorsMatchLines])
        // Only a scalar that changes when case folded can fold to another (Swift's Unicode is
        // newer than ICU's: a scalar ICU lacks folds to itself); ICU's line ends fold to none.
        let candidates = Self.everyScalar.filter {
            ($0.properties.changesWhenCaseFolded || Self.wordLetters.contains(String($0)))
                && ![0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value)
        }
        var scalars: [Unicode.Scalar] = []
        var lineOf: [Int: Unicode.Scalar] = [:]
        var offset = 0
        for s in candidates {
            lineOf[offset] = s
            scalars += [s, "q", "\n"]
            offset += s.utf16.count + 2
        }
        let text = String(String.UnicodeScalarView(scalars))
        let icu = Set(regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).compactMap { lineOf[$0.range.location]?.value })
        let mine = Set(candidates.filter { s in
            let f = ICUClasses.caseFolded(s.value)
            return (f.count > 0 && f.count <= 2) || Self.wordLetters.contains(String(s))
        }.map(\.value))
        #expect(icu == mine, "\(icu.symmetricDifference(mine).sorted().prefix(10).map { String($0, radix: 16) })")
        // The three-letter foldings (ﬃ, ﬄ), with the regular expression.
        for v: UInt32 in [0xFB03, 0xFB04] {
            let f = ICUClasses.caseFolded(v)
            let word = String(String.UnicodeScalarView((0..<f.count).map { Unicode.Scalar(f[$0])! }))
            #expect(ReferenceRegex.matches(ReferenceRegex.compile("^" + word + "q$"), String(Unicode.Scalar(v)!) + "q"))
        }
        // And nothing else folds to three or more of the letters, as Foundation folds.
        for s in candidates where ICUClasses.caseFolded(s.value).count == 0 && !Self.wordLetters.contains(String(s)) {
            let folded = String(s).folding(options: .caseInsensitive, locale: nil)
            #expect(!(folded.unicodeScalars.count >= 3 && folded.unicodeScalars.allSatisfy { Self.wordLetters.contains(String($0)) }),
                    "\(String(s.value, radix: 16))")
        }
    }

    // MARK: - The no-break patterns

    /// Each pattern's matches against its expression's, and what `protectedRanges` finds
    /// against what it found with the expressions.
    static func expectSameMatches(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (pattern, regex) in zip(NoBreakRules.Pattern.allCases, ReferenceRegex.noBreak) {
            let mine = NoBreakPattern.matches(of: pattern, in: text)
            let icu = ReferenceRegex.ranges(of: regex, in: text)
            #expect(mine == icu, "\(pattern) in \(text.debugDescription) \(text.unicodeScalars.map { String($0.value, radix: 16) })",
                    sourceLocation: sourceLocation)
        }
        #expect(NoBreakRules.protectedRanges(in: text) == referenceProtectedRanges(in: text), "\(text.debugDescription)",
                sourceLocation: sourceLocation)
    }

    /// `NoBreakRules.protectedRanges` as it was, with the regular expressions.
    static func referenceProtectedRanges(in text: String) -> [Range<Int>] {
        let scan = NoBreakRules.scan(text)
        guard scan.hasDigit else { return scan.digitTokens }
        var ranges: [Range<Int>] = []
        for pattern in NoBreakRules.patterns(for: scan, section: text.unicodeScalars.contains("§")) {
            let regex = ReferenceRegex.noBreak[NoBreakRules.Pattern.allCases.firstIndex(of: pattern)!]
            ranges += ReferenceRegex.ranges(of: regex, in: text).filter { $0.count > 1 }
        }
        return ranges + scan.digitTokens
    }

    @Test func brevsOwnTextsGiveTheExpressionsMatches() {
        let corpus = ReferenceRegex.corpus
        #expect(corpus.count > 3_000)
        var found = 0
        for text in corpus {
            Self.expectSameMatches(text)
            if !NoBreakPattern.matches(of: .date, in: text).isEmpty { found += 1 }
        }
        #expect(found > 100) // the letters' dates were found
    }

    /// Boundaries, Danish letters, soft hyphens, combining marks, no-break and other spaces,
    /// digits of other scripts and next to letters, case folding, near misses.
    static let edgeCases: [String] = [
        "", " ", "§", "§ ", "§ 1", "§1", "§§ 66 og 67", "§§66", "§ §", "§ 101 a", "§ 101 A", "§ 101 ab", "§ 101 a1", "§ 101 a\u{AD}",
        "§ 101 a\u{301}", "§ 101 ſ", "§ 101 \u{212A}", "§ 101 æ", "§ 101 a og 2", "§ 101 og", "§ 101 og 2a", "§ 101 OG 3", "§\u{A0}101",
        "§\u{2003}\u{967}\u{968}", "§ 𝟙𝟘𝟙 b", "SEL §§ 101 og 102 a", "stk. 4", "Stk. 4", "STK.\u{A0}4,5", "stk.4", "xstk. 4", "\u{AD}stk. 4",
        "ſtk. 4", "ﬆk. 4", "ﬅk. 4", "s\u{301}tk. 4", "nr. 2.", "nr. 2.3.4", "Nr. 12,", "kl. 14.30", "\u{212A}l. 9", "Kl. 9, kl. 10",
        "æstk. 4", "1stk. 4", "_kl. 3", "+45 43 57 70 00", "+4543 57 70 00", "+45  43 57 70 00", "+45 43 57 70 000", "43 57 70 00",
        "143 57 70 00", "43 57 70 00a", "43 57 70 00\u{301}", "43 57 70 00\u{AD}", "43\u{A0}57\u{A0}70\u{A0}00", "43 57 70 00 43 57 70 00",
        "a43 57 70 00", "\u{AD}43 57 70 00", "ø43 57 70 00", "24. november 2026", "24.november 2026", "124. november 2026",
        "1. marts 20265", "1. MARTS 2026", "1. Marts 2026\u{AD}", "1. marts 2026a", "1. marts 2026æ", "01. maj 2027", "1.  maj\t2027",
        "1. mart 2026", "1. juni 2026 og 2. juli 2026", "31. december 2026.", "٣. marts ٢٠٢٦", "1. ﬁrst 2026", "2 500 kr.", "2 500 KR.",
        "2 500 kr", "2 5000", "1234 567", "12 345 678 kr.", "2 500  kr.", "2.500 kr.", "312,50 kr.", "1.2345 kr.", "1.234.5 kr.",
        "1.234,5 kr.", "1,5 kr.", "1, kr.", "0 kr.", "1000 kr.", "14 dage", "14 dagen", "14 dage\u{AD}", "14 dage\u{301}", "4 uger",
        "3 måneder", "3 ma\u{30A}neder", "3 m\u{212B}neder", "3 MÅNEDER", "1 år", "1 \u{212B}r", "1 År", "1 Å", "٣ dage", "𝟘𝟙 dage",
        "æ14 dage", "14 dageæ", "14dage", "14 arbejdsdage", "14 arbejdsdag", "7 ARBEJDSDAGE efter", "1 år og 2 måneder",
        "ﬁ 14 dage", "14 dage_", "14 dage\u{200D}", "\u{200D}14 dage", "14 dage\u{200B}x", "1.\u{2028}marts\u{2029}2026",
        "Telefon 43 57 70 00, stk. 4, 2.500 kr., 14 dage, 24. november 2026 og § 101 a",
        String(repeating: "§ 101 a og 2 stk. 4 43 57 70 00 2 500 kr. ", count: 400),
        String(repeating: "1", count: 5_000) + " dage", String(repeating: "1 ", count: 3_000),
    ]

    @Test func edgeCasesGiveTheExpressionsMatches() {
        for text in Self.edgeCases { Self.expectSameMatches(text) }
    }

    /// Pieces of what the patterns look for, of what stands near it, and of what ICU reads in a
    /// way a byte scanner could miss.
    static let alphabet = [
        "4", "14", "2", "500", "2026", "43", "57", "1", "12", "123", "1234", "\u{660}", "\u{967}", "\u{1D7D8}", " ", " ", "  ", "\u{A0}",
        "\u{2009}", "\u{3000}", "\n", "\t", "\u{B}", "\u{85}", ".", ",", ";", "-", "_", "a", "x", "Z", "æ", "Ø", "å", "ß", "ſ", "ﬆ", "ﬁ",
        "\u{212A}", "\u{212B}", "\u{AD}", "\u{301}", "\u{30A}", "\u{200B}", "\u{200D}", "😀", "stk", "Nr", "KL", "kr.", "Kr", "november",
        "nov.", "marts", "MAJ", "juni", "dage", "uger", "år", "måneder", "arbejdsdage", "+45", "§", "§§", "og", "OG", "efter",
    ]

    static func randomTexts(count: Int, seed: UInt64, alphabet: [String] = alphabet, length: ClosedRange<Int> = 0...20) -> [String] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &g)).map { _ in alphabet.randomElement(using: &g)! }.joined()
        }
    }

    /// The patterns' parts, each with the white space after it, so random texts often match.
    static let parts = [
        "§ ", "§§ ", "101 ", "a ", "og ", "stk. ", "Nr. ", "kl. ", "4", "14.30", ",5", "+45 ", "43 ", "57 ", "70 ", "00", "24. ", "1. ",
        "november ", "MARTS ", "maj ", "2026", "2 ", "500 ", "000", "2.500", ",50", " kr.", "14 ", "dage", "uger ", "år", "måneder",
        "43 57 70 00", "+45 43 57 70 00", "24. november 2026", "1. maj 2027",
    ]

    @Test func randomTextsGiveTheExpressionsMatches() {
        var matched = [NoBreakRules.Pattern: Int]()
        let alphabet = Self.alphabet + Self.parts + Self.parts + Self.parts
        for text in Self.randomTexts(count: 8_000, seed: 0x5CA7, alphabet: alphabet, length: 0...12) {
            Self.expectSameMatches(text)
            for pattern in NoBreakRules.Pattern.allCases where !NoBreakPattern.matches(of: pattern, in: text).isEmpty {
                matched[pattern, default: 0] += 1
            }
        }
        // Every pattern matched in many texts, so the comparison saw both answers.
        for pattern in NoBreakRules.Pattern.allCases {
            #expect(matched[pattern, default: 0] > 100, "\(pattern): \(matched[pattern, default: 0])")
        }
    }

    /// Texts that are mostly one pattern's match with something changed, so each branch of
    /// each scanner meets its near misses.
    @Test func nearMissesGiveTheExpressionsMatches() {
        let whole = ["§ 101 a og 2", "§§ 66 og 67", "stk. 4,5", "kl. 14.30", "+45 43 57 70 00", "24. november 2026", "2 500 kr.",
                     "2.500,50 kr.", "14 arbejdsdage", "3 måneder"]
        var g = SeededGenerator(seed: 0x4EA2)
        let changes = Self.alphabet + ["", "", ""]
        for _ in 0..<6_000 {
            var scalars = Array(whole.randomElement(using: &g)!.unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                let at = Int.random(in: 0...scalars.count, using: &g)
                let piece = Array(changes.randomElement(using: &g)!.unicodeScalars)
                if Bool.random(using: &g), at < scalars.count { scalars.remove(at: at) }
                scalars.insert(contentsOf: piece, at: min(at, scalars.count))
            }
            Self.expectSameMatches(String(String.UnicodeScalarView(scalars)))
        }
    }

    // MARK: - The hyphenation policy's deadline words

    static func expectSameDeadline(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(HyphenationPolicy.holdsDate(text) == ReferenceRegex.matches(ReferenceRegex.deadlineDate, text),
                "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func deadlineWordsAreTheExpressionsOnEveryKindOfText() {
        for text in ReferenceRegex.corpus + Self.edgeCases { Self.expectSameDeadline(text) }
        let pieces = Self.alphabet + ["efter", "EFTER", "efterfølgende", " efter", "4 uger efter", "10\narbejdsdage efter",
                                      "3\u{2003}dage efter", "1. marts 2027", "4uger efter", "år efter", "14 dage efter\u{AD}"]
        var found = 0
        for text in Self.randomTexts(count: 10_000, seed: 0xDA7E, alphabet: pieces, length: 0...12) {
            Self.expectSameDeadline(text)
            if HyphenationPolicy.holdsDate(text) { found += 1 }
        }
        #expect(found > 300, "\(found)")
    }
}
