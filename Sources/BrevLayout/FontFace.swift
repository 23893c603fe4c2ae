import CHarfBuzz

/// One font file, loaded for shaping with HarfBuzz's own OpenType functions. Layout reads
/// metrics from the font tables only; FreeType is left to the PDF writer, so no FT_Face is
/// ever shared between HarfBuzz and cairo (platform-notes.md §2).
final class FontFace {
    let path: String
    let font: OpaquePointer
    let unitsPerEm: Double
    /// Ascender and descender in font units (descender negative).
    let ascender: Double
    let descender: Double

    init(path: String) throws(LayoutError) {
        guard let blob = hb_blob_create_from_file_or_fail(path) else { throw .fontMissing(path: path) }
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, 0)
        defer { hb_face_destroy(face) }
        guard hb_face_get_glyph_count(face) > 0 else { throw .fontUnreadable(path: path) }
        let upem = hb_face_get_upem(face)
        let font = hb_font_create(face)!
        hb_font_set_scale(font, Int32(upem), Int32(upem)) // shape in font units; scale by size/upem
        self.font = font
        self.path = path
        self.unitsPerEm = Double(upem)
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(font, &extents)
        self.ascender = Double(extents.ascender)
        self.descender = Double(extents.descender)
    }

    deinit { hb_font_destroy(font) }

    func hasGlyph(_ scalar: Unicode.Scalar) -> Bool {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0
    }

    /// The glyph the font's character map gives `scalar`, if any.
    func nominalGlyph(_ scalar: Unicode.Scalar) -> UInt32? {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(font, scalar.value, &glyph) != 0 ? glyph : nil
    }
}
