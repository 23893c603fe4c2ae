/// A shaped piece of a line: a word part, an inter-word space, or a word head ending in an
/// inserted hyphen.
struct LinePiece {
    var text: String
    var style: FontSet.Style
    /// The face the text is shaped in: the style's own, or the fallback for characters it lacks.
    var face: Int
    var shaped: ShapedText
    /// Width in points at the paragraph's size.
    var width: Double
    /// For a hyphenated head: the hyphen glyph drawn after the text's glyphs, standing for the
    /// soft hyphen (U+00AD) at the end of `text`.
    var hyphen: ShapedText?
    /// The URI this text links to.
    var link: String? = nil

    /// Glyph-to-text mapping for cairo: groups of glyphs with one cluster value, in order.
    var clusters: [TextCluster] {
        var out: [TextCluster] = []
        appendClusters(to: &out)
        return out
    }

    /// The same, added to a run's clusters without an array of the piece's own.
    func appendClusters(to out: inout [TextCluster]) {
        let glyphs = shaped.glyphs
        var i = 0
        while i < glyphs.count {
            let c = glyphs[i].cluster
            var j = i
            while j < glyphs.count && glyphs[j].cluster == c { j += 1 }
            let next = j < glyphs.count ? glyphs[j].cluster : shaped.utf8Count
            out.append(TextCluster(bytes: next - c, glyphs: j - i))
            i = j
        }
        if let hyphen {
            out.append(TextCluster(bytes: "\u{AD}".utf8.count, glyphs: hyphen.glyphs.count))
        }
    }
}

/// A word as line breaking sees it: the pieces that must stay together, and what may follow.
struct LineWord {
    var pieces: [LinePiece]
    /// The space after the word, drawn only when the line goes on.
    var space: LinePiece?
    var hardBreakAfter: Bool
    /// False for a word of a sentence that states a deadline or a date (`HyphenationPolicy`).
    var hyphenate = true
    /// Whether the word begins its paragraph or follows ".", "!", "?" or ":".
    var startsSentence = false

    var width: Double { pieces.reduce(0) { $0 + $1.width } }
}
