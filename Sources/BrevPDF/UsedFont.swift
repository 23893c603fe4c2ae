/// What one document uses of a font: its glyphs, and the text each stands for in the ToUnicode
/// map. A glyph's text is the first it was set for; where a glyph stands for other text (the
/// hyphen layout inserts stands for a soft hyphen; the parts of a cluster drawn with several
/// glyphs), the content gives the text as /ActualText.
struct UsedFont {
    /// Per glyph, the text the ToUnicode map gives it: 0 none yet, `unit + 1` a single UTF-16
    /// unit (nearly every glyph), `UInt32.max` longer text, kept in `longer`.
    private var unicode: [UInt32]
    private var longer: [UInt32: [UInt16]] = [:]
    /// For glyphs only ever drawn under /ActualText: their cluster's text, so that every glyph
    /// has a Unicode value (PDF/A-2a 6.2.11.7.2).
    private var fallback: [UInt32: [UInt16]] = [:]
    private(set) var glyphs: [UInt32] = []
    private var seen: [Bool]

    init(glyphCount: Int) {
        unicode = Array(repeating: 0, count: glyphCount)
        seen = Array(repeating: false, count: glyphCount)
    }

    @inline(__always)
    mutating func use(_ glyph: UInt32) {
        let i = Int(glyph)
        guard i < seen.count, !seen[i] else { return }
        seen[i] = true
        glyphs.append(glyph)
    }

    /// Whether the ToUnicode map gives the one unit `unit` for `glyph`; maps it so if it has no text yet.
    @inline(__always)
    mutating func maps(_ glyph: UInt32, toUnit unit: UInt16) -> Bool {
        let i = Int(glyph)
        guard i < unicode.count else { return false }
        let known = unicode[i]
        if known == 0 {
            unicode[i] = UInt32(unit) + 1
            return true
        }
        return known == UInt32(unit) + 1
    }

    /// Whether the ToUnicode map gives `text` for `glyph`; maps it to `text` if it has no text yet.
    mutating func maps(_ glyph: UInt32, to text: ArraySlice<UInt16>) -> Bool {
        if text.count == 1 { return maps(glyph, toUnit: text[text.startIndex]) }
        let i = Int(glyph)
        guard i < unicode.count else { return false }
        switch unicode[i] {
        case 0:
            guard !text.isEmpty else { return false }
            unicode[i] = UInt32.max
            longer[glyph] = Array(text)
            return true
        case UInt32.max:
            return longer[glyph]!.elementsEqual(text)
        default:
            return false
        }
    }

    mutating func fallback(_ glyph: UInt32, _ text: ArraySlice<UInt16>) {
        if fallback[glyph] == nil { fallback[glyph] = text.isEmpty ? [0xFFFD] : Array(text) }
    }

    /// The ToUnicode CMap (Adobe Technical Note #5411) for the glyphs used, in glyph order.
    func toUnicodeCMap() -> [UInt8] { toUnicodeCMap(sortedGlyphs: glyphs.sorted()) }

    /// The same for `glyphs`, this font's used glyphs in order, as the caller has them already:
    /// each glyph's text written from where it is kept, without an array per glyph.
    func toUnicodeCMap(sortedGlyphs glyphs: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512 + glyphs.count * 16)
        func raw(_ s: StaticString) { s.withUTF8Buffer { out.append(contentsOf: $0) } }
        func hex(_ unit: UInt16) {
            PageContent.appendHex4(UInt32(unit), to: &out)
        }
        raw("""
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """)
        // A glyph has text unless it was only ever drawn under /ActualText with none kept.
        var remaining = 0
        for glyph in glyphs where unicode[Int(glyph)] != 0 || fallback[glyph] != nil { remaining += 1 }
        var next = 0
        while remaining > 0 {
            let blockCount = min(100, remaining)
            PDFNumber.append(blockCount, to: &out)
            raw(" beginbfchar\n")
            var written = 0
            while written < blockCount {
                let glyph = glyphs[next]
                next += 1
                let known = unicode[Int(glyph)]
                if known == 0 && fallback[glyph] == nil { continue }
                out.append(UInt8(ascii: "<"))
                hex(UInt16(truncatingIfNeeded: glyph))
                raw("> <")
                switch known {
                case 0: for unit in fallback[glyph]! { hex(unit) }
                case UInt32.max: for unit in longer[glyph]! { hex(unit) }
                default: hex(UInt16(known - 1))
                }
                raw(">\n")
                written += 1
            }
            raw("endbfchar\n")
            remaining -= blockCount
        }
        raw("""
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """)
        return out
    }
}
