import BrevCore
import BrevPages
import Foundation

/// One document's PDF, written in one pass over its pages: content streams with marked
/// content, the structure tree, link annotations, bookmarks and named destinations, then the
/// fonts (subsets of the glyphs used), the metadata PDF/UA-1 and PDF/A-2a ask for, and the file.
struct PDFDocumentWriter {
    /// Elements whose content is text. Their text goes in a `Span` inside them: an element split
    /// across pages then holds one Span per page, and the running footer, drawn between them,
    /// stays outside the tree.
    static func holdsText(_ role: StructureRole) -> Bool {
        switch role {
        case .p, .h1, .h2, .h3, .th, .td, .lbl, .note: return true
        case .document, .div, .l, .li, .lBody, .table, .tr, .link, .figure: return false
        }
    }

    /// A bookmark or destination points this far (points) above its text's baseline.
    static let bookmarkRise = 16.0

    enum LinkTarget: Equatable {
        case uri(String)
        case destination(String)
    }

    struct LinkAnnotation {
        var page: Int
        var element: Int
        var target: LinkTarget
        /// Boxes of the link's runs in PDF coordinates (x0, y0, x1, y1).
        var boxes: [(Double, Double, Double, Double)]
    }

    struct OutlineItem {
        var title: String
        var page: Int
        var x: Double
        var y: Double
        var kids: [Int] = []
    }

    struct Destination {
        var name: String
        var page: Int
        var x: Double
        var y: Double
    }

    let pages: Pages
    let metadata: PDFMetadata
    let language: String
    let iccProfileDeflated: [UInt8]
    private let fast: Deflater
    private let strong: Deflater
    private var text: TextDrawing
    private var structure: StructureTree
    private var contents: [[UInt8]] = []
    private var annotations: [LinkAnnotation] = []
    private var outline: [OutlineItem] = []
    private var outlineRoots: [Int] = []
    private var destinations: [Destination] = []
    private var destinationNames: Set<String> = []

    init(pages: Pages, metadata: PDFMetadata, language: String, fonts: [FontProgram], iccProfileDeflated: [UInt8],
         fast: Deflater, strong: Deflater) {
        self.fast = fast
        self.strong = strong
        self.pages = pages
        self.metadata = metadata
        self.language = language
        self.iccProfileDeflated = iccProfileDeflated
        text = TextDrawing(fonts: fonts)
        structure = StructureTree(pageCount: pages.pages.count)
    }

    /// The run's link: an address, or a named destination set in this document (a link to a name
    /// nobody carries stays text rather than a link that goes nowhere).
    private func target(of run: GlyphRun, names: Set<String>) -> LinkTarget? {
        guard let link = run.link else { return nil }
        guard link.hasPrefix("#") else { return .uri(link) }
        let name = String(link.dropFirst())
        return names.contains(name) ? .destination(name) : nil
    }

    mutating func write() throws(PDFError) -> [UInt8] {
        let names = Set(pages.pages.flatMap { page in
            page.items.compactMap { item -> String? in
                if case .run(let run) = item { return run.destination }
                return nil
            }
        })
        let bookmarks = pages.pages.count >= PDFRenderer.bookmarkFromPages
        var open: [(role: StructureRole, element: Int)] = []
        // A heading being read for its bookmark: its level, text and first run.
        var heading: (role: StructureRole, text: String, page: Int, x: Double, y: Double)?
        // The outline item of the last heading at each level, the parent of the next level down.
        var parentOf: [StructureRole: Int] = [:]

        for (pageIndex, page) in pages.pages.enumerated() {
            var c = PageContent(height: pages.height)
            var span: Int?
            // The Link element open over consecutive runs with the same target (the words of one
            // contents entry): one element and one annotation for them, not one per word.
            var link: (target: LinkTarget, annotation: Int)?
            func closeSpan() {
                if span != nil { c.endMarkedContent() }
                span = nil
                if link != nil { c.endMarkedContent() }
                link = nil
            }
            func collectHeading(_ run: GlyphRun) {
                guard heading != nil else { return }
                if heading!.text.isEmpty { heading!.page = pageIndex; heading!.x = run.x; heading!.y = run.y }
                heading!.text += run.text
            }
            func markDestination(_ run: GlyphRun) {
                guard let name = run.destination, !destinationNames.contains(name) else { return }
                destinationNames.insert(name)
                destinations.append(Destination(name: name, page: pageIndex, x: run.x,
                                                y: pages.height - max(0, run.y - PDFDocumentWriter.bookmarkRise)))
            }
            func addToLink(_ run: GlyphRun) {
                guard let link, let box = text.box(of: run, pageHeight: pages.height) else { return }
                annotations[link.annotation].boxes.append(box)
            }

            for (itemIndex, item) in page.items.enumerated() {
                // The space between two words of one link is set as a run of its own without the
                // link: drawn inside the open Link, so the words stay one link.
                if case .run(let run) = item, let openLink = link, run.link == nil, run.destination == nil,
                   run.text.allSatisfy(\.isWhitespace), itemIndex + 1 < page.items.count,
                   case .run(let next) = page.items[itemIndex + 1], target(of: next, names: names) == openLink.target {
                    text.draw(run, into: &c)
                    addToLink(run)
                    collectHeading(run)
                    continue
                }
                switch item {
                case .begin(let role):
                    closeSpan()
                    let parent = open.last?.element
                    let element = role == .note ? structure.addNote(inside: parent) : structure.add(role.rawValue, parent: parent)
                    open.append((role, element))
                    if bookmarks && (role == .h1 || role == .h2 || role == .h3) { heading = (role, "", pageIndex, 0, 0) }
                case .end(let role):
                    closeSpan()
                    if let closed = open.popLast(), closed.role == .tr { structure.finishRow(closed.element) }
                    if let h = heading, h.role == role {
                        let entry = outline.count
                        let title = PDFDocumentWriter.bookmarkTitle(h.text)
                        outline.append(OutlineItem(title: title, page: h.page, x: h.x,
                                                   y: pages.height - max(0, h.y - PDFDocumentWriter.bookmarkRise)))
                        // Bookmarks nest by heading level: an H2 under its H1, an H3 under its H2.
                        let above: StructureRole? = h.role == .h3 ? .h2 : h.role == .h2 ? .h1 : nil
                        if let parent = above.flatMap({ parentOf[$0] }) { outline[parent].kids.append(entry) } else { outlineRoots.append(entry) }
                        parentOf[h.role] = entry
                        // A new H1 ends its H2s and H3s; a new H2 its H3s.
                        if h.role == .h1 { parentOf[.h2] = nil; parentOf[.h3] = nil }
                        if h.role == .h2 { parentOf[.h3] = nil }
                        heading = nil
                    }
                case .run(let run):
                    if let linkTarget = target(of: run, names: names) {
                        // A Link element of its own beside the text's Spans, holding the link's
                        // annotation (an OBJR) and its text.
                        if link?.target != linkTarget {
                            closeSpan()
                            markDestination(run)
                            let element = structure.add(StructureRole.link.rawValue, parent: open.last?.element)
                            let annotation = annotations.count
                            annotations.append(LinkAnnotation(page: pageIndex, element: element, target: linkTarget, boxes: []))
                            structure.addAnnotation(annotation, to: element)
                            c.beginMarkedContent(StructureRole.link.rawValue, mcid: structure.addContent(to: element, page: pageIndex))
                            link = (linkTarget, annotation)
                        }
                        text.draw(run, into: &c)
                        addToLink(run)
                        collectHeading(run)
                        continue
                    }
                    if link != nil { closeSpan() }
                    markDestination(run)
                    collectHeading(run)
                    guard let top = open.last else {
                        // Outside every element: page furniture.
                        c.beginArtifact()
                        text.draw(run, into: &c)
                        c.endMarkedContent()
                        continue
                    }
                    if PDFDocumentWriter.holdsText(top.role) {
                        if span == nil {
                            let element = structure.add("Span", parent: top.element)
                            c.beginMarkedContent("Span", mcid: structure.addContent(to: element, page: pageIndex))
                            span = element
                        }
                        text.draw(run, into: &c)
                    } else {
                        c.beginMarkedContent(top.role.rawValue, mcid: structure.addContent(to: top.element, page: pageIndex))
                        text.draw(run, into: &c)
                        c.endMarkedContent()
                    }
                case .artifact(let run):
                    closeSpan()
                    c.beginArtifact()
                    text.draw(run, into: &c)
                    c.endMarkedContent()
                case .figure(let figure):
                    closeSpan()
                    let element = structure.add(StructureRole.figure.rawValue, parent: open.last?.element)
                    structure.setAlt(figure.alt, of: element)
                    c.beginMarkedContent(StructureRole.figure.rawValue, mcid: structure.addContent(to: element, page: pageIndex))
                    c.figure(figure)
                    c.endMarkedContent()
                case .decoration(let decoration):
                    closeSpan()
                    c.beginArtifact()
                    c.decoration(decoration)
                    c.endMarkedContent()
                }
            }
            closeSpan()
            contents.append(c.bytes)
        }
        do {
            return try assemble()
        } catch let error as PDFError {
            throw error
        } catch {
            throw .writing("\(error)")
        }
    }

    // MARK: The file

    private func assemble() throws -> [UInt8] {
        var file = PDFFileWriter()
        let catalog = file.reserve()
        let pageTree = file.reserve()
        let pageRefs = pages.pages.map { _ in file.reserve() }
        let annotationRefs = annotations.map { _ in file.reserve() }
        let structRoot = file.reserve()
        let elementRefs = structure.elements.map { _ in file.reserve() }
        let pageCount = pages.pages.count

        let fontResources = try writeFonts(into: &file)
        let resources = file.add { d in
            d.key("Font")
            d.raw("<<")
            for (font, ref) in fontResources {
                d.byte(UInt8(ascii: "/"))
                d.raw("F")
                d.int(font)
                d.space()
                d.reference(ref)
                d.space()
            }
            d.raw(">> ")
        }

        // Pages.
        for (index, content) in contents.enumerated() {
            let stream = file.addStream(try fast.deflateRecalling(content)) { d in
                d.entry("Filter", name: "FlateDecode")
            }
            file.set(pageRefs[index]) { d in
                d.entry("Type", name: "Page")
                d.entry("Parent", reference: pageTree)
                d.key("MediaBox")
                d.raw("[0 0 ")
                d.real(pages.width)
                d.space()
                d.real(pages.height)
                d.raw("] ")
                d.entry("Resources", reference: resources)
                d.entry("Contents", reference: stream)
                d.entry("StructParents", int: index)
                d.entry("Tabs", name: "S")
                let annots = annotations.indices.filter { annotations[$0].page == index }
                if !annots.isEmpty {
                    d.key("Annots")
                    d.references(annots.map { annotationRefs[$0] })
                    d.space()
                }
            }
        }
        file.set(pageTree) { d in
            d.entry("Type", name: "Pages")
            d.key("Kids")
            d.references(pageRefs)
            d.space()
            d.entry("Count", int: pageCount)
        }

        // Link annotations: described (PDF/UA-1 7.18.5), printable (PDF/A-2 6.3.2), in the tree.
        for (index, annotation) in annotations.enumerated() {
            let boxes = annotation.boxes.isEmpty ? [(0.0, 0.0, 0.0, 0.0)] : annotation.boxes
            var rect = boxes[0]
            for b in boxes.dropFirst() { rect = (min(rect.0, b.0), min(rect.1, b.1), max(rect.2, b.2), max(rect.3, b.3)) }
            file.set(annotationRefs[index]) { d in
                d.entry("Type", name: "Annot")
                d.entry("Subtype", name: "Link")
                d.key("Rect")
                d.reals([rect.0, rect.1, rect.2, rect.3])
                d.space()
                d.key("Border")
                d.raw("[0 0 0] ")
                d.entry("F", int: 4)
                d.entry("P", reference: pageRefs[annotation.page])
                d.entry("StructParent", int: pageCount + index)
                if boxes.count > 1 {
                    // One quadrilateral a line: the link's words only, not the whole box around them.
                    d.key("QuadPoints")
                    d.reals(boxes.flatMap { b in [b.0, b.3, b.2, b.3, b.0, b.1, b.2, b.1] })
                    d.space()
                }
                switch annotation.target {
                case .uri(let uri):
                    d.entry("Contents", text: PDFDocumentWriter.linkDescription(uri))
                    d.key("A")
                    d.raw("<<")
                    d.entry("S", name: "URI")
                    d.entry("URI", string: uri)
                    d.raw(">> ")
                case .destination(let name):
                    d.entry("Contents", text: PDFDocumentWriter.linkDescription(destination: name))
                    d.entry("Dest", string: name)
                }
            }
        }

        // The structure tree. (/Type /StructElem is optional, ISO 32000-1 Table 323: left out.)
        for (index, element) in structure.elements.enumerated() {
            file.set(elementRefs[index]) { d in
                d.entry("S", nameOf: element.role)
                d.entry("P", reference: element.parent.map { elementRefs[$0] } ?? structRoot)
                if let page = element.page { d.entry("Pg", reference: pageRefs[page]) }
                d.key("K")
                // One kid stands alone (Table 323 allows a kid or an array of them).
                let bracketed = element.kids.count != 1
                if bracketed { d.byte(UInt8(ascii: "[")) }
                for (i, kid) in element.kids.enumerated() {
                    if i > 0 { d.space() }
                    switch kid {
                    case .element(let e):
                        d.reference(elementRefs[e])
                    case .content(let page, let mcid):
                        if page == element.page {
                            d.int(mcid)
                        } else {
                            d.raw("<<")
                            d.entry("Type", name: "MCR")
                            d.entry("Pg", reference: pageRefs[page])
                            d.entry("MCID", int: mcid)
                            d.raw(">>")
                        }
                    case .annotation(let a):
                        d.raw("<<")
                        d.entry("Type", name: "OBJR")
                        d.entry("Obj", reference: annotationRefs[a])
                        d.entry("Pg", reference: pageRefs[annotations[a].page])
                        d.raw(">>")
                    }
                }
                if bracketed { d.byte(UInt8(ascii: "]")) }
                d.space()
                if let alt = element.alt { d.entry("Alt", text: alt) }
                if let scope = element.scope {
                    d.key("A")
                    d.raw("<<")
                    d.entry("O", name: "Table")
                    d.entry("Scope", nameOf: scope)
                    d.raw(">> ")
                }
                if let id = element.id { d.entry("ID", string: id) }
            }
        }
        let parentTree = file.add { d in
            d.key("Nums")
            d.byte(UInt8(ascii: "["))
            for (page, parents) in structure.parents.enumerated() {
                if page > 0 { d.space() }
                d.int(page)
                d.space()
                d.references(parents.map { elementRefs[$0] })
            }
            for (index, annotation) in annotations.enumerated() {
                if pageCount + index > 0 { d.space() }
                d.int(pageCount + index)
                d.space()
                d.reference(elementRefs[annotation.element])
            }
            d.raw("] ")
        }
        file.set(structRoot) { d in
            d.entry("Type", name: "StructTreeRoot")
            d.key("K")
            d.references(structure.roots.map { elementRefs[$0] })
            d.space()
            d.entry("ParentTree", reference: parentTree)
            d.entry("ParentTreeNextKey", int: pageCount + annotations.count)
            let notes = structure.elements.indices.compactMap { i in structure.elements[i].id.map { ($0, i) } }
            if !notes.isEmpty {
                // PDF/UA-1 7.9: every Note has an /ID the IDTree finds; a name tree's keys are in byte order.
                d.key("IDTree")
                d.raw("<<")
                d.key("Names")
                d.byte(UInt8(ascii: "["))
                for (i, note) in notes.sorted(by: { $0.0 < $1.0 }).enumerated() {
                    if i > 0 { d.space() }
                    d.string(note.0.utf8)
                    d.space()
                    d.reference(elementRefs[note.1])
                }
                d.raw("] >> ")
            }
        }

        // Metadata: Info and XMP agree (PDF/A-2 6.6.3), XMP identifies PDF/A-2a and PDF/UA-1.
        let pdfDate = XMPMetadata.pdfDate(fromISO: metadata.date)
        let date = pdfDate.flatMap(XMPMetadata.isoDate(fromPDFDate:)) ?? ""
        let producer = "brev"
        let xmp = XMPMetadata.packet(.init(title: metadata.title, author: metadata.author, language: language, date: date,
                                           producer: producer, creatorTool: "brev"))
        let metadataStream = file.addStream(xmp) { d in
            d.entry("Type", name: "Metadata")
            d.entry("Subtype", name: "XML")
        }
        let icc = file.addStream(iccProfileDeflated) { d in
            d.entry("N", int: 3)
            d.entry("Filter", name: "FlateDecode")
        }
        let intent = file.add { d in
            d.entry("Type", name: "OutputIntent")
            d.entry("S", name: "GTS_PDFA1")
            d.entry("OutputConditionIdentifier", text: "sRGB IEC61966-2.1")
            d.entry("Info", text: "sRGB IEC61966-2.1")
            d.entry("DestOutputProfile", reference: icc)
        }
        let infoRef = file.add { d in
            d.entry("Title", text: metadata.title)
            if !metadata.author.isEmpty { d.entry("Author", text: metadata.author) }
            d.entry("Creator", text: "brev")
            d.entry("Producer", text: producer)
            if let pdfDate {
                d.entry("CreationDate", string: pdfDate)
                d.entry("ModDate", string: pdfDate)
            }
        }

        // Bookmarks for the headings of a long document.
        var outlineRef: Int?
        if !outlineRoots.isEmpty {
            let outlineNumber = file.reserve()
            outlineRef = outlineNumber
            let itemRefs = outline.map { _ in file.reserve() }
            func link(_ siblings: [Int], parent: Int) {
                for (position, item) in siblings.enumerated() {
                    let o = outline[item]
                    file.set(itemRefs[item]) { d in
                        d.entry("Title", text: o.title)
                        d.entry("Parent", reference: parent)
                        if position > 0 { d.entry("Prev", reference: itemRefs[siblings[position - 1]]) }
                        if position + 1 < siblings.count { d.entry("Next", reference: itemRefs[siblings[position + 1]]) }
                        if let first = o.kids.first, let last = o.kids.last {
                            d.entry("First", reference: itemRefs[first])
                            d.entry("Last", reference: itemRefs[last])
                            // Closed: a negative count of the items it hides.
                            d.entry("Count", int: -o.kids.count)
                        }
                        d.key("Dest")
                        PDFDocumentWriter.writeDestination(page: pageRefs[o.page], x: o.x, y: o.y, into: &d)
                        d.space()
                    }
                    link(o.kids, parent: itemRefs[item])
                }
            }
            link(outlineRoots, parent: outlineNumber)
            file.set(outlineNumber) { d in
                d.entry("Type", name: "Outlines")
                d.entry("First", reference: itemRefs[outlineRoots.first!])
                d.entry("Last", reference: itemRefs[outlineRoots.last!])
                d.entry("Count", int: outlineRoots.count)
            }
        }
        var dests: Int?
        if !destinations.isEmpty {
            // Named destinations, for links within the document; a name tree's keys are in byte order.
            let sorted = destinations.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            dests = file.add { d in
                d.key("Names")
                d.byte(UInt8(ascii: "["))
                for (i, destination) in sorted.enumerated() {
                    if i > 0 { d.space() }
                    d.string(destination.name.utf8)
                    d.space()
                    PDFDocumentWriter.writeDestination(page: pageRefs[destination.page], x: destination.x, y: destination.y, into: &d)
                }
                d.raw("] ")
            }
        }
        file.set(catalog) { d in
            d.entry("Type", name: "Catalog")
            d.entry("Pages", reference: pageTree)
            if let outlineRef {
                d.entry("Outlines", reference: outlineRef)
                d.entry("PageMode", name: "UseOutlines")
            }
            if let dests {
                d.key("Names")
                d.raw("<<")
                d.entry("Dests", reference: dests)
                d.raw(">> ")
            }
            d.entry("StructTreeRoot", reference: structRoot)
            d.key("MarkInfo")
            d.raw("<</Marked true >> ")
            d.entry("Lang", text: language)
            d.key("ViewerPreferences")
            d.raw("<</DisplayDocTitle true >> ")
            d.entry("Metadata", reference: metadataStream)
            d.key("OutputIntents")
            d.references([intent])
            d.space()
        }

        // The /ID follows from the document's input: the same input, the same bytes.
        let id = Array(SHA256.digest(metadata.identity).prefix(16))
        return try file.write(root: catalog, info: infoRef, id: id, deflater: fast)
    }

    /// `[page /XYZ x y 0]`: a view of the page at (x, y), the zoom unchanged.
    private static func writeDestination(page: Int, x: Double, y: Double, into d: inout PDFSyntax) {
        d.byte(UInt8(ascii: "["))
        d.reference(page)
        d.raw(" /XYZ ")
        d.real(x)
        d.space()
        d.real(y)
        d.raw(" 0]")
    }

    /// A Type0 font per font file used (Identity-H), its CID font a subset with the glyphs used,
    /// their widths and a ToUnicode map: the pages' font resources, `F<index>` and its object.
    private func writeFonts(into file: inout PDFFileWriter) throws -> [(Int, Int)] {
        var fontEntries: [(Int, Int)] = []
        for (index, used) in text.used.enumerated() {
            guard let used, !used.glyphs.isEmpty else { continue }
            let program = text.fonts[index]
            let glyphs = used.glyphs.sorted()
            let subset = try program.subset(glyphs, deflater: strong)
            let fontFile = file.addStream(subset.deflated) { d in
                d.entry("Length1", int: subset.length)
                d.entry("Filter", name: "FlateDecode")
            }
            let descriptor = file.add { d in
                d.entry("Type", name: "FontDescriptor")
                d.entry("FontName", nameOf: subset.name)
                d.entry("Flags", int: program.italicAngle != 0 ? 4 + 64 : 4)
                d.key("FontBBox")
                d.reals(program.boundingBox)
                d.space()
                d.entry("ItalicAngle", real: program.italicAngle)
                d.entry("Ascent", real: program.ascent)
                d.entry("Descent", real: program.descent)
                d.entry("CapHeight", real: program.capHeight)
                d.entry("StemV", int: 80)
                d.entry("FontFile2", reference: fontFile)
            }
            let cidFont = file.add { d in
                d.entry("Type", name: "Font")
                d.entry("Subtype", name: "CIDFontType2")
                d.entry("BaseFont", nameOf: subset.name)
                d.key("CIDSystemInfo")
                d.raw("<<")
                d.entry("Registry", string: "Adobe")
                d.entry("Ordering", string: "Identity")
                d.entry("Supplement", int: 0)
                d.raw(">> ")
                d.entry("FontDescriptor", reference: descriptor)
                d.entry("CIDToGIDMap", name: "Identity")
                // Widths by runs of consecutive glyph ids: [first [w w …] first [w …] …].
                d.key("W")
                d.byte(UInt8(ascii: "["))
                for (i, glyph) in glyphs.enumerated() {
                    if i == 0 || glyph != glyphs[i - 1] + 1 {
                        if i > 0 { d.raw("] ") }
                        d.int(Int(glyph))
                        d.raw(" [")
                    } else {
                        d.space()
                    }
                    d.real(program.width(glyph))
                }
                d.raw("]] ")
            }
            let toUnicode = file.addStream(try program.toUnicodeDeflated(used.toUnicodeCMap(sortedGlyphs: glyphs), deflater: strong)) { d in
                d.entry("Filter", name: "FlateDecode")
            }
            let font = file.add { d in
                d.entry("Type", name: "Font")
                d.entry("Subtype", name: "Type0")
                d.entry("BaseFont", nameOf: subset.name)
                d.entry("Encoding", name: "Identity-H")
                d.key("DescendantFonts")
                d.references([cidFont])
                d.space()
                d.entry("ToUnicode", reference: toUnicode)
            }
            fontEntries.append((index, font))
        }
        return fontEntries
    }

    /// A heading's text as its bookmark's title: without soft hyphens (a line's break, not the
    /// title's) and without the blanks at either end that Foundation's `.whitespaces` names.
    /// Written out because Foundation's string methods on Linux go through NSString and cost
    /// more than the rest of the outline (0.2 M instructions a three-page letter).
    static func bookmarkTitle(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "\u{AD}" { scalars.append(scalar) }
        guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isBlank($0) })!
        return String(scalars[first...last])
    }

    /// In Foundation's `CharacterSet.whitespaces` (CoreFoundation's list): the tab, Unicode's
    /// space separators and the zero-width space.
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What a link does, in Danish: "E-mail til a@b.dk", "Websted www.b.dk".
    static func linkDescription(_ uri: String) -> String {
        if uri.hasPrefix("mailto:") { return "E-mail til " + uri.dropFirst("mailto:".count) }
        var site = Substring(uri)
        for scheme in ["https://", "http://"] where site.hasPrefix(scheme) { site = site.dropFirst(scheme.count) }
        return "Websted " + site
    }

    /// Where a link within the document goes, in Danish: "Gå til fodnote 3" for a footnote
    /// reference (`note-3`), "Gå til afsnittet" for a contents entry.
    static func linkDescription(destination: String) -> String {
        if destination.hasPrefix("note-") { return "Gå til fodnote " + destination.dropFirst("note-".count) }
        return "Gå til afsnittet"
    }
}
