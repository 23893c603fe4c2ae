/// Where things go on an A4 letter, in points (1 mm = 72/25.4 pt), origin top-left.
public struct PageGeometry: Sendable {
    public static let mm = 72.0 / 25.4

    /// A rectangle on the sheet, top-left origin, in points.
    public struct Area: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var maxX: Double { x + width }
        public var maxY: Double { y + height }
    }

    /// The envelope window brev places the address in when the profile names none: the window
    /// of DIN 680 for C5 (162 × 229 mm) and C6/5 (114 × 229 mm) envelopes, 90 × 45 mm, which on
    /// an A4 sheet folded to DIN 5008 form B lies 20 mm from the left edge and 45 mm from the
    /// top (domain.md §4.4). The print supplier's own zone goes in the profile
    /// (`letter_design.envelope_window`).
    public static let dinWindow = Area(x: 20 * mm, y: 45 * mm, width: 90 * mm, height: 45 * mm)

    /// Nothing printed comes nearer the window's edges than this: the sheet shifts a little in
    /// the envelope, and text under the edge is lost to the scanner and the postman.
    public static let windowClearance = 3 * mm

    public var width = 210 * mm
    public var height = 297 * mm
    public var marginLeft = 25 * mm
    public var marginRight = 20 * mm
    public var marginTop = 18 * mm
    public var marginBottom = 22 * mm

    /// The sender block and the case info block: the right-hand column of page 1.
    public var rightColumnX = 125 * mm
    public var window = PageGeometry.dinWindow
    public var caseInfoTop = 52 * mm
    /// The body of page 1 starts this far below the lowest of the blocks above it, and never
    /// above the fold zone below the window.
    public var firstPageBodyTop = 100 * mm
    /// Baseline of the "Side X af Y" footer.
    public var footerBaseline = 285 * mm
    /// Baseline of the running header on pages after the first.
    public var headerBaseline = 12 * mm

    /// The body text's measure: at 10.5 pt Noto Sans, 125 mm holds 60–75 characters a line,
    /// the span a reader's eye follows without losing the next line (issue 11). The rest of the
    /// sheet's width stays white on the right.
    public var measure = 125 * mm

    public init() {}

    /// The same sheet with another envelope window.
    public init(window: Area) {
        self.window = window
    }

    public var bodyWidth: Double { min(measure, width - marginLeft - marginRight) }
    public var bodyBottom: Double { height - marginBottom }
    public var rightColumnWidth: Double { width - marginRight - rightColumnX }

    /// Where the address and the return line may print: the window less its clearance.
    public var windowInterior: Area {
        let c = PageGeometry.windowClearance
        return Area(x: window.x + c, y: window.y + c, width: window.width - 2 * c, height: window.height - 2 * c)
    }

    /// The address starts in line with the body text when the window allows, else at the
    /// interior's left edge.
    public var addressX: Double { max(windowInterior.x, min(marginLeft, windowInterior.maxX - 60 * PageGeometry.mm)) }
    public var addressWidth: Double { windowInterior.maxX - addressX }
    /// The return line's top: half a millimetre inside the interior, so its glyphs' ascent
    /// (which reaches above the line box at 8 pt) stays clear of the edge too.
    public var returnLineTop: Double { windowInterior.y + 0.5 * PageGeometry.mm }
}
