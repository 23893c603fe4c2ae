/// A stretch of paragraph text in one style: what inline markup flattens to. Hashable: part of
/// the key of a set paragraph (`SetParagraphCache`).
struct StyledText: Hashable {
    var text: String
    var style: FontSet.Style
    /// The URI the text links to, if it is a link's text.
    var link: String? = nil
}

/// How a paragraph is set.
struct ParagraphStyle: Hashable {
    var size: Double
    var leading: Double
    var width: Double
    /// Justified (both edges straight) or ragged right.
    var justified: Bool = false
    /// Indented text (list items) is not hyphenated: layout-preserving text extraction indents
    /// the continuation line, and the copied word would come apart ("in den").
    var hyphenate: Bool = true
}

/// One set line: runs positioned from the line's start (x) and baseline (y = 0).
struct SetLine {
    var runs: [GlyphRun]
    var width: Double
    /// True when even the best break left the line wider than the measure.
    var overfull: Bool
}
