/// Layout's output: pages of positioned, shaped glyph runs and the structure they belong to.
/// Exporters (PDF, a PNG renderer) depend on these types only, never on cases or templates.
public struct Pages: Sendable {
    public var width: Double
    public var height: Double
    public var fonts: [FontRef]
    public var pages: [Page]
    /// Neutral title and language, for PDF metadata.
    public var title: String
    public var language: String

    public init(width: Double, height: Double, fonts: [FontRef], pages: [Page], title: String, language: String) {
        self.width = width
        self.height = height
        self.fonts = fonts
        self.pages = pages
        self.title = title
        self.language = language
    }
}

/// A font file that runs refer to by index into `Pages.fonts`.
public struct FontRef: Sendable, Hashable {
    public var path: String
    public var faceIndex: Int

    public init(path: String, faceIndex: Int) {
        self.path = path
        self.faceIndex = faceIndex
    }
}

public struct Page: Sendable {
    /// Drawing order is reading order: structure begins and ends wrap the runs they contain.
    public var items: [PageItem]

    public init(items: [PageItem]) { self.items = items }
}

public enum PageItem: Sendable {
    /// Opens a structure element (a PDF tag such as P or H1) that holds what follows.
    case begin(StructureRole)
    case end(StructureRole)
    case run(GlyphRun)
    /// Page furniture (running footer, page numbers): not part of the reading order.
    case artifact(GlyphRun)
    /// A drawn rectangle (a box's frame, a rule between table rows): decoration, outside the
    /// reading order.
    case decoration(Decoration)
    /// A picture with its words for a screen reader (a logo): a Figure in the structure tree.
    case figure(PlacedFigure)
}

/// The PDF standard structure types brev uses.
public enum StructureRole: String, Sendable, Hashable {
    case document = "Document"
    case div = "Div"
    case h1 = "H1", h2 = "H2", h3 = "H3"
    case p = "P"
    case l = "L", li = "LI", lbl = "Lbl", lBody = "LBody"
    case table = "Table", tr = "TR", th = "TH", td = "TD"
    case link = "Link"
    case note = "Note"
    case figure = "Figure"
}

/// Glyphs of one font and size on one baseline, with the text they show and how glyphs map to
/// text (clusters), so that PDF text extraction gives back the exact text.
public struct GlyphRun: Sendable {
    public var font: Int
    public var size: Double
    /// Baseline start, in points from the page's top-left corner.
    public var x: Double
    public var y: Double
    public var glyphs: [PositionedGlyph]
    /// UTF-8 text of the run. An inserted hyphenation hyphen is U+00AD here, so copied text rejoins.
    public var text: String
    public var clusters: [TextCluster]
    public var bold: Bool
    /// What the run's text links to: a URI (an e-mail or web address), or `#name`, a named
    /// destination in the same document (a contents entry, a footnote reference).
    public var link: String?
    /// A named destination that begins at this run (a heading, a footnote): where `#name` links point.
    public var destination: String?

    public init(font: Int, size: Double, x: Double, y: Double, glyphs: [PositionedGlyph], text: String,
                clusters: [TextCluster], bold: Bool, link: String? = nil, destination: String? = nil) {
        self.link = link
        self.destination = destination
        self.font = font
        self.size = size
        self.x = x
        self.y = y
        self.glyphs = glyphs
        self.text = text
        self.clusters = clusters
        self.bold = bold
    }
}

public struct PositionedGlyph: Sendable, Hashable {
    public var id: UInt32
    /// Offsets from the run's origin, in points.
    public var x: Double
    public var y: Double

    public init(id: UInt32, x: Double, y: Double) {
        self.id = id
        self.x = x
        self.y = y
    }
}

/// `bytes` of the run's UTF-8 text shown by `glyphs` glyphs, in order.
public struct TextCluster: Sendable, Hashable {
    public var bytes: Int
    public var glyphs: Int

    public init(bytes: Int, glyphs: Int) {
        self.bytes = bytes
        self.glyphs = glyphs
    }
}
