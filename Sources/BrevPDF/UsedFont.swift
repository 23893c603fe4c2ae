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

    mutating func use(_ glyph: UInt32) {
        let i = Int(glyph)
        guard i < seen.count, !seen[i] else { return }
        seen[i] = true
        glyphs.append(glyph)
    }

    /// Whether the ToUnicode map gives the one unit `unit` for `glyph`; maps it so if it has no text yet.
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

    /// The glyph's text in the ToUnicode map.
    private func text(of glyph: UInt32) -> [UInt16]? {
        switch unicode[Int(glyph)] {
        case 0: return fallback[glyph]
        case UInt32.max: return longer[glyph]
        case let unit: return [UInt16(unit - 1)]
        }
    }

    /// The ToUnicode CMap (Adobe Technical Note #5411) for the glyphs used, in glyph order.
    func toUnicodeCMap() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + glyphs.count * 16)
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
        let entries: [(UInt32, [UInt16])] = glyphs.sorted().compactMap { glyph in
            guard let text = text(of: glyph) else { return nil }
            return (glyph, text)
        }
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(entries.count, start + 100)]
            PDFNumber.append(block.count, to: &out)
            raw(" beginbfchar\n")
            for (glyph, text) in block {
                out.append(UInt8(ascii: "<"))
                hex(UInt16(truncatingIfNeeded: glyph))
                raw("> <")
                for unit in text { hex(unit) }
                raw(">\n")
            }
            raw("endbfchar\n")
            start += block.count
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
