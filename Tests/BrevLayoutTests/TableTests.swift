@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Testing

/// Tables that continue across pages: the header row is repeated on each page, as page
/// furniture (artifact), so the structure tree holds it once.
@Suite struct TableTests {
    @Test func aLongTableRepeatsItsHeaderOnEveryPageAsAnArtifact() throws {
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        let header: [[Inline]] = [[.text("Mål")], [.text("Sådan måler vi det")], [.text("Nås senest")]]
        let rows: [[[Inline]]] = (1...90).map { i in
            [[.text("Mål nummer \(i)")], [.text("målt ved samtale")], [.text("\(i % 28 + 1). marts 2027")]]
        }
        let doc = Document(title: "T", blocks: [.heading(level: 1, [.text("Plan")]), .table(Table(header: [header], rows: rows))])
        let pages = try layout.layout(doc).pages.pages
        #expect(pages.count >= 3)
        for (i, page) in pages.enumerated() {
            let artifacts = page.items.compactMap { if case .artifact(let r) = $0 { return r.text } else { return nil } }
            let tagged = page.items.compactMap { if case .run(let r) = $0 { return r.text } else { return nil } }
            if i == 0 {
                #expect(tagged.contains("Sådan måler vi det"), "the real header on page 1")
            } else {
                #expect(artifacts.contains("Sådan måler vi det"), "page \(i + 1) repeats the header")
                #expect(!tagged.contains("Sådan måler vi det"), "the repeat is not in the structure tree")
                // The repeated header sits above the first row, not on it.
                let headerY = page.items.compactMap { if case .artifact(let r) = $0, r.text == "Mål" { return r.y } else { return nil } }.first
                let firstRowY = page.items.compactMap { if case .run(let r) = $0 { return r.y } else { return nil } }.first
                #expect((headerY ?? 0) < (firstRowY ?? 0))
            }
        }
        // Every row is there once, in order.
        let rowTexts = pages.flatMap { $0.items }.compactMap { if case .run(let r) = $0, r.text.hasPrefix("Mål nummer") { return r.text } else { return nil } }
        #expect(rowTexts == (1...90).map { "Mål nummer \($0)" })
    }

    @Test func theHeaderIsNeverLeftAloneAtTheFootOfAPage() throws {
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        // Fill page 1 to every possible depth, then start a table: some of these put the
        // header at the very foot of the page.
        let table = Table(header: [[[.text("A")], [.text("B")]]], rows: [[[.text("1")], [.text("2")]], [[.text("3")], [.text("4")]]])
        var tablesStartingOnPage2 = 0
        for count in 18...40 {
            let filler: [Block] = (0..<count).map { _ in .paragraph([.text("Et afsnit, der fylder en linje.")]) }
            let pages = try layout.layout(Document(title: "T", blocks: filler + [.table(table)])).pages.pages
            for (i, page) in pages.enumerated() {
                let texts = page.items.compactMap { if case .run(let r) = $0 { return r.text } else { return nil } }
                if texts.contains("A") {
                    #expect(texts.contains("1"), "\(count): the header row went to a page without its first row")
                    if i == 1 { tablesStartingOnPage2 += 1 }
                }
            }
        }
        #expect(tablesStartingOnPage2 > 0)
    }

    /// Column widths follow the content (issue 11: the plan table had equal thirds, so a goal
    /// wrapped beside a short date): a goal that fits on one line stays on one line, and the
    /// wide column gets more room than the date column.
    @Test func columnsAreAsWideAsTheirContentNeeds() throws {
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        let goal = "Højst 2 dage med hash om ugen og færre dage med alkohol"
        let rows: [[[Inline]]] = [[[.text(goal)], [.text("samtale")], [.text("1. marts 2027")]]]
        let doc = Document(title: "T", blocks: [.heading(level: 1, [.text("Plan")]), .table(Table(header: [], rows: rows))])
        let runs = try layout.layout(doc).pages.pages[0].items.compactMap { if case .run(let r) = $0 { return r } else { return nil } }
        let goalRuns = runs.filter { goal.hasPrefix($0.text.trimmingCharacters(in: .whitespaces)) && $0.text.count > 3 }
        #expect(Set(goalRuns.map(\.y)).count == 1, "the goal is set on one line")
        let x = { (text: String) in runs.first { $0.text.hasPrefix(text) }?.x ?? 0 }
        let goalColumn = x("samtale") - x("Højst")
        let methodColumn = x("1. marts") - x("samtale")
        #expect(goalColumn > 2 * methodColumn, "goal column \(goalColumn) pt, method column \(methodColumn) pt")
    }
}
