import BrevPages
import CCairo

/// Draws one glyph run with cairo, for the page images (`PageImages`); `PDFDrawingTests` checks
/// that the PDF shows the same.
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

/// Draws a decoration rectangle with cairo, for the page images.
enum DecorationDrawing {
    static func draw(_ decoration: Decoration, cr: OpaquePointer) {
        cairo_save(cr)
        cairo_rectangle(cr, decoration.x, decoration.y, decoration.width, decoration.height)
        switch decoration.paint {
        case .fill(let color):
            cairo_set_source_rgb(cr, color.red, color.green, color.blue)
            cairo_fill(cr)
        case .stroke(let color, let width):
            cairo_set_source_rgb(cr, color.red, color.green, color.blue)
            cairo_set_line_width(cr, width)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }
}

/// Draws a placed vector figure (a logo) with cairo: its shapes filled in order.
enum FigureDrawing {
    static func draw(_ figure: PlacedFigure, cr: OpaquePointer) {
        cairo_save(cr)
        cairo_translate(cr, figure.x, figure.y)
        cairo_scale(cr, figure.scale, figure.scale)
        for shape in figure.drawing.shapes {
            for step in shape.path {
                switch step {
                case .move(let x, let y): cairo_move_to(cr, x, y)
                case .line(let x, let y): cairo_line_to(cr, x, y)
                case .curve(let x1, let y1, let x2, let y2, let x, let y): cairo_curve_to(cr, x1, y1, x2, y2, x, y)
                case .close: cairo_close_path(cr)
                }
            }
            cairo_set_source_rgb(cr, shape.fill.red, shape.fill.green, shape.fill.blue)
            cairo_fill(cr)
        }
        cairo_restore(cr)
    }
}
