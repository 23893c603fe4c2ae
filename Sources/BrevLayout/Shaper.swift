import BrevCore
import CHarfBuzz

/// A piece of text shaped in one face, in font units (size-independent, so one cache entry
/// serves every size).
struct ShapedText {
    struct Glyph {
        var id: UInt32
        var advance: Double
        var xOffset: Double
        var yOffset: Double
        /// UTF-8 byte offset of the glyph's cluster in the shaped text.
        var cluster: Int
    }

    var glyphs: [Glyph]
    var advance: Double
    var utf8Count: Int
}

/// HarfBuzz shaping with a cache of shaped words: letters repeat the same words, and the cache
/// saves about a third of all work (platform-notes.md §4). One per worker; not thread-safe.
final class Shaper {
    /// By the text's UTF-8 bytes (`TextKey`): different bytes may shape differently.
    private struct Key: Hashable {
        var text: String
        var face: Int

        static func == (a: Key, b: Key) -> Bool { a.face == b.face && TextKey.sameBytes(a.text, b.text) }

        func hash(into hasher: inout Hasher) {
            hasher.combine(face)
            TextKey.hashBytes(of: text, into: &hasher)
        }
    }

    let fonts: FontSet
    private let buffer: OpaquePointer
    private let language: hb_language_t
    /// Standard ligatures off: cairo's font subset maps a glyph to the character the font's own
    /// character map gives it, so an fi ligature would read back as U+FB01, or only through an
    /// ActualText span nested in the paragraph's marked content, which poppler's structure
    /// reader mishandles. Noto Sans draws f and i apart without touching, so nothing is lost.
    private var noLigatures: hb_feature_t = {
        var feature = hb_feature_t()
        _ = hb_feature_from_string("-liga", -1, &feature)
        return feature
    }()
    /// Bounded, so a worker's memory stays flat over many distinct letters (`GenerationalCache`).
    private var cache = GenerationalCache<Key, ShapedText>(capacity: Shaper.cacheCapacity)
    /// How a text splits between the main face and the fallback, per style: words repeat, so
    /// the per-character coverage check runs once per word.
    private var coverageSplits = GenerationalCache<Key, [(text: String, face: Int)]>(capacity: Shaper.cacheCapacity)
    /// Entries per generation. Measured (`letter-benchmark --memory N --mix`, every example
    /// kind in turn with new names, addresses and case numbers): all kinds together shape about
    /// 1,400 distinct texts that recur, and each letter brings about 4 new ones. 2,048 keeps the
    /// recurring ones: hit rate 99.56% against 99.61% with 8,192 (1,024: 97.2%, they no longer
    /// fit), and the caches are full, so memory is flat, after a few hundred letters instead of
    /// ~4,000 (Benchmarks/README.md, "Memory over many distinct letters").
    static let cacheCapacity = 2048
    /// Longer texts are not cached: words repeat, a pasted blob does not, and a worker lives
    /// for many letters.
    private let longestCachedText = 256

    init(fonts: FontSet, language: String = "da") {
        self.fonts = fonts
        self.buffer = hb_buffer_create()
        self.language = hb_language_from_string(language, -1)
    }

    deinit { hb_buffer_destroy(buffer) }

    func shape(_ text: String, style: FontSet.Style) throws(LayoutError) -> ShapedText {
        try shape(text, face: style.rawValue)
    }

    /// Shapes `text` in one face (an index into the font set).
    func shape(_ text: String, face faceIndex: Int) throws(LayoutError) -> ShapedText {
        let key = Key(text: text, face: faceIndex)
        if let hit = cache.value(for: key) {
            return hit
        }
        let face = fonts.faces[faceIndex]
        hb_buffer_clear_contents(buffer)
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                hb_buffer_add_utf8(buffer, $0, Int32(p.count), 0, Int32(p.count))
            }
        }
        hb_buffer_guess_segment_properties(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, language)
        hb_shape(face.font, buffer, &noLigatures, 1)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        var glyphs: [ShapedText.Glyph] = []
        glyphs.reserveCapacity(Int(count))
        var advance = 0.0
        for i in 0..<Int(count) {
            let info = infos[i]
            if info.codepoint == 0 {
                // A .notdef glyph would print as a box: refuse, naming the code point (never the text).
                let offset = Int(info.cluster)
                let scalar = String(decoding: utf8[offset...], as: UTF8.self).unicodeScalars.first!
                throw .missingGlyph(character: String(scalar), codepoint: scalar.value, place: .unknown)
            }
            let pos = positions[i]
            glyphs.append(.init(id: info.codepoint, advance: Double(pos.x_advance), xOffset: Double(pos.x_offset),
                                yOffset: Double(pos.y_offset), cluster: Int(info.cluster)))
            advance += Double(pos.x_advance)
        }
        let shaped = ShapedText(glyphs: glyphs, advance: advance, utf8Count: utf8.count)
        if utf8.count <= longestCachedText { cache.offer(shaped, for: key) }
        return shaped
    }

    /// The hyphen drawn at a hyphenated line end: the hyphen's shape, but the font's own glyph
    /// for the soft hyphen (U+00AD) where it has one. HarfBuzz never gives that glyph to running
    /// text, so in the PDF it stands only for line-end hyphens and its ToUnicode entry is U+00AD:
    /// text extraction rejoins the word without an ActualText span nested in the paragraph's
    /// marked content (poppler's structure reader ends the paragraph at such a nested span).
    func lineEndHyphen(face faceIndex: Int) throws(LayoutError) -> ShapedText {
        var hyphen = try shape("-", face: faceIndex)
        if hyphen.glyphs.count == 1, let softHyphen = fonts.faces[faceIndex].nominalGlyph("\u{AD}") {
            hyphen.glyphs[0].id = softHyphen
        }
        return hyphen
    }

    /// A new document begins: what only the one before shaped is dropped (`GenerationalCache`).
    func beginDocument() {
        cache.beginDocument()
        coverageSplits.beginDocument()
    }

    /// The shaping and coverage caches' size and use, for the benchmark.
    var cacheStatistics: [(name: String, statistics: CacheStatistics)] {
        [("shaping", cache.statistics), ("coverage", coverageSplits.statistics)]
    }

    func coverageSplit(_ text: String, style: FontSet.Style) -> [(text: String, face: Int)]? {
        coverageSplits.value(for: Key(text: text, face: style.rawValue))
    }

    func remember(_ split: [(text: String, face: Int)], for text: String, style: FontSet.Style) {
        if !split.isEmpty && text.utf8.count <= longestCachedText { coverageSplits.offer(split, for: Key(text: text, face: style.rawValue)) }
    }
}
