/// Where things go on an A4 letter, in points (1 mm = 72/25.4 pt), origin top-left.
/// The first page follows common Danish practice for a C5/C6-5 window envelope (DIN 5008
/// form B): the address field starts 20–25 mm from the left and 45–50 mm from the top
/// (domain.md §4.4). ⚠ The exact window zone is to come from the print supplier.
public struct PageGeometry: Sendable {
    public static let mm = 72.0 / 25.4

    public var width = 210 * mm
    public var height = 297 * mm
    public var marginLeft = 25 * mm
    public var marginRight = 20 * mm
    public var marginTop = 18 * mm
    public var marginBottom = 22 * mm

    /// The sender block and the case info block: the right-hand column of page 1.
    public var rightColumnX = 125 * mm
    /// The address field, inside the envelope window.
    public var addressX = 25 * mm
    public var addressTop = 50 * mm
    /// The return line sits just above the address, inside the window.
    public var returnLineTop = 45.5 * mm
    public var addressWidth = 80 * mm
    public var caseInfoTop = 52 * mm
    /// The body of page 1 starts below the window zone.
    public var firstPageBodyTop = 100 * mm
    /// Baseline of the "Side X af Y" footer.
    public var footerBaseline = 285 * mm
    /// Baseline of the running header on pages after the first.
    public var headerBaseline = 12 * mm

    public init() {}

    public var bodyWidth: Double { width - marginLeft - marginRight }
    public var bodyBottom: Double { height - marginBottom }
    public var rightColumnWidth: Double { width - marginRight - rightColumnX }
}
