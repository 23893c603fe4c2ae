import BrevDocument
import CHarfBuzzSubset
import Foundation

/// Makes the HTML twin's web fonts: the same Noto Sans files the PDF is set in (`Fonts/`),
/// subset with HarfBuzz's hb-subset to the characters the page shows, so a letter carries about
/// 10–12 kB per face instead of 0.5 MB and still looks like its PDF. Characters Noto Sans
/// lacks get the fallback face (DejaVu Sans), as in the PDF. The source faces are loaded once;
/// HarfBuzz faces are immutable, so one subsetter may serve several threads.
public final class WebFontSubsetter: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case fontUnreadable(file: String)
        case subsetFailed(file: String)

        /// The font file, under `Fonts/`.
        public var file: String {
            switch self {
            case .fontUnreadable(let file), .subsetFailed(let file): return file
            }
        }

        public var description: String {
            switch self {
            case .fontUnreadable(let file): return "Fonts/\(file) cannot be read as a font"
            case .subsetFailed(let file): return "hb-subset could not subset Fonts/\(file)"
            }
        }
    }

    private struct Source {
        var file: String
        var family: String
        var style: WebFont.Style
        var face: OpaquePointer
    }

    private let main: [WebFont.Style: Source]
    private let fallback: [WebFont.Style: Source]
    /// The characters Noto Sans (regular) has: the rest goes to the fallback face.
    private let mainCoverage: CodePointRanges
    /// Recent pages' fonts by their characters, the most recently used last. A worker's letters
    /// show mostly the same characters (a kind's text is fixed; a name or an address brings a
    /// few), and the service's live preview renders one letter at every pause in typing; a
    /// subset is made once for them all and reused byte for byte. Bounded: at most
    /// `recentCapacity` sets of faces (each 20–60 kB with its base64 text).
    private var recent: [(key: [UInt32], fonts: [WebFont])] = []
    static let recentCapacity = 8
    /// The characters every page's Noto Sans carries: the ASCII letters and digits and the
    /// Danish letters, all in Noto Sans. The fallback face still carries only what is shown.
    static let roundedUpTo = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ÆØÅæøå"
    private let lock = NSLock()
    private var hits = 0
    private var misses = 0

    /// Pages whose fonts came from `recent`, and pages that were subset anew.
    public var reuse: (hits: Int, misses: Int) { lock.withLock { (hits, misses) } }

    public init(fontsDirectory: URL) throws(Failure) {
        func load(_ file: String, _ family: String, _ style: WebFont.Style) throws(Failure) -> Source {
            let path = fontsDirectory.appendingPathComponent(file).path
            guard let blob = hb_blob_create_from_file_or_fail(path) else { throw .fontUnreadable(file: file) }
            defer { hb_blob_destroy(blob) }
            guard let face = hb_face_create(blob, 0), hb_face_get_glyph_count(face) > 0 else { throw .fontUnreadable(file: file) }
            return Source(file: file, family: family, style: style, face: face)
        }
        var main: [WebFont.Style: Source] = [:]
        for (style, name) in [(WebFont.Style.regular, "Regular"), (.bold, "Bold"), (.italic, "Italic"), (.boldItalic, "BoldItalic")] {
            main[style] = try load("NotoSans-\(name).ttf", WebFont.mainFamily, style)
        }
        // DejaVu Sans has no italic in Fonts/; the browser slants the upright one, as layout's fallback does.
        fallback = [.regular: try load("DejaVuSans.ttf", WebFont.fallbackFamily, .regular),
                    .bold: try load("DejaVuSans-Bold.ttf", WebFont.fallbackFamily, .bold)]
        self.main = main
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(main[.regular]!.face, set)
        mainCoverage = CodePointRanges(set)
    }

    deinit {
        for source in Array(main.values) + Array(fallback.values) { hb_face_destroy(source.face) }
    }

    /// The faces a Document's HTML page needs, each subset to the characters it shows: regular
    /// and bold always, italic only when the letter has emphasis, the fallback only for
    /// characters Noto Sans lacks.
    ///
    /// Noto Sans is subset to the shown characters and every letter and digit of
    /// `roundedUpTo` besides: what a name, a street or a case number brings is then mostly
    /// there already, so the letters of one kind share their fonts (`recent`) instead of each
    /// making its own (some 1.5 kB more a face: each of the four faces 12–14 kB instead of
    /// 11–12).
    public func fonts(for document: Document) throws(Failure) -> [WebFont] {
        let set = document.shownCharacterValues(adding: Self.roundedUpTo)
        let italic = document.usesItalic
        let key = set + [italic ? 1 : 0]
        if let hit = lock.withLock({ recentFonts(for: key) }) { return hit }
        let styles: [WebFont.Style] = italic ? [.regular, .bold, .italic, .boldItalic] : [.regular, .bold]
        var out: [WebFont] = []
        for style in styles {
            out.append(try subset(main[style]!, to: set))
        }
        // What Noto Sans lacks is what the page shows: `roundedUpTo` is all in Noto Sans.
        let missing = set.filter { !mainCoverage.contains($0) && !Unicode.Scalar($0)!.properties.isWhitespace }
        if !missing.isEmpty {
            for style in [WebFont.Style.regular, .bold] { out.append(try subset(fallback[style]!, to: missing)) }
        }
        lock.withLock {
            if recent.count >= Self.recentCapacity { recent.removeFirst() }
            recent.append((key, out))
        }
        return out
    }

    /// The fonts made before for `key`, moved to the end as the most recently used. Called
    /// with the lock held.
    private func recentFonts(for key: [UInt32]) -> [WebFont]? {
        guard let i = recent.lastIndex(where: { $0.key == key }) else {
            misses += 1
            return nil
        }
        hits += 1
        let entry = recent.remove(at: i)
        recent.append(entry)
        return entry.fonts
    }

    private func subset(_ source: Source, to codePoints: [UInt32]) throws(Failure) -> WebFont {
        guard let input = hb_subset_input_create_or_fail() else { throw .subsetFailed(file: source.file) }
        defer { hb_subset_input_destroy(input) }
        let unicodes = hb_subset_input_unicode_set(input)
        for cp in codePoints { hb_set_add(unicodes, cp) }
        // Screens rasterise well without TrueType hinting; dropping it halves the subset.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        guard let subset = hb_subset_or_fail(source.face, input) else { throw .subsetFailed(file: source.file) }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { throw .subsetFailed(file: source.file) }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: Int(length)))
        return WebFont(family: source.family, style: source.style, mediaType: "font/ttf", data: bytes)
    }
}

/// A set of code points as its sorted runs, read from an `hb_set_t` run by run: building a
/// `Set` of Noto Sans's 2,840 code points one by one cost every start 1.3 M instructions
/// (issue 15). Immutable, so threads may ask it at once (an `hb_set_t` caches its last lookup).
struct CodePointRanges: Sendable {
    private var firsts: [UInt32] = []
    private var lasts: [UInt32] = []

    init(_ set: OpaquePointer?) {
        var first = UInt32.max, last = UInt32.max  // HB_SET_VALUE_INVALID: start before the first run
        while hb_set_next_range(set, &first, &last) != 0 {
            firsts.append(first)
            lasts.append(last)
        }
    }

    func contains(_ codePoint: UInt32) -> Bool {
        // The last run that starts at or before the code point.
        var low = 0, high = firsts.count
        while low < high {
            let middle = (low + high) / 2
            if firsts[middle] <= codePoint { low = middle + 1 } else { high = middle }
        }
        return low > 0 && codePoint <= lasts[low - 1]
    }
}
