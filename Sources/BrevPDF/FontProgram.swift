import BrevCore
import CHarfBuzzSubset

/// A TrueType font file as the PDF embeds it: loaded once per writer, with the figures its
/// font descriptor needs, each glyph's advance, and subsets of it made with hb-subset.
///
/// Subsets keep the glyph ids of the whole font (the glyphs left out are empty), so a letter's
/// text is written with the ids layout shaped, CID = GID, and `/CIDToGIDMap /Identity`.
final class FontProgram {
    let path: String
    /// The PostScript name (`NotoSans-Regular`), the base of the subset's name.
    let postScriptName: String
    let unitsPerEm: Double
    /// In glyph space (1000 units to the em), as the font descriptor gives them.
    let ascent: Double
    let descent: Double
    let capHeight: Double
    let italicAngle: Double
    let boundingBox: [Double]
    let glyphCount: Int
    private let face: OpaquePointer
    /// The face prepared for subsetting (`preparedFace`), once the font has missed the subset
    /// cache `preparedAfter` times; until then subsets are cut from `face`.
    private var prepared: OpaquePointer?
    private var subsetsFromFile = 0
    private var preparationTried = false
    /// hb-subset sets up its look-ups (cmap, glyf, the unicodes of the glyphs) on the face anew
    /// for every subset: about 2.6 M instructions a Noto Sans subset of a letter. A face that
    /// `hb_subset_preprocess` prepared keeps them, and a subset from it costs about 0.46 M, the
    /// same bytes. Preparing costs about 12 M (20 M more without cutting the tables first), so
    /// a font is prepared only after this many misses: a process that writes one letter, or a
    /// few with the same glyphs, never pays it.
    static let preparedAfter = 4
    /// Every glyph's advance as `width` gives it, looked up per glyph drawn.
    private let advances: [Double]

    /// Subsets already made, by the glyphs they hold: letters from one template use nearly the
    /// same glyphs, so most letters find theirs here. Bounded: emptied when full.
    private var subsets: [[UInt32]: Subset] = [:]
    static let subsetCacheLimit = 64

    /// ToUnicode maps already deflated, by their text: a glyph set found above mostly comes with
    /// the same map. Bounded like `subsets`.
    private var toUnicodeMaps: [MapText: [UInt8]] = [:]

    /// A ToUnicode map's text as a key, hashed as one block of bytes (an array of bytes hashes
    /// them one by one: 70,000 instructions a letter for its few kilobytes of maps).
    private struct MapText: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    struct Subset {
        /// `ABCDEF+NotoSans-Regular`: six capitals from the glyph set, as PDF names subsets.
        var name: String
        /// The subset font file, deflated, and its length before.
        var deflated: [UInt8]
        var length: Int
    }

    init(path: String) throws(PDFError) {
        self.path = path
        guard let blob = hb_blob_create_from_file_or_fail(path) else { throw .fontUnreadable(path) }
        defer { hb_blob_destroy(blob) }
        guard let face = hb_face_create(blob, 0), hb_face_get_glyph_count(face) > 0 else { throw .fontUnreadable(path) }
        self.face = face
        glyphCount = Int(hb_face_get_glyph_count(face))
        let head = FontProgram.table(face, "head"), hhea = FontProgram.table(face, "hhea")
        let os2 = FontProgram.table(face, "OS/2"), post = FontProgram.table(face, "post")
        guard head.count >= 54, hhea.count >= 36 else { throw .fontUnreadable(path) }
        let upem = Double(FontProgram.uint16(head, 18))
        unitsPerEm = upem > 0 ? upem : 1000
        let scale = 1000 / (upem > 0 ? upem : 1000)
        boundingBox = [36, 38, 40, 42].map { (Double(FontProgram.int16(head, $0)) * scale).rounded() }
        let ascender = (Double(FontProgram.int16(hhea, 4)) * scale).rounded()
        ascent = ascender
        descent = (Double(FontProgram.int16(hhea, 6)) * scale).rounded()
        capHeight = os2.count >= 90 && FontProgram.uint16(os2, 0) >= 2 ? (Double(FontProgram.int16(os2, 88)) * scale).rounded() : ascender
        italicAngle = post.count >= 8 ? Double(Int32(bitPattern: UInt32(FontProgram.uint16(post, 4)) << 16 | UInt32(FontProgram.uint16(post, 6)))) / 65536 : 0
        let horizontalMetricCount = Int(FontProgram.uint16(hhea, 34))
        let horizontalMetrics = FontProgram.table(face, "hmtx")
        guard horizontalMetricCount > 0, horizontalMetrics.count >= 4 * horizontalMetricCount else { throw .fontUnreadable(path) }
        postScriptName = FontProgram.readPostScriptName(FontProgram.table(face, "name"))
            ?? String(path.split(separator: "/").last?.split(separator: ".").first ?? "Font")
        let upemUsed = unitsPerEm
        advances = (0..<glyphCount).map { FontProgram.advance(UInt32($0), horizontalMetrics, horizontalMetricCount, upemUsed) }
    }

    deinit {
        hb_face_destroy(face)
        if let prepared { hb_face_destroy(prepared) }
    }

    /// The glyph's advance in glyph space (1000 units to the em), as /W gives it. A glyph past
    /// the font's last has the last one's advance, as hmtx gives glyphs past its long metrics.
    func width(_ glyph: UInt32) -> Double {
        let i = Int(glyph)
        return i < advances.count ? advances[i] : advances[advances.count - 1]
    }

    private static func advance(_ glyph: UInt32, _ metrics: [UInt8], _ metricCount: Int, _ unitsPerEm: Double) -> Double {
        let i = min(Int(glyph), metricCount - 1)
        return Double(FontProgram.uint16(metrics, 4 * i)) * 1000 / unitsPerEm
    }

    /// The font cut down to `glyphs` (sorted, distinct): outlines only, no hinting, no layout tables.
    func subset(_ glyphs: [UInt32], deflater: Deflater) throws(PDFError) -> Subset {
        if let known = subsets[glyphs] { return known }
        if prepared == nil && !preparationTried {
            subsetsFromFile += 1
            if subsetsFromFile > FontProgram.preparedAfter {
                // Once: where it fails, subsets stay cut from the file.
                preparationTried = true
                prepared = preparedFace()
            }
        }
        let bytes = try fontFile(glyphs, from: prepared ?? face)
        // Kept in the cache: at its own size, not the compressor's bound.
        let deflated = Array(try deflater.deflate(bytes)[...])
        var key: [UInt8] = Array(postScriptName.utf8)
        for glyph in glyphs { key += [UInt8(truncatingIfNeeded: glyph >> 8), UInt8(truncatingIfNeeded: glyph)] }
        let digest = SHA256.digest(key)
        let tag = String(decoding: digest.prefix(6).map { UInt8(ascii: "A") + $0 % 26 }, as: UTF8.self)
        let subset = Subset(name: tag + "+" + postScriptName, deflated: deflated, length: bytes.count)
        if subsets.count >= FontProgram.subsetCacheLimit { subsets.removeAll(keepingCapacity: true) }
        subsets[glyphs] = subset
        return subset
    }

    var isPrepared: Bool { prepared != nil }

    /// Where a subset is cut from: the font file's own face, or the face prepared for subsetting.
    enum SubsetSource { case file, prepared }

    /// The subset's font file from `source` (the prepared face made now if there is none yet;
    /// the file's face where it cannot be made), for comparing the two.
    func fontFile(_ glyphs: [UInt32], from source: SubsetSource) throws(PDFError) -> [UInt8] {
        if source == .prepared && prepared == nil { prepared = preparedFace() }
        return try fontFile(glyphs, from: source == .prepared ? prepared ?? face : face)
    }

    /// The tables the PDF leaves out of every subset: shaping is done.
    private static let droppedTables = ["GSUB", "GPOS", "GDEF", "kern", "BASE", "JSTF", "MATH", "DSIG", "vhea", "vmtx", "VORG"]
        .map(FontProgram.tag)

    private func fontFile(_ glyphs: [UInt32], from source: OpaquePointer) throws(PDFError) -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw .fontSubset(path) }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        hb_set_add(set, 0)
        for glyph in glyphs { hb_set_add(set, glyph) }
        // The PDF needs the outlines and metrics; shaping is done. Without GSUB there is no
        // layout closure to compute, which is most of what hb-subset would spend.
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in FontProgram.droppedTables { hb_set_add(drop, tag) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let subsetFace = hb_subset_or_fail(source, input) else { throw .fontSubset(path) }
        defer { hb_face_destroy(subsetFace) }
        let blob = hb_face_reference_blob(subsetFace)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { throw .fontSubset(path) }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    /// The face prepared for subsetting: first cut to the tables a subset keeps (a face of the
    /// tables `droppedTables` leaves, `post` without its glyph names, which no subset keeps:
    /// hb-subset writes `post` as its 32-byte header with version 3), then given to
    /// `hb_subset_preprocess`, which keeps hb-subset's look-ups with the face. A subset from it
    /// is the same bytes as one from the file (`FontSubsetTests` compares them).
    private func preparedFace() -> OpaquePointer? {
        var total: UInt32 = 0
        let tableCount = hb_face_get_table_tags(face, 0, &total, nil)
        var tags = [hb_tag_t](repeating: 0, count: Int(tableCount))
        var count = tableCount
        _ = tags.withUnsafeMutableBufferPointer { hb_face_get_table_tags(face, 0, &count, $0.baseAddress) }
        guard let builder = hb_face_builder_create() else { return nil }
        defer { hb_face_destroy(builder) }
        let post = FontProgram.tag("post")
        for tag in tags.prefix(Int(count)) where !FontProgram.droppedTables.contains(tag) {
            guard let table = hb_face_reference_table(face, tag) else { continue }
            defer { hb_blob_destroy(table) }
            var length: UInt32 = 0
            if tag == post, let data = hb_blob_get_data(table, &length), length >= 32 {
                var header = [UInt8](UnsafeRawBufferPointer(start: data, count: 32))
                header[0] = 0
                header[1] = 3 // the major version only, as hb-subset sets it
                let short = header.withUnsafeBytes { hb_blob_create($0.baseAddress!.assumingMemoryBound(to: CChar.self), 32, HB_MEMORY_MODE_DUPLICATE, nil, nil) }
                defer { hb_blob_destroy(short) }
                hb_face_builder_add_table(builder, tag, short)
            } else {
                hb_face_builder_add_table(builder, tag, table)
            }
        }
        guard let file = hb_face_reference_blob(builder) else { return nil }
        defer { hb_blob_destroy(file) }
        guard let cut = hb_face_create(file, 0) else { return nil }
        defer { hb_face_destroy(cut) }
        // On failure hb_subset_preprocess gives back the face it was given: the file's face then.
        guard let preparedFace = hb_subset_preprocess(cut), preparedFace != cut else { return nil }
        return preparedFace
    }

    /// `cmap` (a ToUnicode CMap of this font's glyphs) compressed by `deflater`.
    func toUnicodeDeflated(_ cmap: [UInt8], deflater: Deflater) throws(PDFError) -> [UInt8] {
        let key = MapText(bytes: cmap)
        if let known = toUnicodeMaps[key] { return known }
        let deflated = Array(try deflater.deflate(cmap)[...])
        if toUnicodeMaps.count >= FontProgram.subsetCacheLimit { toUnicodeMaps.removeAll(keepingCapacity: true) }
        toUnicodeMaps[key] = deflated
        return deflated
    }

    private static func tag(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func table(_ face: OpaquePointer, _ name: String) -> [UInt8] {
        guard let blob = hb_face_reference_table(face, tag(name)) else { return [] }
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at + 1 < bytes.count else { return 0 }
        return UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }

    private static func int16(_ bytes: [UInt8], _ at: Int) -> Int16 { Int16(bitPattern: uint16(bytes, at)) }

    /// Name ID 6 of the `name` table: Windows records are UTF-16BE, Macintosh ones ASCII.
    private static func readPostScriptName(_ name: [UInt8]) -> String? {
        let count = Int(uint16(name, 2)), storage = Int(uint16(name, 4))
        for record in 0..<count {
            let at = 6 + 12 * record
            guard uint16(name, at + 6) == 6 else { continue }
            let platform = uint16(name, at), length = Int(uint16(name, at + 8)), offset = storage + Int(uint16(name, at + 10))
            guard offset + length <= name.count, length > 0 else { continue }
            let raw = name[offset..<offset + length]
            let text: String
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var i = raw.startIndex
                while i + 1 < raw.endIndex {
                    units.append(UInt16(raw[i]) << 8 | UInt16(raw[i + 1]))
                    i += 2
                }
                text = String(decoding: units, as: UTF16.self)
            } else {
                text = String(decoding: raw, as: UTF8.self)
            }
            // A PDF name of printable ASCII, without PDF's delimiters.
            let clean = String(text.unicodeScalars.filter { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && !"()<>[]{}/%#".unicodeScalars.contains($0) })
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
