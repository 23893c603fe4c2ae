@testable import BrevPDF
import BrevTestSupport
import Foundation
import Testing

/// Font subsets cut from the face prepared for subsetting (`hb_subset_preprocess` on the font
/// cut to the tables a subset keeps) against subsets cut from the font file's own face: the
/// same bytes, for every font brev ships and glyph sets of every size.
struct FontSubsetTests {
    static let fonts: [String] = {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Fonts").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".ttf") }.sorted().map { dir + "/" + $0 }
    }()

    @Test func aPreparedFaceCutsTheBytesTheFileCuts() throws {
        #expect(Self.fonts.count >= 6, "the fonts of Fonts/")
        var generator = SeededGenerator(seed: 9)
        for path in Self.fonts {
            let program = try FontProgram(path: path)
            #expect(!program.isPrepared)
            for round in 0..<40 {
                // A letter's glyphs (tens to a few hundred, many of them composites: accented
                // letters), a single glyph, or none but .notdef; sometimes the font's last glyph.
                let size = round == 0 ? 0 : round == 1 ? 1 : Int.random(in: 2...400, using: &generator)
                var glyphs = Set((0..<size).map { _ in UInt32.random(in: 1..<UInt32(program.glyphCount), using: &generator) })
                if round % 7 == 3 { glyphs.insert(UInt32(program.glyphCount - 1)) }
                let sorted = glyphs.sorted()
                let fromFile = try program.fontFile(sorted, from: .file)
                let fromPrepared = try program.fontFile(sorted, from: .prepared)
                #expect(program.isPrepared, "\(path)")
                #expect(fromFile.count > 0)
                #expect(fromPrepared == fromFile, "\(path): \(sorted.count) glyphs, \(fromPrepared.count) bytes against \(fromFile.count)")
            }
        }
    }

    /// The face is prepared only after `preparedAfter` misses of the subset cache; found
    /// subsets never count, and what the cache gives is what a new font program cuts.
    @Test func aFontIsPreparedAfterItsMisses() throws {
        let path = try #require(Self.fonts.first { $0.hasSuffix("NotoSans-Regular.ttf") })
        let program = try FontProgram(path: path)
        let deflater = try Deflater(level: PDFRenderer.strongLevel)
        let sets: [[UInt32]] = (0...FontProgram.preparedAfter).map { i in Array(UInt32(10 + i)...UInt32(60 + 3 * i)) }
        for (i, glyphs) in sets.enumerated() {
            let first = try program.subset(glyphs, deflater: deflater)
            _ = try program.subset(glyphs, deflater: deflater)
            #expect(program.isPrepared == (i == FontProgram.preparedAfter), "after \(i + 1) misses")
            let fresh = try FontProgram(path: path).subset(glyphs, deflater: deflater)
            #expect(first.deflated == fresh.deflated && first.length == fresh.length && first.name == fresh.name)
        }
    }
}
