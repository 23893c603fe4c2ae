import BrevLayout
import CCairo

/// Draws laid-out pages into a tagged PDF with cairo. One per worker: it keeps the cairo font
/// faces loaded between letters.
public final class PDFRenderer {
    private let fontFaces = FontFaceCache()

    public init() {}

    public func render(_ pages: Pages, metadata: PDFMetadata) throws(PDFError) -> [UInt8] {
        let sink = ByteSink()
        let surface = cairo_pdf_surface_create_for_stream(writeToSink, Unmanaged.passUnretained(sink).toOpaque(),
                                                          pages.width, pages.height)!
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, metadata.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, metadata.author)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "brev")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, metadata.date)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, metadata.date)

        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        let faces = try pages.fonts.map { ref throws(PDFError) in try fontFaces.cairoFace(path: ref.path) }

        for page in pages.pages {
            for item in page.items {
                switch item {
                case .begin(let role):
                    cairo_tag_begin(cr, role.rawValue, "")
                case .end(let role):
                    cairo_tag_end(cr, role.rawValue)
                case .run(let run), .artifact(let run):
                    draw(run, cr: cr, face: faces[run.font])
                case .link:
                    continue // links are tagged in the accessibility pass
                }
            }
            cairo_show_page(cr)
            try check(cr)
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    private func check(_ cr: OpaquePointer) throws(PDFError) {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
    }

    /// Text and clusters go with the glyphs, so the PDF's text layer (ToUnicode, ActualText)
    /// gives back the exact text: ligatures as letters, an inserted hyphen as a soft hyphen.
    private func draw(_ run: GlyphRun, cr: OpaquePointer, face: OpaquePointer) {
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

/// Collects what cairo writes.
private final class ByteSink {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(64 * 1024) }
}

private let writeToSink: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = {
    closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}
