@testable import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// Issue 15: a worker remembers the paragraphs it has set. A remembered paragraph must be the
/// one that would be set again, so every part of the key (text, style of each run, link, size,
/// leading, width, justification, hyphenation, algorithm) is varied here, and a setter whose
/// cache has seen every variant must answer each exactly as a setter without a cache does.
@Suite struct SetParagraphCacheTests {
    let layout: DocumentLayout

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    static let text = "Behandlingen skal være iværksat senest 14 dage efter henvendelsen, jf. servicelovens § 101, "
        + "stk. 4. Døgnbehandlingsinstitutionen samarbejder med rusmiddelcentret om udslusning."

    static var variants: [([StyledText], ParagraphStyle, ParagraphSetter.Algorithm)] {
        let contents: [[StyledText]] = [
            [StyledText(text: text, style: .regular)],
            [StyledText(text: text, style: .bold)],
            [StyledText(text: "Skriv til ", style: .regular), StyledText(text: text, style: .italic)],
            [StyledText(text: "Skriv til ", style: .regular), StyledText(text: text, style: .regular, link: "https://borger.dk")],
            [StyledText(text: "Skriv til ", style: .regular), StyledText(text: text, style: .regular, link: "https://ishoj.dk")],
        ]
        let styles = [
            ParagraphStyle(size: 10, leading: 14, width: 300),
            ParagraphStyle(size: 10, leading: 14, width: 220),
            ParagraphStyle(size: 11, leading: 14, width: 300),
            ParagraphStyle(size: 10, leading: 15, width: 300),
            ParagraphStyle(size: 10, leading: 14, width: 300, justified: true),
            ParagraphStyle(size: 10, leading: 14, width: 300, hyphenate: false),
        ]
        return contents.flatMap { c in styles.flatMap { s in [(c, s, .totalFit), (c, s, .firstFit)] } }
    }

    /// Everything a set line holds, as text: glyphs and their places, runs, widths.
    func fingerprint(_ lines: [SetLine]) -> String { String(reflecting: lines) }

    @Test func aRememberedParagraphIsTheOneThatWouldBeSetAgain() throws {
        let cache = SetParagraphCache()
        let cached = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator, cache: cache)
        let fresh = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        let variants = Self.variants
        // Set in two documents, so that each is kept across documents (`GenerationalCache`).
        for (content, style, algorithm) in variants { _ = try cached.set(content, style: style, algorithm: algorithm) }
        #expect(cache.count == 0, "one document's paragraphs are kept for that document only")
        cache.beginDocument()
        for (content, style, algorithm) in variants { _ = try cached.set(content, style: style, algorithm: algorithm) }
        #expect(cache.count == variants.count) // no two variants share a key
        var distinct = Set<String>()
        for (content, style, algorithm) in variants.reversed() {
            let remembered = fingerprint(try cached.set(content, style: style, algorithm: algorithm))
            #expect(remembered == fingerprint(try fresh.set(content, style: style, algorithm: algorithm)))
            distinct.insert(remembered)
        }
        #expect(distinct.count > variants.count / 2) // the variants do set differently
    }

    @Test func aParagraphThatFailsIsNotRemembered() throws {
        let cache = SetParagraphCache()
        let setter = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator, cache: cache)
        let refused = [StyledText(text: "Hej \u{202E}", style: .regular)] // a right-to-left override is refused
        let style = ParagraphStyle(size: 10, leading: 14, width: 300)
        for _ in 0..<2 { #expect(throws: LayoutError.self) { try setter.set(refused, style: style) } }
        #expect(cache.count == 0)
    }
}
