@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Foundation
import Testing

/// Layout of text no letter should hold (issue 10): huge words and paragraphs, control and
/// bidirectional formatting characters. Speed itself is measured by `layout-scaling-benchmark`
/// (Benchmarks/README.md), not here.
@Suite struct HostileTextTests {
    let layout: DocumentLayout
    let body = ParagraphStyle(size: 10, leading: 14, width: 400)

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    func set(_ text: String, _ style: ParagraphStyle? = nil) throws -> [SetLine] {
        try ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
            .set([StyledText(text: text, style: .regular)], style: style ?? body)
    }

    func repeated(_ unit: String, to count: Int) -> String {
        let chars = Array(unit)
        return String((0..<count).map { chars[$0 % chars.count] })
    }

    /// CPU seconds of this thread (the work is synchronous): other tests running in parallel
    /// and other processes on a shared machine do not count.
    func cpuSeconds(_ work: () throws -> Void) rethrows -> Double {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
        }
        let start = now()
        try work()
        return now() - start
    }

    /// A hang guard, not a speed test: before issue 10, layout was quadratic (in a debug build a
    /// 40,000-character word took 10 s, 80,000 characters of digit tokens 29 s); now each input
    /// here takes about a second or less. The generous bound only catches a return of the blow-up.
    /// (A table row taller than a page still runs off its foot: placed, not split.)
    @Test func hugeWordsParagraphsAndTablesLayOutWithoutHanging() throws {
        let inputs: [(String, Document)] = [
            ("40,000-character word", Document(title: "T", blocks: [.paragraph([.text(repeated("behandlingsgaranti", to: 40_000))])])),
            ("100,000-character paragraph of digit tokens and prose", Document(title: "T", blocks: [
                .paragraph([.text(repeated("j.nr. 27.36.08-G01-1042-26 a1 b2 § 101, stk. 4, den 24. november 2026 og ", to: 100_000))])])),
            ("40,000 characters of one-letter words", Document(title: "T", blocks: [.paragraph([.text(repeated("i ", to: 40_000))])])),
            ("heading of 100,000 characters", Document(title: "T", blocks: [.heading(level: 1, [.text(repeated("Afgørelse om behandling ", to: 100_000))])])),
            ("table cell of 100,000 characters", Document(title: "T", blocks: [.paragraph([.text("Indledning.")]),
                .table(Table(header: [], rows: [[[.text(repeated("behandling 27.36.08 ", to: 100_000))]]]))])),
            ("table of 3,000 rows", Document(title: "T", blocks: [.table(Table(header: [[[.text("Dato")], [.text("Ydelse")]]],
                rows: (0..<3_000).map { [[.text("\($0 % 28 + 1).11.2026")], [.text("Ambulant behandling")]] }))])),
        ]
        for (name, document) in inputs {
            var pages = 0
            let time = try cpuSeconds { pages = try layout.layout(document).pages.pages.count }
            #expect(time < 5, "\(name) took \(time) s")
            #expect(pages > 1, "\(name)")
        }
    }

    @Test func aWordLongerThanAnyWordIsCutAtTheMeasureAndLosesNoCharacter() throws {
        let word = repeated("behandlingsgaranti", to: 5_000)
        let lines = try set(word)
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { !$0.overfull })
        #expect(lines.flatMap(\.runs).map(\.text).joined() == word)
    }

    @Test func aShortUnbreakableNumberIsStillNeverCut() throws {
        // Wider than a narrow column, but a journal number: overfull rather than split.
        let lines = try set("27.36.08-G01-1042-26", ParagraphStyle(size: 10, leading: 14, width: 40))
        #expect(lines.count == 1)
        #expect(lines[0].overfull)
    }

    @Test func numbersStayWholeAmongThousandsOfDigitTokens() throws {
        let unit = "CPR 010185-1234 j.nr. 27.36.08-G01-1042-26 a1 "
        let text = repeated(unit, to: unit.count * 500)
        let breaks = Set(try BreakOpportunities.find(in: text).map(\.offset))
        let ns = text as NSString
        var from = 0
        var checked = 0
        while true {
            let r = ns.range(of: "27.36.08-G01-1042-26", range: NSRange(location: from, length: ns.length - from))
            if r.location == NSNotFound { break }
            #expect(!breaks.contains { $0 > r.location && $0 < r.location + r.length })
            let cpr = ns.range(of: "010185-1234", options: .backwards, range: NSRange(location: 0, length: r.location))
            #expect(!breaks.contains { $0 > cpr.location && $0 < cpr.location + cpr.length })
            from = r.location + r.length
            checked += 1
        }
        #expect(checked == 500)
        // Between the tokens the paragraph may still break.
        #expect(breaks.count >= 500 * 4)
    }

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
                      0x00, 0x07, 0x0B, 0x1B, 0x7F, 0x85, 0x9B] as [UInt32])
    func controlAndBidiCharactersAreRefusedByCodePointOnly(_ codepoint: UInt32) throws {
        let text = "Sagsnr. Hemmeligsen\(Character(Unicode.Scalar(codepoint)!))1042 slut"
        #expect {
            _ = try set(text)
        } throws: { error in
            guard case LayoutError.refusedCharacter(let cp, _) = error else { return false }
            let message = "\(error)"
            return cp == codepoint && message.contains(LayoutError.name(codepoint)) && !message.contains("Hemmeligsen")
                && message.contains("CHARACTER_REFUSED_IN_LAYOUT")
        }
    }

    @Test func tabsAndLineBreaksAreStillWhiteSpace() throws {
        let lines = try set("første\tlinje\nanden linje\r\ntredje")
        #expect(lines.count == 3)
    }

    @Test func layoutErrorsNameTheCodePointAndTheBlockNeverTheText() throws {
        let cases: [(Block, String, String)] = [
            (.paragraph([.text("Kære Hemmeligsen\u{0F00}navn")]), "U+0F00", "block 1 (paragraph)"),
            (.heading(level: 2, [.text("Om דוד Hemmeligsen")]), "U+05D3", "block 1 (heading)"),
            (.table(Table(header: [], rows: [[[.text("Hemmeligsen\u{202E}4201")]]])), "U+202E", "block 1 (table)"),
            (.recipient([[.text("Hemmeligsen\u{0F00}")]]), "U+0F00", "block 1 (recipient)"),
        ]
        for (block, codepoint, place) in cases {
            let document = Document(title: "T", blocks: [.paragraph([.text("Indledning.")]), block])
            #expect {
                _ = try layout.layout(document)
            } throws: { error in
                let message = "\(error)"
                return message.contains(codepoint) && message.contains(place) && !message.contains("Hemmeligsen")
                    && !message.contains("\u{0F00}") && !message.contains("ד")
            }
        }
    }

    @Test func aBadCharacterInTheTitleIsPlacedInTheTitle() throws {
        // The title heads continuation pages, so the letter needs a second page.
        let document = Document(title: "Hemmeligsen\u{202D}", blocks: [.pageBreak, .paragraph([.text("a")]), .pageBreak,
                                                                        .paragraph([.text("b")])])
        #expect {
            _ = try layout.layout(document)
        } throws: { error in
            let message = "\(error)"
            return message.contains("U+202D") && message.contains("document title") && !message.contains("Hemmeligsen")
        }
    }
}
