import BrevPages
import CCairo
import Foundation

/// Draws laid-out pages into a tagged PDF with cairo, then runs the finishing pass that makes
/// it PDF/UA-1 and PDF/A-2a. One per worker: it keeps the cairo font faces loaded between letters.
public final class PDFRenderer {
    private let fontFaces = FontFaceCache()
    private let finishing: PDFFinishing

    /// Elements whose content is text. cairo leaves content unmarked when it is drawn directly
    /// in an element that has children, so text is drawn in a `Span` inside these: an element
    /// split across pages then holds one Span per page, and the running footer, drawn between
    /// them, stays outside the tree (the finishing pass marks it as an artifact).
    private static let textElements: Set<StructureRole> = [.p, .h1, .h2, .h3, .th, .td, .lbl, .note]

    /// Documents from this many pages get bookmarks for their headings.
    public static let bookmarkFromPages = 3

    /// `iccProfilePath`: the sRGB profile for the PDF/A output intent (Debian's icc-profiles-free).
    public init(iccProfilePath: String = "/usr/share/color/icc/sRGB.icc") throws(PDFError) {
        guard let icc = FileManager.default.contents(atPath: iccProfilePath) else {
            throw .iccProfileMissing(iccProfilePath)
        }
        do {
            finishing = try PDFFinishing(iccProfile: Array(icc))
        } catch {
            throw .cairo("cannot compress the ICC profile: \(error)")
        }
    }

    /// The PDF as cairo wrote it, before the finishing pass (for measuring that pass).
    public func renderUnfinished(_ pages: Pages, metadata: PDFMetadata) throws(PDFError) -> [UInt8] {
        try draw(pages, metadata: metadata)
    }

    public func render(_ pages: Pages, metadata: PDFMetadata) throws(PDFError) -> [UInt8] {
        try finish(try draw(pages, metadata: metadata), language: pages.language, identity: metadata.identity,
                   figureAlternates: PDFRenderer.figureAlternates(pages))
    }

    /// Adds what cairo does not write (see `PDFFinishing`). `figureAlternates`: each Figure's
    /// words for a screen reader, in the order the figures are drawn.
    public func finish(_ pdf: [UInt8], language: String, identity: [UInt8],
                       figureAlternates: [String] = []) throws(PDFError) -> [UInt8] {
        do {
            return try finishing.finish(pdf, options: .init(language: PDFRenderer.pdfLanguage(language), creatorTool: "brev",
                                                            identity: identity, figureAlternates: figureAlternates))
        } catch {
            throw .finishing("\(error)")
        }
    }

    /// The /Alt text of every figure, in drawing order.
    static func figureAlternates(_ pages: Pages) -> [String] {
        pages.pages.flatMap { page in page.items.compactMap { item -> String? in
            if case .figure(let figure) = item { return figure.alt }
            return nil
        } }
    }

    /// `da` → `da-DK`: the document language as a full tag.
    static func pdfLanguage(_ language: String) -> String {
        language == "da" ? "da-DK" : language
    }

    private func draw(_ pages: Pages, metadata: PDFMetadata) throws(PDFError) -> [UInt8] {
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

        // Named destinations in this document: a "#name" link to one of them becomes a GoTo
        // link; one to a name nobody carries stays text rather than a link that goes nowhere.
        let destinations = Set(pages.pages.flatMap { page in
            page.items.compactMap { item -> String? in
                if case .run(let run) = item { return run.destination }
                return nil
            }
        })
        var open: [StructureRole] = []
        var spanOpen = false
        // The Link element open over consecutive runs with the same target (the words of one
        // contents entry): one element and one annotation for them, not one per word.
        var linkOpen: String?
        func closeSpan() {
            if spanOpen { cairo_tag_end(cr, "Span") }
            spanOpen = false
            if linkOpen != nil { cairo_tag_end(cr, StructureRole.link.rawValue) }
            linkOpen = nil
        }
        let bookmarks = pages.pages.count >= PDFRenderer.bookmarkFromPages
        // Bookmarks nest by heading level: an H2 under its H1, an H3 under its H2.
        let bookmarked: Set<StructureRole> = [.h1, .h2, .h3]
        var heading: (role: StructureRole, text: String, x: Double, y: Double)?
        // The outline item of the last heading at each level, the parent of the next level down.
        var parentOf: [StructureRole: Int32] = [:]
        // A heading's text for its bookmark, and where the bookmark points: its first run. The
        // runs join as they are: a line broken between words ends in its space.
        func collectHeading(_ run: GlyphRun) {
            guard heading != nil else { return }
            if heading!.text.isEmpty { heading!.x = run.x; heading!.y = run.y }
            heading!.text += run.text
        }

        // A named destination where a run that carries one begins, a little above its baseline
        // (as a bookmark points). It wraps no content: cairo.dest is no structure element.
        func markDestination(_ run: GlyphRun) {
            guard let name = run.destination else { return }
            let y = max(0, run.y - PDFRenderer.bookmarkRise)
            cairo_tag_begin(cr, "cairo.dest", "name='\(PDFRenderer.attributeEscaped(name))' x=\(run.x) y=\(y)")
            cairo_tag_end(cr, "cairo.dest")
        }

        for (pageIndex, page) in pages.pages.enumerated() {
            for (itemIndex, item) in page.items.enumerated() {
                // The space between two words of one link is set as a run of its own without the
                // link: drawn inside the open Link, so the words stay one link.
                if case .run(let run) = item, let open = linkOpen, run.link == nil, run.destination == nil,
                   run.text.allSatisfy(\.isWhitespace), itemIndex + 1 < page.items.count,
                   case .run(let next) = page.items[itemIndex + 1],
                   PDFRenderer.linkAttributes(next.link, destinations: destinations) == open {
                    RunDrawing.draw(run, cr: cr, face: faces[run.font])
                    collectHeading(run)
                    continue
                }
                switch item {
                case .begin(let role):
                    closeSpan()
                    cairo_tag_begin(cr, role.rawValue, "")
                    open.append(role)
                    if bookmarks && bookmarked.contains(role) { heading = (role, "", 0, 0) }
                case .end(let role):
                    closeSpan()
                    cairo_tag_end(cr, role.rawValue)
                    open.removeLast()
                    if let h = heading, h.role == role {
                        let target = "page=\(pageIndex + 1) pos=[\(h.x) \(max(0, h.y - PDFRenderer.bookmarkRise))]"
                        let above: StructureRole? = h.role == .h3 ? .h2 : h.role == .h2 ? .h1 : nil
                        let parent = above.flatMap { parentOf[$0] } ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
                        let title = h.text.replacingOccurrences(of: "\u{AD}", with: "").trimmingCharacters(in: .whitespaces)
                        let item = cairo_pdf_surface_add_outline(surface, parent, title, target,
                                                                 cairo_pdf_outline_flags_t(rawValue: 0))
                        parentOf[h.role] = item
                        // A new H1 ends its H2s and H3s; a new H2 its H3s.
                        if h.role == .h1 { parentOf[.h2] = nil; parentOf[.h3] = nil }
                        if h.role == .h2 { parentOf[.h3] = nil }
                        heading = nil
                    }
                case .run(let run) where PDFRenderer.linkAttributes(run.link, destinations: destinations) != nil:
                    // A Link element of its own beside the text's Spans: cairo writes the link
                    // annotation over what is drawn inside, with the OBJR that ties it to the element.
                    let attributes = PDFRenderer.linkAttributes(run.link, destinations: destinations)!
                    if linkOpen != attributes {
                        closeSpan()
                        markDestination(run)
                        cairo_tag_begin(cr, StructureRole.link.rawValue, attributes)
                        linkOpen = attributes
                    }
                    RunDrawing.draw(run, cr: cr, face: faces[run.font])
                    collectHeading(run)
                case .run(let run):
                    if linkOpen != nil { closeSpan() }
                    markDestination(run)
                    if let top = open.last, PDFRenderer.textElements.contains(top), !spanOpen {
                        cairo_tag_begin(cr, "Span", "")
                        spanOpen = true
                    }
                    collectHeading(run)
                    RunDrawing.draw(run, cr: cr, face: faces[run.font])
                case .artifact(let run):
                    closeSpan()
                    RunDrawing.draw(run, cr: cr, face: faces[run.font])
                case .figure(let figure):
                    // A Figure element of its own; cairo cannot write its /Alt, the finishing pass does.
                    closeSpan()
                    cairo_tag_begin(cr, StructureRole.figure.rawValue, "")
                    FigureDrawing.draw(figure, cr: cr)
                    cairo_tag_end(cr, StructureRole.figure.rawValue)
                case .decoration(let decoration):
                    // Drawn outside any leaf element, so the finishing pass marks it an artifact.
                    closeSpan()
                    DecorationDrawing.draw(decoration, cr: cr)
                }
            }
            closeSpan()
            cairo_show_page(cr)
            try check(cr)
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// cairo's attributes for a Link to `link`: `uri='…'` for an address, `dest='…'` for a named
    /// destination in this document; nil when the run links nowhere (or to a name not set).
    static func linkAttributes(_ link: String?, destinations: Set<String>) -> String? {
        guard let link else { return nil }
        guard link.hasPrefix("#") else { return "uri='\(attributeEscaped(link))'" }
        let name = String(link.dropFirst())
        return destinations.contains(name) ? "dest='\(attributeEscaped(name))'" : nil
    }

    /// A value for cairo's tag attributes, in single quotes: a quote or backslash is escaped.
    static func attributeEscaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }

    /// A bookmark points this far (points) above the heading's baseline.
    private static let bookmarkRise = 16.0

    private func check(_ cr: OpaquePointer) throws(PDFError) {
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
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
