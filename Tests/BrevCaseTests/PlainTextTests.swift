@testable import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// The byte-level shortcuts of the text rules answer what the regular expressions answer: the
/// two properties `PlainText` rests on hold for every plain character, and the rules with the
/// shortcut agree with the regular expressions alone on every example text and on random text
/// built from the words the patterns look for.
@Suite struct PlainTextTests {
    static let plainScalars: [Unicode.Scalar] = (0x80...0xFFFF).compactMap { v in
        PlainText.isPlain(UInt32(v)) ? Unicode.Scalar(UInt32(v)) : nil
    }

    @Test func noPlainCharacterMatchesAnASCIILetterIgnoringCase() throws {
        #expect(Self.plainScalars.count > 280)
        // Single letters and the letter pairs that ligatures and ß fold to.
        let words = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) } + ["ss", "st", "ff", "fi", "fl", "ffi", "ffl"]
        let regexes = try words.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        for scalar in Self.plainScalars {
            let text = String(scalar)
            for (word, regex) in zip(words, regexes) {
                let found = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                #expect(!found, "U+\(String(scalar.value, radix: 16)) matches \(word)")
            }
            for form in [text.lowercased(), text.uppercased(), text.folding(options: .caseInsensitive, locale: nil)] {
                #expect(!form.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func noPlainCharacterJoinsASpaceOrTabIntoOneCharacter() {
        for scalar in Self.plainScalars {
            for space in [" ", "\t", "\n"] {
                #expect((space + String(scalar)).count == 2 && (String(scalar) + space).count == 2, "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    @Test func plainTextIsFoundByItsScalars() {
        func plain(_ s: String) -> Bool { var s = s; return s.withUTF8 { PlainText.isPlain($0) } }
        #expect(plain("Ærø-Østergård, § 101, stk. 4 – «Café» 25 €"))
        #expect(!plain("e\u{301}"))
        #expect(!plain("\u{212A}"))
        #expect(!plain("Straße"))
        #expect(!plain("😀"))
        for scalar in Self.plainScalars { #expect(plain("a\(scalar)b")) }
    }

    /// ASCII is skipped eight bytes at a time: a plain or a non-plain character is judged at every
    /// offset of texts of every length around that stride.
    @Test func aCharacterIsJudgedAtEveryOffset() {
        func plain(_ s: String) -> Bool { var s = s; return s.withUTF8 { PlainText.isPlain($0) } }
        for length in 0...20 {
            let ascii = String(repeating: "a", count: length)
            #expect(plain(ascii))
            for offset in 0...length {
                let at = ascii.index(ascii.startIndex, offsetBy: offset)
                for (scalar, isPlain) in [("ø", true), ("€", true), ("ß", false), ("\u{212A}", false), ("😀", false)] {
                    var text = ascii
                    text.insert(contentsOf: scalar, at: at)
                    #expect(plain(text) == isPlain, "\(length) \(offset) \(scalar)")
                }
            }
        }
    }

    @Test func caselessSearchIgnoresASCIICaseOnly() {
        func has(_ w: StaticString, _ s: String) -> Bool { var s = s; return s.withUTF8 { PlainText.containsCaseless(w, in: $0) } }
        #expect(has("patientkontor", "Region Nordjyllands PatientKontor"))
        #expect(has("§", "SEL §153"))
        #expect(!has("sel", "SE L"))
        #expect(!has("stk", "st"))
        #expect(has("153", "x153"))
        #expect(!has("a@", "A`"))
    }

    /// The caseless search by memchr finds what a byte-by-byte comparison finds, for every word the
    /// rules look for, in random text of their fragments.
    @Test func caselessSearchIsTheByteByByteSearch() {
        func reference(_ w: String, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            let w = Array(w.utf8)
            guard b.count >= w.count else { return false }
            func fold(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }
            for i in 0...(b.count - w.count) where (0..<w.count).allSatisfy({ fold(b[i + $0]) == w[$0] }) { return true }
            return false
        }
        var g = SeededGenerator(seed: 0xCA5E)
        let words: [(StaticString, String)] = [("§", "§"), ("sel", "sel"), ("servicelov", "servicelov"), ("153", "153"), ("101", "101"),
                                               ("stk", "stk"), ("patientkontor", "patientkontor"), ("a@", "a@")]
        var found = 0
        for _ in 0..<10_000 {
            let shown = Self.randomText(&g)
            var text = shown
            text.withUTF8 { b in
                for (w, s) in words {
                    let has = PlainText.containsCaseless(w, in: b)
                    #expect(has == reference(s, b), "\(s) in \(shown.debugDescription)")
                    if has { found += 1 }
                }
            }
        }
        #expect(found > 10_000)
    }

    /// Fragments of the words the stale-citation and deadline patterns match, with characters
    /// that fold to ASCII letters or join a space, so random text reaches every branch.
    static let fragments = [
        "servicelovens", "Serviceloven", "SEL", "sel", "(SEL)", "§", " ", "  ", "\t", "\u{A0}", "153", "101", "stk.", "Stk. ",
        "1", "2", "3", "4", "5", "-", "–", "og", ",", " 14 dage", "behandlingsgaranti", "Behandlingsgarantien", "klage", " til ",
        " hos ", "Region Nordjyllands", " patientkontor", " Patientkontor", "PATIENT\u{212A}ONTOR", "dage", " efter ",
        "afgørelsen", "AFGØRELSEN", "28", "٣", "\n", ".", ";", "æ", "ø", "å", "\u{212A}", "ſel", "ß", "e\u{301}", "\r\n", "İ",
        "ﬆk.", "x", "borgeren", "gælder", "\u{2028}", "\u{3000}",
        // Whole references and deadlines, and near misses, so that many texts match.
        "servicelovens § 153", "SEL §153", "ſel § 153", "serviceloven § 101, stk. 2 om 14 dage", "behandlingsgarantien i SEL § 101, stk. 1-3",
        "SEL § 101, stk. 3 og 4", "klage til Region Nordjyllands Patientkontor", "klage hos region nordjyllands patient\u{212A}ontor",
        "28 dage efter afgørelsen", "4\u{A0}dage\tefter  AFGØRELSEN", "٣ dage efter afgørelsen", "14 dage\u{2028}efter afgørelsen",
    ]

    static func randomText(_ g: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...24, using: &g)).map { _ in fragments.randomElement(using: &g)! }.joined()
    }

    @Test func staleReferencesAreFoundAsByTheRegularExpressionsAlone() {
        var g = SeededGenerator(seed: 0x57A1E)
        var matched = 0
        for _ in 0..<40_000 {
            let text = Self.randomText(&g)
            let expected = ReferenceRegex.matches(LegalCitationsReference.anyStale, text)
            #expect(LegalCitations.anyOccurs(in: text) == expected, "\(text.debugDescription)")
            if expected { matched += 1 }
        }
        #expect(matched > 2_000, "\(matched) random texts with a stale reference")
    }

    @Test func deadlinesFromTheDecisionAreFoundAsByTheRegularExpressionAlone() {
        var g = SeededGenerator(seed: 0xDA6E)
        var matched = 0
        for _ in 0..<40_000 {
            let text = Self.randomText(&g)
            let expected = ReferenceRegex.matches(LegalCitationsReference.deadlineFromDecision, text)
            #expect(CaseworkerWordingRule.countsFromDecision(text) == expected, "\(text.debugDescription)")
            if expected { matched += 1 }
        }
        #expect(matched > 2_000, "\(matched) random texts counting from the decision")
    }

    /// Every text of every example case, and each line of it.
    @Test func everyExampleTextIsJudgedAsByTheRegularExpressions() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        var texts: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let s): texts.append(s); texts += s.split(separator: "\n").map(String.init)
            case .array(let items): items.forEach(walk)
            case .object(let members): members.forEach { walk($0.value) }
            default: break
            }
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            walk(try JSONParser.parse(TestSupport.exampleBytes(file)))
        }
        #expect(texts.count > 500)
        for text in texts {
            #expect(LegalCitations.anyOccurs(in: text) == ReferenceRegex.matches(LegalCitationsReference.anyStale, text))
            #expect(CaseworkerWordingRule.countsFromDecision(text) == ReferenceRegex.matches(LegalCitationsReference.deadlineFromDecision, text))
        }
    }
}
