@testable import BrevLayout
import BrevCore
import BrevTestSupport
import Testing

/// The layout's caches key texts by their UTF-8 bytes (`TextKey`), not by `String`'s canonical
/// equivalence: a text in other bytes gets what it would get from a fresh cache, whatever the
/// worker set before.
@Suite struct TextKeyTests {
    let layout: DocumentLayout
    /// "påbegyndt" with the å precomposed, and as a with a combining ring above.
    static let composed = "påbegyndt"
    static let decomposed = "pa\u{30A}begyndt"

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    @Test func keysAreEqualByBytesAndHashAlike() {
        #expect(Self.composed == Self.decomposed, "String calls them equal")
        #expect(TextKey(Self.composed) != TextKey(Self.decomposed))
        let copy = String(decoding: Array(Self.composed.utf8), as: UTF8.self)
        #expect(TextKey(Self.composed) == TextKey(copy))
        #expect(TextKey(Self.composed).hashValue == TextKey(copy).hashValue)
        #expect(TextKey("") == TextKey(""))
        #expect(TextKey("ab") != TextKey("abc"))
    }

    /// The decomposed word's shape (its glyphs' clusters are offsets into its own bytes) is the
    /// same after the composed one was shaped as in a fresh shaper.
    @Test func aTextInOtherBytesIsShapedForItself() throws {
        let fresh = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                       hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        let alone = try fresh.shaper.shape(Self.decomposed, face: 0)
        _ = try layout.shaper.shape(Self.composed, face: 0)
        let after = try layout.shaper.shape(Self.decomposed, face: 0)
        #expect(after.utf8Count == Self.decomposed.utf8.count)
        #expect(after.glyphs.map(\.id) == alone.glyphs.map(\.id))
        #expect(after.glyphs.map(\.cluster) == alone.glyphs.map(\.cluster))
    }

    /// Hyphenation points of the decomposed word do not depend on whether the composed word
    /// was hyphenated first.
    @Test func aWordInOtherBytesIsHyphenatedForItself() throws {
        let fresh = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                       hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        let alone = fresh.hyphenator.points(in: Self.decomposed)
        #expect(!layout.hyphenator.points(in: Self.composed).isEmpty)
        #expect(layout.hyphenator.points(in: Self.decomposed) == alone)
    }

    /// Runs that split the same text at other places, and canonically equivalent text in other
    /// bytes, are other paragraphs.
    @Test func paragraphKeysTellRunsAndBytesApart() {
        let style = ParagraphStyle(size: 10, leading: 14, width: 300)
        func key(_ texts: [String], link: String? = nil) -> SetParagraphCache.Key {
            SetParagraphCache.Key(content: texts.map { StyledText(text: $0, style: .regular, link: link) }, style: style,
                                  algorithm: .totalFit)
        }
        #expect(key(["ab", "c"]) != key(["a", "bc"]))
        #expect(key([Self.composed]) != key([Self.decomposed]))
        #expect(key([Self.composed]) == key([String(decoding: Array(Self.composed.utf8), as: UTF8.self)]))
        #expect(key([Self.composed]).hashValue == key([String(decoding: Array(Self.composed.utf8), as: UTF8.self)]).hashValue)
        #expect(key(["a"], link: "https://borger.dk") != key(["a"]))
        #expect(key(["a"], link: "https://borger.dk") == key(["a"], link: "https://borger.dk"))
    }
}
