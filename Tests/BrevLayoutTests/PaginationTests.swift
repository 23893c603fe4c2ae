@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Testing

@Suite struct PaginationTests {
    let layout: DocumentLayout

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    static let sentence = "Kommunen skal tilbyde social behandling af stofmisbrug, og behandlingen skal være iværksat senest 14 dage efter henvendelsen. "

    func paragraphs(_ n: Int, sentences: Int) -> [Block] {
        (0..<n).map { i in .paragraph([.text("\(i + 1). " + String(repeating: Self.sentence, count: sentences))]) }
    }

    func runsText(_ page: Page) -> String {
        page.items.compactMap { if case .run(let r) = $0 { return r.text } else { return nil } }.joined(separator: "|")
    }

    @Test func longDocumentsGetPagesWithSideXAfYFooters() throws {
        let doc = Document(title: "T", blocks: paragraphs(30, sentences: 3))
        let result = try layout.layout(doc)
        let pages = result.pages.pages
        #expect(pages.count >= 3)
        for (i, page) in pages.enumerated() {
            let furniture = page.items.compactMap { if case .artifact(let r) = $0 { return r.text } else { return nil } }
            #expect(furniture.last == "Side \(i + 1) af \(pages.count)")
            // Continuation pages carry the title at the top; page 1 has the letterhead instead.
            #expect(furniture.contains("T") == (i > 0))
        }
        #expect(result.overfullLines == 0)
    }

    @Test func aHeadingIsNeverTheLastThingOnAPage() throws {
        // Fill pages with paragraphs and headings; no page may end with a heading's line.
        var blocks: [Block] = []
        for i in 0..<40 {
            blocks.append(.heading(level: 2, [.text("Afsnit \(i)")]))
            blocks += paragraphs(1, sentences: i % 4 + 1)
        }
        let pages = try layout.layout(Document(title: "T", blocks: blocks)).pages.pages
        for page in pages.dropLast() {
            let lastRole = page.items.reversed().compactMap { item -> StructureRole? in
                if case .begin(let role) = item { return role } else { return nil }
            }.first
            #expect(lastRole != .h2, "a page ends right after a heading")
        }
    }

    @Test func noPageStartsOrEndsWithASingleLineOfAParagraph() throws {
        let doc = Document(title: "T", blocks: paragraphs(12, sentences: 5))
        let result = try layout.layout(doc)
        for page in result.pages.pages {
            // Count lines (baselines) of the paragraph cut at the page's start and end.
            // A page may start inside a paragraph that began on the page before.
            var baselines: [[Double]] = [[]]
            var open = true
            for item in page.items {
                switch item {
                case .begin(.p): baselines.append([]); open = true
                case .end(.p): open = false
                case .run(let r) where open:
                    if baselines[baselines.count - 1].last != r.y { baselines[baselines.count - 1].append(r.y) }
                default: break
                }
            }
            baselines.removeAll { $0.isEmpty }
            #expect((baselines.first?.count ?? 2) >= 2)
            #expect((baselines.last?.count ?? 2) >= 2)
        }
    }
}
