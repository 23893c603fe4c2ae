/// One line (or one table row) of the body flow, with the structure tags that open and close
/// around it. The paginator places units on pages; the tags travel with their lines.
struct FlowUnit {
    enum Event {
        case begin(StructureRole)
        case end(StructureRole)
        /// Runs positioned from the left margin (x) and the unit's baseline (y = 0).
        case runs([GlyphRun])
    }

    var events: [Event]
    var spaceBefore: Double
    var height: Double
    /// Distance from the unit's top to its baseline.
    var baseline: Double
    /// Whether a page may end just before this unit (orphans, widows, keep-with-next).
    var breakBefore: Bool
    var overfull: Bool = false
    /// For a table's body rows: the header rows, repeated (as page furniture) at the top of a
    /// page the table continues on.
    var repeatedHeader: [FlowUnit] = []
    /// Notes whose reference is on this line: set at the foot of the same page.
    var footnotes: [Footnote] = []
    /// Frames and rules drawn with this unit, positioned from the left margin (x) and the
    /// unit's top (y); they may reach beyond the unit (a frame around the units after it).
    var decorations: [Decoration] = []

    var footnotesHeight: Double { footnotes.reduce(0) { $0 + $1.height } }
}

/// A footnote's lines, set in small type, positioned from its own top.
struct Footnote {
    var runs: [GlyphRun]
    var height: Double
}
