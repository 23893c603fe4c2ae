import BrevPages

/// Writes glyph runs as PDF text: each run one text object in its font (a Type0 font with
/// Identity-H, so a glyph's code is its glyph id, two bytes in a literal string), its glyphs
/// placed exactly where layout put them by TJ adjustments, and text extraction given the run's own text: the ToUnicode map for
/// glyphs that stand for their usual text, /ActualText where a glyph stands for other text (an
/// inserted hyphen is a soft hyphen; a glyph already mapped to other text).
struct TextDrawing {
    let fonts: [FontProgram]
    private(set) var used: [UsedFont?]
    // Buffers reused from run to run.
    private var units: [UInt16] = []
    private var scalarStarts: [Int] = []
    private let scratch = ScratchBytes()

    init(fonts: [FontProgram]) {
        self.fonts = fonts
        used = Array(repeating: nil, count: fonts.count)
    }

    /// The run's box in PDF coordinates (x0, y0, x1, y1), for a link's annotation.
    func box(of run: GlyphRun, pageHeight: Double) -> (Double, Double, Double, Double)? {
        guard let first = run.glyphs.first, run.font < fonts.count else { return nil }
        let program = fonts[run.font]
        var x0 = first.x, x1 = first.x
        for glyph in run.glyphs {
            x0 = min(x0, glyph.x)
            x1 = max(x1, glyph.x + program.width(glyph.id) * run.size / 1000)
        }
        let top = run.y - program.ascent * run.size / 1000, bottom = run.y - program.descent * run.size / 1000
        return (run.x + x0, pageHeight - bottom, run.x + x1, pageHeight - top)
    }

    mutating func draw(_ run: GlyphRun, into c: inout PageContent) {
        guard !run.glyphs.isEmpty, run.font < fonts.count else { return }
        let program = fonts[run.font]
        // The font's use, taken out of `used` while drawing so that it is changed in place.
        var font = used[run.font] ?? UsedFont(glyphCount: program.glyphCount)
        used[run.font] = nil
        var text = run.text
        // Room for the most a run can take: per glyph a new rise (the array closed, a number,
        // Ts), an adjustment and an escaped code; per cluster an ActualText span (four hex
        // digits a UTF-16 unit, at most one unit a UTF-8 byte); the run's Tf, Td, BT and ET.
        let room = 256 + 64 * (run.glyphs.count + run.clusters.count + 1) + 4 * text.utf8.count
        var w = scratch.writer(room: room)
        text.withUTF8 { bytes in draw(run, bytes, program, &font, into: &w, &c) }
        assert(w.count <= room, "a run wrote more than its room")
        c.append(UnsafeBufferPointer(start: w.start, count: w.count))
        used[run.font] = font
    }

    private mutating func draw(_ run: GlyphRun, _ text: UnsafeBufferPointer<UInt8>, _ program: FontProgram,
                               _ font: inout UsedFont, into w: inout ByteWriter, _ c: inout PageContent) {
        w.raw("BT\n")
        if c.font != run.font || c.size != run.size {
            w.fontName(run.font)
            w.number(run.size)
            w.raw("Tf\n")
            c.font = run.font
            c.size = run.size
        }
        let first = run.glyphs[0]
        // A text object starts at the identity matrix (§9.4.1): a move puts the run in place.
        w.number(run.x + first.x)
        w.number(c.height - run.y)
        w.raw("Td\n")
        // Where the next glyph lands unless moved, from the run's origin.
        var pen = first.x
        var inArray = false, inString = false
        var currentRise = c.rise
        let scale = run.size / 1000

        func closeArray() {
            if inString { w.byte(UInt8(ascii: ")")) }
            if inArray { w.raw("] TJ\n") }
            inString = false
            inArray = false
        }
        func glyph(_ g: PositionedGlyph) {
            let rise = -g.y
            if rise != currentRise {
                closeArray()
                w.number(rise)
                w.raw("Ts\n")
                currentRise = rise
            }
            if !inArray {
                w.byte(UInt8(ascii: "["))
                inArray = true
            }
            // A TJ number moves the next glyph left by thousandths of the type size.
            let adjust = PDFNumber.nearest((pen - g.x) / scale)
            if adjust != 0 {
                if inString {
                    w.byte(UInt8(ascii: ")"))
                    inString = false
                }
                w.integer(adjust)
                pen -= Double(adjust) * scale
            }
            if !inString {
                w.byte(UInt8(ascii: "("))
                inString = true
            }
            w.glyphCode(g.id)
            pen += program.width(g.id) * scale
            font.use(g.id)
        }

        // (Nested functions, not a closure: variables captured by a closure would be boxed and
        // every access to them checked.)
        func cluster(text range: Range<Int>, glyphs glyphRange: Range<Int>) {
            // Nearly every cluster: one ASCII character, one glyph.
            if range.count == 1, glyphRange.count == 1, text[range.lowerBound] < 0x80,
               font.maps(run.glyphs[glyphRange.lowerBound].id, toUnit: UInt16(text[range.lowerBound])) {
                glyph(run.glyphs[glyphRange.lowerBound])
                return
            }
            let glyphs = run.glyphs[glyphRange]
            let scalars = decode(UnsafeBufferPointer(rebasing: text[range]))
            let clusterText = units[...]
            var reproduced: Bool
            if glyphs.count == 1 {
                reproduced = font.maps(glyphs.first!.id, to: clusterText)
            } else if glyphs.count == scalars {
                // As many glyphs as characters (a letter and its accent): each glyph its character.
                reproduced = true
                for (i, g) in glyphs.enumerated() {
                    let end = i + 1 < scalarStarts.count ? scalarStarts[i + 1] : clusterText.endIndex
                    if !font.maps(g.id, to: clusterText[scalarStarts[i]..<end]) { reproduced = false }
                }
            } else {
                reproduced = false
            }
            if reproduced {
                for g in glyphs { glyph(g) }
            } else {
                for g in glyphs { font.fallback(g.id, clusterText) }
                closeArray()
                w.beginActualText(clusterText)
                for g in glyphs { glyph(g) }
                closeArray()
                w.raw("EMC\n")
            }
        }

        if TextDrawing.clustersAreSimple(run, textCount: text.count) {
            // Every cluster shows text with glyphs and they add up: taken as they are.
            var t = 0, g = 0
            for k in run.clusters {
                cluster(text: t..<t + k.bytes, glyphs: g..<g + k.glyphs)
                t += k.bytes
                g += k.glyphs
            }
        } else {
            for k in TextDrawing.clusters(of: run, textCount: text.count) { cluster(text: k.text, glyphs: k.glyphs) }
        }
        closeArray()
        w.raw("ET\n")
        c.rise = currentRise
    }

    /// Whether `clusters(of:textCount:)` would give the run's clusters unchanged: each has glyphs
    /// and text, and together they cover the run.
    static func clustersAreSimple(_ run: GlyphRun, textCount: Int) -> Bool {
        var t = 0, g = 0
        for cluster in run.clusters {
            guard cluster.glyphs > 0, cluster.bytes >= 0 else { return false }
            t += cluster.bytes
            g += cluster.glyphs
        }
        return t == textCount && g == run.glyphs.count && !run.clusters.isEmpty
    }

    /// The run's clusters as ranges of its UTF-8 text and of its glyphs. Text shown by no glyph
    /// joins the next cluster (the last joins the one before). Clusters that do not add up to the
    /// run make one cluster of the whole run.
    static func clusters(of run: GlyphRun, textCount: Int) -> [(text: Range<Int>, glyphs: Range<Int>)] {
        var out: [(text: Range<Int>, glyphs: Range<Int>)] = []
        out.reserveCapacity(run.clusters.count)
        var t = 0, g = 0
        var carried: Int?
        for cluster in run.clusters {
            let t1 = t + cluster.bytes, g1 = g + cluster.glyphs
            if cluster.glyphs == 0 {
                if carried == nil { carried = t }
            } else {
                out.append(((carried ?? t)..<t1, g..<g1))
                carried = nil
            }
            t = t1
            g = g1
        }
        if carried != nil, let last = out.last { out[out.count - 1].text = last.text.lowerBound..<t }
        guard t == textCount, g == run.glyphs.count, !out.isEmpty, t >= 0 else {
            return [(0..<textCount, 0..<run.glyphs.count)]
        }
        return out
    }

    /// UTF-8 (valid: it is a Swift string's) to UTF-16 in `units`, with where each character
    /// starts in `scalarStarts`; returns the number of characters.
    private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        units.removeAll(keepingCapacity: true)
        scalarStarts.removeAll(keepingCapacity: true)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b0 = bytes[i]
            var value: UInt32
            let length: Int
            if b0 < 0x80 {
                value = UInt32(b0); length = 1
            } else if b0 < 0xE0 {
                value = UInt32(b0 & 0x1F); length = 2
            } else if b0 < 0xF0 {
                value = UInt32(b0 & 0x0F); length = 3
            } else {
                value = UInt32(b0 & 0x07); length = 4
            }
            var k = 1
            while k < length && i + k < bytes.endIndex {
                value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                k += 1
            }
            i += length
            scalarStarts.append(units.count)
            if value >= 0x10000 {
                let v = value - 0x10000
                units.append(0xD800 + UInt16(v >> 10))
                units.append(0xDC00 + UInt16(v & 0x3FF))
            } else {
                units.append(UInt16(value))
            }
        }
        return scalarStarts.count
    }
}
