import BrevPages
import CCairo

/// Draws one glyph run with cairo: shared by the PDF writer and the PNG renderer, so a visual
/// test sees exactly what the PDF shows.
enum RunDrawing {
    /// Text and clusters go with the glyphs, so the PDF's text layer (ToUnicode, ActualText)
    /// gives back the exact text: ligatures as letters, an inserted hyphen as a soft hyphen.
    static func draw(_ run: GlyphRun, cr: OpaquePointer, face: OpaquePointer) {
        cairo_set_font_face(cr, face)
        cairo_set_font_size(cr, run.size)
        let glyphs = run.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: run.x + $0.x, y: run.y + $0.y) }
        let clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: Int32($0.bytes), num_glyphs: Int32($0.glyphs)) }
        let utf8 = Array(run.text.utf8)
        utf8.withUnsafeBufferPointer { text in
            text.baseAddress!.withMemoryRebound(to: CChar.self, capacity: text.count) { chars in
                cairo_show_text_glyphs(cr, chars, Int32(text.count), glyphs, Int32(glyphs.count),
                                       clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
    }
}
