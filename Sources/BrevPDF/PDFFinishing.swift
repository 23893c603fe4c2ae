import BrevCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The finishing pass: adds what cairo 1.16 does not write
/// and PDF/UA-1 and PDF/A-2a require (platform-notes.md §3): /Lang, DisplayDocTitle, XMP with
/// the PDF/A and PDF/UA identification, an sRGB output intent, /Tabs /S, artifacts for page
/// furniture, /CIDToGIDMap, TH /Scope, a positive outline count, link annotations' /Contents and
/// print flag, and a trailer /ID; then writes the file anew, compact (`PDFRewrite`).
struct PDFFinishing {
    /// The sRGB profile, already deflated: compressing it per letter was most of the pass's cost.
    let iccProfileDeflated: [UInt8]

    init(iccProfile: [UInt8]) throws {
        iccProfileDeflated = try Zlib.deflate(iccProfile)
    }

    struct Options {
        var language: String
        var creatorTool: String
        /// Bytes the trailer /ID is derived from: the letter's input, so the same input gives
        /// the same /ID (and hashing a few hundred bytes is cheaper than the whole file).
        var identity: [UInt8]
        /// Each Figure's /Alt, in the order cairo numbers their elements (the order drawn).
        var figureAlternates: [String] = []
    }

    func finish(_ pdf: [UInt8], options: Options) throws -> [UInt8] {
        let file = try PDFFile(bytes: pdf)
        var update = PDFRewrite(file: file)
        guard let rootNumber = file.trailer["Root"]?.reference,
              var catalog = try file.object(rootNumber).dictionary else { throw PDFParser.ParseError.malformed("no catalog", at: 0) }
        let info = try file.trailer["Info"].map { try file.resolve($0).dictionary } ?? nil

        // Metadata consistent with the Info dictionary cairo wrote.
        func infoText(_ key: String) -> String {
            guard case .string(let bytes)? = info?[key] else { return "" }
            return PDFFinishing.decodeText(bytes)
        }
        let date = XMPMetadata.isoDate(fromPDFDate: infoText("CreationDate")) ?? ""
        let xmp = XMPMetadata.packet(.init(title: infoText("Title"), author: infoText("Author"), language: options.language,
                                           date: date, producer: infoText("Producer"), creatorTool: options.creatorTool))
        let metadata = update.add(.stream(PDFDictionary([("Type", .name("Metadata")), ("Subtype", .name("XML"))]), xmp))
        let icc = update.add(.stream(PDFDictionary([("N", .int(3)), ("Filter", .name("FlateDecode"))]), iccProfileDeflated))
        let intent = update.add(.dictionary(PDFDictionary([
            ("Type", .name("OutputIntent")), ("S", .name("GTS_PDFA1")),
            ("OutputConditionIdentifier", .text("sRGB IEC61966-2.1")), ("Info", .text("sRGB IEC61966-2.1")),
            ("DestOutputProfile", .reference(icc, 0)),
        ])))

        catalog["Lang"] = .text(options.language)
        catalog["MarkInfo"] = .dictionary(PDFDictionary([("Marked", .bool(true))]))
        catalog["ViewerPreferences"] = .dictionary(PDFDictionary([("DisplayDocTitle", .bool(true))]))
        catalog["Metadata"] = .reference(metadata, 0)
        catalog["OutputIntents"] = .array([.reference(intent, 0)])
        if catalog["Outlines"] != nil { catalog["PageMode"] = .name("UseOutlines") }
        update.replace(rootNumber, with: .dictionary(catalog))

        if let pagesRef = catalog["Pages"]?.reference { try finishPages(pagesRef, file: file, update: &update) }
        if let outlinesRef = catalog["Outlines"]?.reference, var outlines = try file.object(outlinesRef).dictionary,
           let count = outlines["Count"]?.int, count < 0 {
            // cairo writes a negative /Count on the outline root, which is only valid for items.
            outlines["Count"] = .int(-count)
            update.replace(outlinesRef, with: .dictionary(outlines))
        }
        try finishFonts(file: file, update: &update)
        try finishLinks(file: file, update: &update)
        if let structTreeRoot = catalog["StructTreeRoot"]?.reference {
            try finishStructure(file: file, update: &update)
            try finishFigures(options.figureAlternates, file: file, update: &update)
            try finishNotes(structTreeRoot: structTreeRoot, file: file, update: &update)
        }

        let id = Array(SHA256.digest(options.identity).prefix(16))
        return try update.write(trailer: [("Root", .reference(rootNumber, 0)), ("Info", file.trailer["Info"] ?? .null),
                                      ("ID", .array([.string(id), .string(id)]))])
    }

    /// Every page: /Tabs /S, and its page furniture marked as artifacts.
    private func finishPages(_ nodeRef: Int, file: PDFFile, update: inout PDFRewrite) throws {
        guard var node = try file.object(nodeRef).dictionary else { return }
        if node["Type"]?.name == "Pages" {
            for kid in node["Kids"]?.array ?? [] {
                if let ref = kid.reference { try finishPages(ref, file: file, update: &update) }
            }
            return
        }
        node["Tabs"] = .name("S")
        update.replace(nodeRef, with: .dictionary(node))
        let contents = node["Contents"].map { $0.array ?? [$0] } ?? []
        for content in contents {
            guard let ref = content.reference, case .stream(var dict, let data) = try file.object(ref) else { continue }
            let compressed = dict["Filter"]?.name == "FlateDecode"
            let plain = compressed ? try Zlib.inflate(data) : data
            let marked = ArtifactMarker.markUntaggedText(in: plain)
            if marked == plain { continue }
            dict["Length"] = nil
            // Content streams are small and rewritten per letter: fast compression is the better trade.
            update.replace(ref, with: .stream(dict, compressed ? try Zlib.deflate(marked, level: 1) : marked))
        }
    }

    /// cairo's CID font subsets map CID = GID but omit /CIDToGIDMap, which PDF/A-2 requires.
    private func finishFonts(file: PDFFile, update: inout PDFRewrite) throws {
        for number in file.objects(containing: "/CIDFontType2") {
            guard case .dictionary(var font) = try file.object(number), font["Subtype"]?.name == "CIDFontType2",
                  font["CIDToGIDMap"] == nil else { continue }
            font["CIDToGIDMap"] = .name("Identity")
            update.replace(number, with: .dictionary(font))
        }
    }

    /// Link annotations get the description PDF/UA-1 7.18.5 asks for (/Contents, said from the
    /// link's target) and the print flag PDF/A-2 6.3.2 asks for (/F 4): cairo writes neither.
    private func finishLinks(file: PDFFile, update: inout PDFRewrite) throws {
        for number in file.objects(containing: "/Link") {
            guard case .dictionary(var link) = try file.object(number), link["Subtype"]?.name == "Link" else { continue }
            if let action = link["A"].flatMap({ $0.dictionary }), case .string(let uriBytes)? = action["URI"] {
                link["Contents"] = .text(PDFFinishing.linkDescription(String(decoding: uriBytes, as: UTF8.self)))
            } else if case .string(let nameBytes)? = link["Dest"] ?? link["A"].flatMap({ $0.dictionary })?["D"] {
                // A link within the document, to a named destination (contents entry, footnote).
                link["Contents"] = .text(PDFFinishing.linkDescription(destination: String(decoding: nameBytes, as: UTF8.self)))
            } else {
                continue
            }
            link["F"] = .int(4)
            update.replace(number, with: .dictionary(link))
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

    /// Header cells get /Scope: /Column in a row of headers only, /Row beside data cells.
    /// Table rows are found by a byte search, not by walking the whole structure tree.
    private func finishStructure(file: PDFFile, update: inout PDFRewrite) throws {
        for number in file.objects(containing: "/S /TR") {
            guard let row = try file.object(number).dictionary, row["S"]?.name == "TR", let k = row["K"] else { continue }
            var cells: [(Int, PDFDictionary)] = []
            for kid in k.array ?? [k] {
                if let ref = kid.reference, let cell = try file.object(ref).dictionary { cells.append((ref, cell)) }
            }
            let scope = cells.allSatisfy { $0.1["S"]?.name == "TH" } ? "Column" : "Row"
            for (ref, var th) in cells where th["S"]?.name == "TH" && th["A"] == nil {
                th["A"] = .dictionary(PDFDictionary([("O", .name("Table")), ("Scope", .name(scope))]))
                update.replace(ref, with: .dictionary(th))
            }
        }
    }

    /// Figures get the /Alt PDF/UA-1 7.3 demands (cairo 1.16 ignores an alt attribute).
    private func finishFigures(_ alternates: [String], file: PDFFile, update: inout PDFRewrite) throws {
        guard !alternates.isEmpty else { return }
        var index = 0
        for number in file.objects(containing: "/S /Figure").sorted() {
            guard index < alternates.count, var figure = try file.object(number).dictionary, figure["S"]?.name == "Figure"
            else { continue }
            figure["Alt"] = .text(alternates[index])
            update.replace(number, with: .dictionary(figure))
            index += 1
        }
    }

    /// A Table or list may hold only its rows or items, never a Note (PDF/UA-1 7.2, ISO 32000-1 §14.8.4.3).
    static let holdsNoNote: Set<String> = ["Table", "THead", "TBody", "TFoot", "TR", "L", "LI"]

    /// Notes are drawn at the foot of the page, so cairo nests each in whatever element is still
    /// open there: a table or list that continues on the next page would then hold it. Such a
    /// Note moves out to follow that table or list. Every Note gets the /ID PDF/UA-1 7.9
    /// demands, with the IDTree that maps IDs to elements.
    private func finishNotes(structTreeRoot: Int, file: PDFFile, update: inout PDFRewrite) throws {
        var edited: [Int: PDFDictionary] = [:]
        func element(_ number: Int) throws -> PDFDictionary? { try edited[number] ?? file.object(number).dictionary }
        var ids: [([UInt8], Int)] = []
        for number in file.objects(containing: "/S /Note") {
            guard var note = try element(number), note["S"]?.name == "Note" else { continue }
            let id = Array(String(format: "note-%04d", ids.count + 1).utf8)
            note["ID"] = .string(id)
            ids.append((id, number))
            while let parentNumber = note["P"]?.reference, var parent = try element(parentNumber),
                  PDFFinishing.holdsNoNote.contains(parent["S"]?.name ?? ""),
                  let grandparentNumber = parent["P"]?.reference, var grandparent = try element(grandparentNumber) {
                var kids = parent["K"].map { $0.array ?? [$0] } ?? []
                kids.removeAll { $0.reference == number }
                parent["K"] = .array(kids)
                var outer = grandparent["K"].map { $0.array ?? [$0] } ?? []
                let after = (outer.firstIndex { $0.reference == parentNumber } ?? outer.count - 1) + 1
                outer.insert(.reference(number, 0), at: after)
                grandparent["K"] = .array(outer)
                note["P"] = .reference(grandparentNumber, 0)
                edited[parentNumber] = parent
                edited[grandparentNumber] = grandparent
            }
            edited[number] = note
        }
        guard !ids.isEmpty, var root = try element(structTreeRoot) else { return }
        // A name tree's keys are in byte order.
        root["IDTree"] = .dictionary(PDFDictionary([("Names", .array(ids.sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .flatMap { [PDFObject.string($0.0), .reference($0.1, 0)] }))]))
        edited[structTreeRoot] = root
        for (number, dictionary) in edited.sorted(by: { $0.key < $1.key }) { update.replace(number, with: .dictionary(dictionary)) }
    }

    /// Info strings are PDFDocEncoding or UTF-16BE with a byte-order mark.
    static func decodeText(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count {
                units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}

extension PDFFile {
    /// Numbers of the objects whose bytes contain `word`, found with one memmem pass over the
    /// file: much cheaper than parsing every object to look at it.
    func objects(containing word: String) -> [Int] {
        let sortedOffsets = offsets.map { ($0.value, $0.key) }.sorted { $0.0 < $1.0 }
        let needle = Array(word.utf8)
        var found: [Int] = []
        bytes.withUnsafeBytes { hay in
            needle.withUnsafeBytes { n in
                var at = 0
                let first = Int32(needle[0])
                while at + n.count <= hay.count, let hit = memchr(hay.baseAddress! + at, first, hay.count - at - n.count + 1) {
                    let offset = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
                    guard memcmp(hit, n.baseAddress!, n.count) == 0 else {
                        at = offset + 1
                        continue
                    }
                    // The object holding this offset: the last one starting before it.
                    var lo = 0, hi = sortedOffsets.count - 1, best = -1
                    while lo <= hi {
                        let mid = (lo + hi) / 2
                        if sortedOffsets[mid].0 <= offset { best = mid; lo = mid + 1 } else { hi = mid - 1 }
                    }
                    if best >= 0, found.last != sortedOffsets[best].1 { found.append(sortedOffsets[best].1) }
                    at = offset + n.count
                }
            }
        }
        return found
    }
}
