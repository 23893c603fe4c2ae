import BrevDocument
import Foundation

/// Lays out a Document into pages: the stage between templates and PDF. Holds the loaded
/// fonts, the shaping cache and the hyphenation dictionary, so create one per worker and reuse
/// it for every letter (not thread-safe).
public final class DocumentLayout {
    /// The sheet; a pipeline sets the envelope window of the letter's municipality before laying it out.
    public var geometry: PageGeometry
    let fonts: FontSet
    let shaper: Shaper
    let hyphenator: Hyphenator
    let lineBreaker: LineBreaker
    let setParagraphs = SetParagraphCache()
    let styles = TextStyles()

    /// The municipality's logo at the head of page 1, and its words for a screen reader; a
    /// pipeline sets it per letter, as the geometry.
    public var logo: (drawing: VectorDrawing, alt: String)?

    /// Body paragraphs justified (both edges straight) instead of ragged right.
    public let justifyBody: Bool

    /// The running header names the section (the H1) the page is in rather than the document:
    /// for long documents such as the quality standard. Pages before the first section show
    /// the title.
    public var runningHeaderFromSections = false

    public init(fontsDirectory: URL, hyphenationDictionary: String, geometry: PageGeometry = PageGeometry(),
                justifyBody: Bool = false) throws(LayoutError) {
        self.geometry = geometry
        self.justifyBody = justifyBody
        self.fonts = try FontSet(directory: fontsDirectory)
        self.shaper = Shaper(fonts: fonts)
        self.hyphenator = Hyphenator(dictionaryPath: hyphenationDictionary)
        self.lineBreaker = try LineBreaker()
    }

    /// Each cache this layout keeps between letters: its size and hit rate, for measuring
    /// their bounds (`letter-benchmark --memory`).
    public var cacheStatistics: [(name: String, statistics: CacheStatistics)] {
        shaper.cacheStatistics + [("hyphenation", hyphenator.cacheStatistics)]
    }

    public func layout(_ document: Document) throws(LayoutError) -> LaidOutDocument {
        shaper.beginDocument()
        hyphenator.beginDocument()
        setParagraphs.beginDocument()
        let setter = ParagraphSetter(shaper: shaper, hyphenator: hyphenator, lineBreaker: lineBreaker, cache: setParagraphs)
        let first = try FirstPageLayout(setter: setter, styles: styles, fonts: fonts, geometry: geometry, logo: logo)
            .layout(document.blocks)
        let units = try BlockFlow(setter: setter, styles: styles, fonts: fonts, width: geometry.bodyWidth,
                                  justify: justifyBody).flow(document.blocks)
        let placement = Paginator(geometry: geometry).paginate(units, firstPageTop: first.bodyTop)

        var pages: [Page] = []
        var section: String?
        for (index, placed) in placement.enumerated() {
            // The section at the head of this page: one that starts the page, else the one running on.
            let sectionsHere = runningHeaderFromSections ? sectionHeadings(on: placed, units: units) : []
            let header = (sectionsHere.first?.startsPage == true ? sectionsHere.first?.text : section) ?? document.title
            section = sectionsHere.last?.text ?? section
            var items: [PageItem] = index == 0 ? [.begin(.document)] + first.items : []
            for placement in placed {
                switch placement {
                case .unit(let unitIndex, let top):
                    let unit = units[unitIndex]
                    for var decoration in unit.decorations {
                        decoration.x += geometry.marginLeft
                        decoration.y += top
                        items.append(.decoration(decoration))
                    }
                    for event in unit.events {
                        switch event {
                        case .begin(let role): items.append(.begin(role))
                        case .end(let role): items.append(.end(role))
                        case .runs(let runs):
                            for var run in runs {
                                run.x += geometry.marginLeft
                                run.y += top + unit.baseline
                                items.append(.run(run))
                            }
                        }
                    }
                case .repeatedHeader(let unitIndex, var top):
                    // Drawn again for the reader's eye; the structure tree has the header once.
                    for header in units[unitIndex].repeatedHeader {
                        for var decoration in header.decorations {
                            decoration.x += geometry.marginLeft
                            decoration.y += top
                            items.append(.decoration(decoration))
                        }
                        for case .runs(let runs) in header.events {
                            for var run in runs {
                                run.x += geometry.marginLeft
                                run.y += top + header.baseline
                                items.append(.artifact(run))
                            }
                        }
                        top += header.height + TextStyles.tableRowGap
                    }
                }
            }
            items += footnotes(on: placed, units: units)
            if index == placement.count - 1 { items.append(.end(.document)) }
            if index > 0 { items += try runningHeader(header) }
            items += try footer(page: index + 1, of: placement.count)
            pages.append(Page(items: items))
        }
        let overfull = units.filter(\.overfull).count
        return LaidOutDocument(pages: Pages(width: geometry.width, height: geometry.height, fonts: fonts.refs, pages: pages,
                                            title: document.title, language: document.language),
                               overfullLines: overfull)
    }

    /// The H1 headings placed on a page, in order, and whether the first placement is one.
    private func sectionHeadings(on placed: [Paginator.Placement], units: [FlowUnit]) -> [(text: String, startsPage: Bool)] {
        var found: [(text: String, startsPage: Bool)] = []
        for (position, placement) in placed.enumerated() {
            guard case .unit(let i, _) = placement else { continue }
            var text: String?
            for event in units[i].events {
                switch event {
                case .begin(.h1): text = ""
                case .runs(let runs) where text != nil:
                    for run in runs {
                        // A line ending in a layout hyphen (U+00AD) joins the next without a space.
                        if let t = text, !t.isEmpty, !t.hasSuffix("\u{AD}") { text! += " " }
                        if text!.hasSuffix("\u{AD}") { text!.removeLast() }
                        text! += run.text
                    }
                case .end(.h1):
                    if let t = text { found.append((t, position == 0)) }
                    text = nil
                default: break
                }
            }
        }
        return found
    }

    /// The notes whose references are on this page, at its foot, each a Note element.
    private func footnotes(on placed: [Paginator.Placement], units: [FlowUnit]) -> [PageItem] {
        let notes = placed.flatMap { placement -> [Footnote] in
            if case .unit(let i, _) = placement { return units[i].footnotes }
            return []
        }
        guard !notes.isEmpty else { return [] }
        var top = geometry.bodyBottom - notes.reduce(0) { $0 + $1.height }
        var items: [PageItem] = []
        for note in notes {
            items.append(.begin(.note))
            for var run in note.runs {
                run.x += geometry.marginLeft
                run.y += top
                items.append(.run(run))
            }
            items.append(.end(.note))
            top += note.height
        }
        return items
    }

    /// The document's neutral title at the head of continuation pages; an artifact.
    private func runningHeader(_ title: String) throws(LayoutError) -> [PageItem] {
        guard !title.isEmpty else { return [] }
        let spec = styles.small
        let setter = ParagraphSetter(shaper: shaper, hyphenator: hyphenator, lineBreaker: lineBreaker, cache: setParagraphs)
        let lines: [SetLine]
        do {
            lines = try setter.set([StyledText(text: title, style: .regular)],
                                   style: ParagraphStyle(size: spec.size, leading: spec.leading, width: geometry.bodyWidth))
        } catch {
            throw error.located(TextPlace(block: nil, part: "document title"))
        }
        return (lines.first?.runs ?? []).map { run in
            var r = run
            r.x += geometry.marginLeft
            r.y = geometry.headerBaseline
            return .artifact(r)
        }
    }

    /// "Side 1 af 2", right-aligned at the foot of the page; an artifact, not body text.
    private func footer(page: Int, of total: Int) throws(LayoutError) -> [PageItem] {
        let spec = styles.small
        let setter = ParagraphSetter(shaper: shaper, hyphenator: hyphenator, lineBreaker: lineBreaker, cache: setParagraphs)
        let lines = try setter.set([StyledText(text: "Side \(page) af \(total)", style: .regular)],
                                   style: ParagraphStyle(size: spec.size, leading: spec.leading, width: geometry.bodyWidth))
        guard let line = lines.first else { return [] }
        let x = geometry.width - geometry.marginRight - line.width
        return line.runs.map { run in
            var r = run
            r.x += x
            r.y = geometry.footerBaseline
            return .artifact(r)
        }
    }
}

/// Pages and what layout has to say about them.
public struct LaidOutDocument: Sendable {
    public var pages: Pages
    /// Lines wider than the measure (a word that could not be broken). Reported, not hidden.
    public var overfullLines: Int
}
