@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Foundation
import Testing

/// A worker sets a paragraph it has met before from its cache, and the lines are those that
/// setting it anew gives; any change of text, style or measure is a new paragraph.
@Suite struct SetParagraphCacheTests {
    let layout: DocumentLayout
    let text = [StyledText(text: "Du kan klage over afgørelsen til Ankestyrelsen. Klagen skal være modtaget senest fire uger efter, "
                                + "at du har modtaget afgørelsen, jf. § 67 i retssikkerhedsloven.", style: .regular),
                StyledText(text: " Læs mere på ast.dk.", style: .bold, link: "https://ast.dk")]
    let style = ParagraphStyle(size: 10.5, leading: 15, width: 300, justified: true)

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    /// What a reader and the PDF see of the lines: every glyph, where it stands, the text, links.
    func drawn(_ lines: [SetLine]) -> [String] {
        lines.map { line in
            "\(line.width) \(line.overfull) " + line.runs.map { run in
                "\(run.font) \(run.size) \(run.x) \(run.y) \(run.text) \(run.link ?? "-") \(run.bold) "
                    + run.glyphs.map { "\($0.id)@\($0.x),\($0.y)" }.joined(separator: " ")
            }.joined(separator: " | ")
        }
    }

    @Test func aParagraphMetAgainIsTakenFromTheCacheUnchanged() throws {
        let uncached = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
        let expected = drawn(try uncached.set(text, style: style))
        #expect(expected.count >= 2)

        let setter = layout.setter
        let first = drawn(try setter.set(text, style: style))
        #expect(layout.paragraphs.hits == 0 && layout.paragraphs.misses == 1)
        let second = drawn(try setter.set(text, style: style))
        #expect(layout.paragraphs.hits == 1)
        #expect(first == expected)
        #expect(second == expected)
    }

    @Test func anyChangeOfTextStyleOrMeasureIsSetAnew() throws {
        let setter = layout.setter
        _ = try setter.set(text, style: style)
        var narrower = style
        narrower.width = 200
        var ragged = style
        ragged.justified = false
        var otherText = text
        otherText[1].style = .regular
        var otherLink = text
        otherLink[1].link = "https://ast.dk/klage"
        for (content, paragraphStyle) in [(text, narrower), (text, ragged), (otherText, style), (otherLink, style)] {
            let misses = layout.paragraphs.misses
            let lines = drawn(try setter.set(content, style: paragraphStyle))
            #expect(layout.paragraphs.misses == misses + 1)
            let uncached = ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
            #expect(lines == drawn(try uncached.set(content, style: paragraphStyle)))
        }
        _ = try setter.set(text, style: style, algorithm: .firstFit)
        #expect(layout.paragraphs.hits == 0)
    }
}
