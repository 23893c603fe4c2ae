import BrevCore
@testable import BrevPDF
import BrevPages
import BrevTestSupport
import Foundation
import Testing

/// The PDF writer's fast parts (issue 15) against what they replace: a kept compressor against
/// a fresh one (and zlib inflating its output), clusters taken as laid out against `TextDrawing.clusters`, the
/// compact ToUnicode texts, and dictionaries written as bytes.
struct PDFWriterPartsTests {
    /// Random bytes, runs of one byte and repeated words: what compresses badly and well.
    static func sample(_ generator: inout SeededGenerator) -> [UInt8] {
        var out: [UInt8] = []
        let length = Int.random(in: 0...20_000, using: &generator)
        let words: [[UInt8]] = [Array("/Type /StructElem ".utf8), Array("<0048004f>".utf8), Array(" 0 R ".utf8)]
        while out.count < length {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: out += (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            case 1: out += Array(repeating: UInt8.random(in: 0...255, using: &generator), count: Int.random(in: 1...300, using: &generator))
            default: out += words[Int.random(in: 0..<words.count, using: &generator)]
            }
        }
        return Array(out.prefix(length))
    }

    @Test func aKeptCompressorDeflatesAsAFreshOneAndZlibInflatesIt() throws {
        var generator = SeededGenerator(seed: 15)
        let fast = try Deflater(level: PDFFileWriter.compressionLevel), strong = try Deflater(level: PDFRenderer.strongLevel)
        for _ in 0..<120 {
            let input = Self.sample(&generator)
            for deflater in [fast, strong] {
                let kept = try deflater.deflate(input)
                let fresh = try Deflater(level: deflater.level).deflate(input)
                #expect(kept == fresh, "\(input.count) bytes at level \(deflater.level)")
                // FlateDecode is the zlib format: zlib, as a reader would, gives the input back.
                let inflated = try Zlib.inflate(kept)
                #expect(inflated == input)
            }
        }
    }

    /// Streams recalled from the last ones compressed are what compressing them gives; only
    /// the same bytes are recalled, and what is kept is bounded.
    @Test func aRecalledStreamIsTheStreamDeflated() throws {
        var generator = SeededGenerator(seed: 17)
        let recalling = try Deflater(level: PDFFileWriter.compressionLevel)
        let fresh = try Deflater(level: PDFFileWriter.compressionLevel)
        var seen: [[UInt8]] = []
        var repeats = 0
        for round in 0..<300 {
            var input: [UInt8]
            if !seen.isEmpty && Bool.random(using: &generator) {
                // One of the last streams again, or one that differs from it in a single byte.
                input = seen[seen.count - 1 - Int.random(in: 0..<min(seen.count, Deflater.recentLimit + 4), using: &generator)]
                if !input.isEmpty && Bool.random(using: &generator) {
                    input[Int.random(in: 0..<input.count, using: &generator)] &+= 1
                } else {
                    repeats += 1
                }
            } else {
                input = Self.sample(&generator)
                if round % 50 == 7 { input = Array(repeating: 7, count: Deflater.recentInputLimit + 1) }
            }
            seen.append(input)
            #expect(try recalling.deflateRecalling(input) == fresh.deflate(input))
        }
        #expect(repeats > 50)
        #expect(recalling.recalled > 20 && recalling.recalled <= repeats, "\(recalling.recalled) of \(repeats) repeats")
        #expect(recalling.recentCount <= Deflater.recentLimit)
    }

    @Test func clustersAsLaidOutAreTheClustersDrawn() {
        var generator = SeededGenerator(seed: 16)
        var simple = 0, other = 0
        for _ in 0..<3_000 {
            let clusters = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                TextCluster(bytes: Int.random(in: 0...4, using: &generator), glyphs: Int.random(in: 0...3, using: &generator))
            }
            let bytes = clusters.reduce(0) { $0 + $1.bytes } + (Bool.random(using: &generator) ? 0 : Int.random(in: -1...1, using: &generator))
            let glyphCount = clusters.reduce(0) { $0 + $1.glyphs } + (Bool.random(using: &generator) ? 0 : Int.random(in: -1...1, using: &generator))
            let run = GlyphRun(font: 0, size: 10, x: 0, y: 0,
                               glyphs: (0..<max(0, glyphCount)).map { PositionedGlyph(id: UInt32($0), x: Double($0), y: 0) },
                               text: String(repeating: "a", count: max(0, bytes)), clusters: clusters, bold: false)
            let textCount = run.text.utf8.count
            guard TextDrawing.clustersAreSimple(run, textCount: textCount) else {
                other += 1
                continue
            }
            simple += 1
            var t = 0, g = 0
            var direct: [(Range<Int>, Range<Int>)] = []
            for cluster in clusters {
                direct.append((t..<t + cluster.bytes, g..<g + cluster.glyphs))
                t += cluster.bytes
                g += cluster.glyphs
            }
            let drawn = TextDrawing.clusters(of: run, textCount: textCount)
            #expect(drawn.map { $0.text } == direct.map { $0.0 } && drawn.map { $0.glyphs } == direct.map { $0.1 }, "\(clusters)")
        }
        #expect(simple > 100 && other > 100)
    }

    @Test func aGlyphKeepsTheFirstTextItWasSetFor() {
        var font = UsedFont(glyphCount: 10)
        for glyph: UInt32 in [5, 7, 8] { font.use(glyph) }
        // (Each answer taken before it is checked: `maps` changes the font.)
        var answers: [Bool] = []
        answers.append(font.maps(5, toUnit: 0x41))
        answers.append(font.maps(5, toUnit: 0x42))
        answers.append(font.maps(5, to: [0x41][...]))
        answers.append(font.maps(5, to: [0x41, 0x41][...]))
        // A ligature: two units for one glyph, asked again unit by unit.
        answers.append(font.maps(7, to: [0x66, 0x69][...]))
        answers.append(font.maps(7, toUnit: 0x66))
        answers.append(font.maps(7, to: [0x66, 0x69][...]))
        answers.append(font.maps(8, to: ArraySlice<UInt16>()))
        font.fallback(8, [0x2D][...])
        answers.append(font.maps(11, toUnit: 0x41))
        #expect(answers == [true, false, true, false, true, false, true, false, false])
        let cmap = String(decoding: font.toUnicodeCMap(), as: UTF8.self)
        #expect(cmap.contains("3 beginbfchar\n<0005> <0041>\n<0007> <00660069>\n<0008> <002D>\nendbfchar\n"), "\(cmap)")
    }

    /// A map in blocks of at most 100 entries (Adobe TN #5411), glyphs in order, a glyph without
    /// text left out wherever it falls.
    @Test func aLongToUnicodeMapComesInBlocksOfAHundred() {
        var font = UsedFont(glyphCount: 400)
        var expected: [String] = []
        for glyph in stride(from: UInt32(351), through: 1, by: -1) { font.use(glyph) }
        for glyph in UInt32(1)...351 where glyph % 7 != 0 {
            _ = glyph % 5 == 0 ? font.maps(glyph, to: [0x66, UInt16(glyph)][...]) : font.maps(glyph, toUnit: UInt16(glyph))
        }
        for glyph in UInt32(1)...351 where glyph % 7 != 0 {
            let hex = { (v: UInt32) in String(v, radix: 16, uppercase: true).leftPadded(to: 4) }
            expected.append("<\(hex(glyph))> <" + (glyph % 5 == 0 ? "0066" : "") + "\(hex(glyph))>")
        }
        let sorted = Array(UInt32(1)...351)
        let cmap = String(decoding: font.toUnicodeCMap(sortedGlyphs: sorted), as: UTF8.self)
        #expect(cmap == String(decoding: font.toUnicodeCMap(), as: UTF8.self))
        let lines = cmap.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasSuffix("beginbfchar") } == ["100 beginbfchar", "100 beginbfchar", "100 beginbfchar", "1 beginbfchar"])
        #expect(lines.filter { $0.hasPrefix("<") && $0 != "<0000> <FFFF>" } == expected)
    }

    @Test func dictionariesAreWrittenAsPDFWritesThem() {
        var d = PDFSyntax()
        d.raw("<<")
        d.entry("Type", name: "Page")
        d.entry("S", nameOf: "A B/C#")
        d.key("Kids")
        d.references([3, 4])
        d.space()
        d.entry("Rect", real: -12.3456)
        d.entry("Title", text: "Ø€")
        d.entry("URI", string: "a:b")
        d.raw(">>")
        #expect(String(decoding: d.bytes, as: UTF8.self)
                == "<</Type /Page /S /A#20B#2FC#23 /Kids [3 0 R 4 0 R] /Rect -12.346 /Title <FEFF00D820AC> /URI <613A62> >>")
    }

    /// Every two-byte glyph code, written into a literal string as the content streams have them,
    /// reads back as that code by PDF's rules for literal strings (ISO 32000-1 §7.3.4.2): the
    /// string ends only at its closing parenthesis, and no bare carriage return is left for a
    /// reader to turn into a line feed.
    @Test func everyGlyphCodeReadsBackFromItsLiteralString() {
        var c = PageContent(height: 100)
        let start = c.bytes.count
        c.byte(UInt8(ascii: "("))
        for code in UInt32(0)...0xFFFF { c.glyphCode(code) }
        c.byte(UInt8(ascii: ")"))
        let written = Array(c.bytes[(start + 1)...])
        #expect(!written.contains(0x0D))
        // A reader's literal string: `\` escapes the next byte (`\r` a carriage return), an
        // unescaped `)` ends it (brev never writes an unescaped `(` in one).
        var read: [UInt8] = []
        var i = 0, closedAt: Int?
        while i < written.count {
            let b = written[i]
            if b == UInt8(ascii: "\\") {
                let next = written[i + 1]
                read.append(next == UInt8(ascii: "r") ? 0x0D : next)
                i += 2
                continue
            }
            #expect(b != UInt8(ascii: "("))
            if b == UInt8(ascii: ")") {
                closedAt = i
                break
            }
            read.append(b)
            i += 1
        }
        #expect(closedAt == written.count - 1)
        #expect(read.count == 2 * 65_536)
        var wrong = 0
        for code in 0..<min(65_536, read.count / 2) where UInt32(read[2 * code]) << 8 | UInt32(read[2 * code + 1]) != UInt32(code) {
            wrong += 1
        }
        #expect(wrong == 0)
    }

    /// Numbers written through a pointer (`ByteWriter`, a glyph run's bytes) are the digits
    /// `PDFNumber.append` writes, and `nearest` rounds as `rounded()` does, halves away from zero.
    @Test func numbersThroughAPointerAreTheNumbersAppended() {
        var generator = SeededGenerator(seed: 8)
        let scratch = ScratchBytes(capacity: 64)
        var doubles: [Double] = [0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 0.0005, -0.0005, 0.0004999, 12.3455, 841.89, -3,
                                 0.49999999999999994, -0.49999999999999994, 4503599627370495.5, 1e14 + 0.5, 2e15, -2e15,
                                 .infinity, -.infinity, .nan]
        doubles += (0..<20_000).map { _ in Double.random(in: -2_000...2_000, using: &generator) }
        doubles += (0..<20_000).map { _ in Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) / 2_000 }
        for value in doubles {
            var expected: [UInt8] = []
            PDFNumber.append(value, to: &expected)
            #expect(expected == Self.reference(value), "\(value)")
            var w = scratch.writer(room: 64)
            w.number(value)
            #expect(Array(UnsafeBufferPointer(start: w.start, count: w.count)) == expected + [UInt8(ascii: " ")], "\(value)")
            if value.isFinite && abs(value) < 1e17 {
                #expect(PDFNumber.nearest(value) == Int(value.rounded()), "\(value)")
            }
        }
        var integers: [Int] = [0, 9, 10, -9, -10, 99, 100, Int.max, Int.min + 1]
        integers += (0..<20_000).map { _ in Int.random(in: -100_000...100_000, using: &generator) }
        for value in integers {
            var expected: [UInt8] = []
            PDFNumber.append(value, to: &expected)
            #expect(expected == Array(String(value).utf8), "\(value)")
            var w = scratch.writer(room: 64)
            w.integer(value)
            #expect(Array(UnsafeBufferPointer(start: w.start, count: w.count)) == expected, "\(value)")
        }
    }

    /// A number as PDF writes it, made another way: thousandths rounded half away from zero,
    /// the fraction's trailing zeros dropped, no sign on zero.
    static func reference(_ value: Double) -> [UInt8] {
        guard value.isFinite else { return Array("0".utf8) }
        let thousandths = Int((value * 1000).rounded())
        var text = (thousandths < 0 ? "-" : "") + String(abs(thousandths) / 1000)
        let fraction = abs(thousandths) % 1000
        if fraction != 0 {
            var digits = String(fraction).leftPadded(to: 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return Array(text.utf8)
    }

    /// Glyph codes and ActualText through the writer are the bytes `PageContent` writes.
    @Test func runBytesThroughAPointerAreThePageContentsBytes() {
        let scratch = ScratchBytes(capacity: 16)
        var c = PageContent(height: 100)
        let start = c.bytes.count
        var w = scratch.writer(room: 4 * 65_536 + 64)
        for code in UInt32(0)...0xFFFF {
            c.glyphCode(code)
            w.glyphCode(code)
        }
        let units: [UInt16] = [0x00AD, 0x0041, 0xD83D, 0xDE00, 0xFFFF]
        c.beginActualText(units[...])
        w.beginActualText(units[...])
        c.name("F12")
        w.fontName(12)
        #expect(Array(c.bytes[start...]) == Array(UnsafeBufferPointer(start: w.start, count: w.count)))
    }

    /// A bookmark's title is what Foundation made of the heading's text: soft hyphens out, then
    /// `.whitespaces` trimmed from both ends. Blanks, soft hyphens and letters at random, and
    /// headings as letters have them.
    @Test func bookmarkTitlesAreWhatFoundationTrimmed() {
        var generator = SeededGenerator(seed: 11)
        let pieces = [" ", "\t", "\u{A0}", "\u{2003}", "\u{3000}", "\u{AD}", "\n", "\u{200B}", "\u{FEFF}", "a", "Æ", "ø",
                      "e\u{301}", "§", "1.", "👩‍⚕️", " \u{AD} "]
        var texts = ["", " ", "\u{AD}", "Klagevejledning", " Sådan klager du\u{AD} ", "Be\u{AD}hand\u{AD}lings\u{AD}plan",
                     "\u{A0}Afgørelse\t", "\u{AD} \u{AD}", "\n Ny linje \n"]
        texts += (0..<2_000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
        }
        for text in texts {
            let foundation = text.replacingOccurrences(of: "\u{AD}", with: "").trimmingCharacters(in: .whitespaces)
            #expect(PDFDocumentWriter.bookmarkTitle(text).unicodeScalars.elementsEqual(foundation.unicodeScalars),
                    "\(Array(text.unicodeScalars).map { String($0.value, radix: 16) })")
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
