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
    static let textElements: Set<StructureRole> = [.p, .h1, .h2, .h3, .th, .td, .lbl, .note]
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
    private var text: TextDrawing
    private var structure: StructureTree
    private var contents: [[UInt8]] = []
    private var annotations: [LinkAnnotation] = []
    private var outline: [OutlineItem] = []
    private var outlineRoots: [Int] = []
    private var destinations: [Destination] = []
    private var destinationNames: Set<String> = []

    init(pages: Pages, metadata: PDFMetadata, language: String, fonts: [FontProgram], iccProfileDeflated: [UInt8]) {
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
                        let title = h.text.replacingOccurrences(of: "\u{AD}", with: "").trimmingCharacters(in: .whitespaces)
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
                    if PDFDocumentWriter.textElements.contains(top.role) {
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
        let resources = file.add(.dictionary(PDFDictionary([("Font", .dictionary(PDFDictionary(fontResources)))])))

        // Pages.
        for (index, content) in contents.enumerated() {
            let stream = file.add(.stream(PDFDictionary([("Filter", .name("FlateDecode"))]),
                                          try Zlib.deflate(content, level: PDFFileWriter.compressionLevel)))
            var page = PDFDictionary([
                ("Type", .name("Page")), ("Parent", .reference(pageTree, 0)),
                ("MediaBox", .array([.int(0), .int(0), .real(pages.width), .real(pages.height)])),
                ("Resources", .reference(resources, 0)), ("Contents", .reference(stream, 0)),
                ("StructParents", .int(index)), ("Tabs", .name("S")),
            ])
            let annots = annotations.indices.filter { annotations[$0].page == index }
            if !annots.isEmpty { page["Annots"] = .array(annots.map { .reference(annotationRefs[$0], 0) }) }
            file.set(pageRefs[index], .dictionary(page))
        }
        file.set(pageTree, .dictionary(PDFDictionary([("Type", .name("Pages")), ("Kids", .array(pageRefs.map { .reference($0, 0) })),
                                                       ("Count", .int(pageCount))])))

        // Link annotations: described (PDF/UA-1 7.18.5), printable (PDF/A-2 6.3.2), in the tree.
        for (index, annotation) in annotations.enumerated() {
            let boxes = annotation.boxes.isEmpty ? [(0.0, 0.0, 0.0, 0.0)] : annotation.boxes
            var rect = boxes[0]
            for b in boxes.dropFirst() { rect = (min(rect.0, b.0), min(rect.1, b.1), max(rect.2, b.2), max(rect.3, b.3)) }
            var dictionary = PDFDictionary([
                ("Type", .name("Annot")), ("Subtype", .name("Link")),
                ("Rect", .array([.real(rect.0), .real(rect.1), .real(rect.2), .real(rect.3)])),
                ("Border", .array([.int(0), .int(0), .int(0)])), ("F", .int(4)),
                ("P", .reference(pageRefs[annotation.page], 0)), ("StructParent", .int(pageCount + index)),
            ])
            if boxes.count > 1 {
                // One quadrilateral a line: the link's words only, not the whole box around them.
                dictionary["QuadPoints"] = .array(boxes.flatMap { b -> [PDFObject] in
                    [.real(b.0), .real(b.3), .real(b.2), .real(b.3), .real(b.0), .real(b.1), .real(b.2), .real(b.1)]
                })
            }
            switch annotation.target {
            case .uri(let uri):
                dictionary["Contents"] = .text(PDFDocumentWriter.linkDescription(uri))
                dictionary["A"] = .dictionary(PDFDictionary([("S", .name("URI")), ("URI", .string(Array(uri.utf8)))]))
            case .destination(let name):
                dictionary["Contents"] = .text(PDFDocumentWriter.linkDescription(destination: name))
                dictionary["Dest"] = .string(Array(name.utf8))
            }
            file.set(annotationRefs[index], .dictionary(dictionary))
        }

        // The structure tree.
        for (index, element) in structure.elements.enumerated() {
            var kids: [PDFObject] = []
            kids.reserveCapacity(element.kids.count)
            for kid in element.kids {
                switch kid {
                case .element(let e):
                    kids.append(.reference(elementRefs[e], 0))
                case .content(let page, let mcid):
                    if page == element.page {
                        kids.append(.int(mcid))
                    } else {
                        kids.append(.dictionary(PDFDictionary([("Type", .name("MCR")), ("Pg", .reference(pageRefs[page], 0)),
                                                               ("MCID", .int(mcid))])))
                    }
                case .annotation(let a):
                    kids.append(.dictionary(PDFDictionary([("Type", .name("OBJR")), ("Obj", .reference(annotationRefs[a], 0)),
                                                           ("Pg", .reference(pageRefs[annotations[a].page], 0))])))
                }
            }
            var dictionary = PDFDictionary([("Type", .name("StructElem")), ("S", .name(element.role)),
                                            ("P", .reference(element.parent.map { elementRefs[$0] } ?? structRoot, 0))])
            if let page = element.page { dictionary["Pg"] = .reference(pageRefs[page], 0) }
            dictionary["K"] = .array(kids)
            if let alt = element.alt { dictionary["Alt"] = .text(alt) }
            if let scope = element.scope {
                dictionary["A"] = .dictionary(PDFDictionary([("O", .name("Table")), ("Scope", .name(scope))]))
            }
            if let id = element.id { dictionary["ID"] = .string(Array(id.utf8)) }
            file.set(elementRefs[index], .dictionary(dictionary))
        }
        var nums: [PDFObject] = []
        for (page, parents) in structure.parents.enumerated() {
            nums += [.int(page), .array(parents.map { .reference(elementRefs[$0], 0) })]
        }
        for (index, annotation) in annotations.enumerated() {
            nums += [.int(pageCount + index), .reference(elementRefs[annotation.element], 0)]
        }
        let parentTree = file.add(.dictionary(PDFDictionary([("Nums", .array(nums))])))
        var root = PDFDictionary([("Type", .name("StructTreeRoot")), ("K", .array(structure.roots.map { .reference(elementRefs[$0], 0) })),
                                  ("ParentTree", .reference(parentTree, 0)), ("ParentTreeNextKey", .int(pageCount + annotations.count))])
        let notes = structure.elements.indices.compactMap { i in structure.elements[i].id.map { ($0, i) } }
        if !notes.isEmpty {
            // PDF/UA-1 7.9: every Note has an /ID the IDTree finds; a name tree's keys are in byte order.
            root["IDTree"] = .dictionary(PDFDictionary([("Names", .array(notes.sorted { $0.0 < $1.0 }.flatMap {
                [PDFObject.string(Array($0.0.utf8)), .reference(elementRefs[$0.1], 0)]
            }))]))
        }
        file.set(structRoot, .dictionary(root))

        // Metadata: Info and XMP agree (PDF/A-2 6.6.3), XMP identifies PDF/A-2a and PDF/UA-1.
        let pdfDate = XMPMetadata.pdfDate(fromISO: metadata.date)
        let date = pdfDate.flatMap(XMPMetadata.isoDate(fromPDFDate:)) ?? ""
        let producer = "brev"
        let xmp = XMPMetadata.packet(.init(title: metadata.title, author: metadata.author, language: language, date: date,
                                           producer: producer, creatorTool: "brev"))
        let metadataStream = file.add(.stream(PDFDictionary([("Type", .name("Metadata")), ("Subtype", .name("XML"))]), xmp))
        let icc = file.add(.stream(PDFDictionary([("N", .int(3)), ("Filter", .name("FlateDecode"))]), iccProfileDeflated))
        let intent = file.add(.dictionary(PDFDictionary([
            ("Type", .name("OutputIntent")), ("S", .name("GTS_PDFA1")),
            ("OutputConditionIdentifier", .text("sRGB IEC61966-2.1")), ("Info", .text("sRGB IEC61966-2.1")),
            ("DestOutputProfile", .reference(icc, 0)),
        ])))
        var info = PDFDictionary([("Title", .text(metadata.title))])
        if !metadata.author.isEmpty { info["Author"] = .text(metadata.author) }
        info["Creator"] = .text("brev")
        info["Producer"] = .text(producer)
        if let pdfDate {
            info["CreationDate"] = .string(Array(pdfDate.utf8))
            info["ModDate"] = .string(Array(pdfDate.utf8))
        }
        let infoRef = file.add(.dictionary(info))

        var catalogDictionary = PDFDictionary([("Type", .name("Catalog")), ("Pages", .reference(pageTree, 0))])
        // Bookmarks for the headings of a long document.
        if !outlineRoots.isEmpty {
            let outlineRef = file.reserve()
            let itemRefs = outline.map { _ in file.reserve() }
            func link(_ siblings: [Int], parent: Int) {
                for (position, item) in siblings.enumerated() {
                    let o = outline[item]
                    var d = PDFDictionary([("Title", .text(o.title)), ("Parent", .reference(parent, 0))])
                    if position > 0 { d["Prev"] = .reference(itemRefs[siblings[position - 1]], 0) }
                    if position + 1 < siblings.count { d["Next"] = .reference(itemRefs[siblings[position + 1]], 0) }
                    if let first = o.kids.first, let last = o.kids.last {
                        d["First"] = .reference(itemRefs[first], 0)
                        d["Last"] = .reference(itemRefs[last], 0)
                        // Closed: a negative count of the items it hides.
                        d["Count"] = .int(-o.kids.count)
                    }
                    d["Dest"] = .array([.reference(pageRefs[o.page], 0), .name("XYZ"), .real(o.x), .real(o.y), .int(0)])
                    file.set(itemRefs[item], .dictionary(d))
                    link(o.kids, parent: itemRefs[item])
                }
            }
            link(outlineRoots, parent: outlineRef)
            file.set(outlineRef, .dictionary(PDFDictionary([
                ("Type", .name("Outlines")), ("First", .reference(itemRefs[outlineRoots.first!], 0)),
                ("Last", .reference(itemRefs[outlineRoots.last!], 0)), ("Count", .int(outlineRoots.count)),
            ])))
            catalogDictionary["Outlines"] = .reference(outlineRef, 0)
            catalogDictionary["PageMode"] = .name("UseOutlines")
        }
        if !destinations.isEmpty {
            // Named destinations, for links within the document; a name tree's keys are in byte order.
            let sorted = destinations.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            let dests = file.add(.dictionary(PDFDictionary([("Names", .array(sorted.flatMap { d -> [PDFObject] in
                [.string(Array(d.name.utf8)), .array([.reference(pageRefs[d.page], 0), .name("XYZ"), .real(d.x), .real(d.y), .int(0)])]
            }))])))
            catalogDictionary["Names"] = .dictionary(PDFDictionary([("Dests", .reference(dests, 0))]))
        }
        catalogDictionary["StructTreeRoot"] = .reference(structRoot, 0)
        catalogDictionary["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .bool(true))]))
        catalogDictionary["Lang"] = .text(language)
        catalogDictionary["ViewerPreferences"] = .dictionary(PDFDictionary([("DisplayDocTitle", .bool(true))]))
        catalogDictionary["Metadata"] = .reference(metadataStream, 0)
        catalogDictionary["OutputIntents"] = .array([.reference(intent, 0)])
        file.set(catalog, .dictionary(catalogDictionary))

        // The /ID follows from the document's input: the same input, the same bytes.
        let id = Array(SHA256.digest(metadata.identity).prefix(16))
        return try file.write(root: catalog, trailer: [("Root", .reference(catalog, 0)), ("Info", .reference(infoRef, 0)),
                                                       ("ID", .array([.string(id), .string(id)]))])
    }

    /// A Type0 font per font file used (Identity-H), its CID font a subset with the glyphs used,
    /// their widths and a ToUnicode map: the pages' font resources.
    private func writeFonts(into file: inout PDFFileWriter) throws -> [(String, PDFObject)] {
        var fontEntries: [(String, PDFObject)] = []
        for (index, used) in text.used.enumerated() {
            guard let used, !used.glyphs.isEmpty else { continue }
            let program = text.fonts[index]
            let glyphs = used.glyphs.sorted()
            let subset = try program.subset(glyphs)
            let fontFile = file.add(.stream(PDFDictionary([("Length1", .int(subset.length)), ("Filter", .name("FlateDecode"))]),
                                            subset.deflated))
            let descriptor = file.add(.dictionary(PDFDictionary([
                ("Type", .name("FontDescriptor")), ("FontName", .name(subset.name)),
                ("Flags", .int(program.italicAngle != 0 ? 4 + 64 : 4)), ("FontBBox", .array(program.boundingBox.map { .real($0) })),
                ("ItalicAngle", .real(program.italicAngle)), ("Ascent", .real(program.ascent)), ("Descent", .real(program.descent)),
                ("CapHeight", .real(program.capHeight)), ("StemV", .int(80)), ("FontFile2", .reference(fontFile, 0)),
            ])))
            // Widths by runs of consecutive glyph ids: [first [w w …] first [w …] …].
            var widths: [PDFObject] = []
            var run: [PDFObject] = []
            var runStart: UInt32 = 0
            for (i, glyph) in glyphs.enumerated() {
                if i > 0 && glyph != glyphs[i - 1] + 1 {
                    widths += [.int(Int(runStart)), .array(run)]
                    run = []
                }
                if run.isEmpty { runStart = glyph }
                run.append(.real(program.width(glyph)))
            }
            if !run.isEmpty { widths += [.int(Int(runStart)), .array(run)] }
            let cidFont = file.add(.dictionary(PDFDictionary([
                ("Type", .name("Font")), ("Subtype", .name("CIDFontType2")), ("BaseFont", .name(subset.name)),
                ("CIDSystemInfo", .dictionary(PDFDictionary([("Registry", .string(Array("Adobe".utf8))),
                                                             ("Ordering", .string(Array("Identity".utf8))), ("Supplement", .int(0))]))),
                ("FontDescriptor", .reference(descriptor, 0)), ("CIDToGIDMap", .name("Identity")), ("W", .array(widths)),
            ])))
            let toUnicode = file.add(.stream(PDFDictionary([("Filter", .name("FlateDecode"))]),
                                             try Zlib.deflate(used.toUnicodeCMap(), level: 6)))
            let font = file.add(.dictionary(PDFDictionary([
                ("Type", .name("Font")), ("Subtype", .name("Type0")), ("BaseFont", .name(subset.name)),
                ("Encoding", .name("Identity-H")), ("DescendantFonts", .array([.reference(cidFont, 0)])),
                ("ToUnicode", .reference(toUnicode, 0)),
            ])))
            fontEntries.append(("F\(index)", .reference(font, 0)))
        }
        return fontEntries
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
