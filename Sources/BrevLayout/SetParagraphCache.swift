/// Paragraphs already set, for a worker that lives for many letters: every letter of a kind
/// repeats most of its paragraphs word for word (the rules it cites, the complaint guidance,
/// the closing), and setting a paragraph (breaks, shaping, hyphenation, total fit) was a
/// quarter of a letter's work. Setting is a function of the text, its styles and links, and
/// the paragraph's style alone (the fonts and dictionary are the worker's for its lifetime),
/// so a remembered paragraph is the one that would be set again, glyph for glyph.
/// Bounded (`GenerationalCache`): the boilerplate every letter uses stays, past letters' names
/// and addresses age out. One per worker; not thread-safe.
final class SetParagraphCache {
    struct Key: Hashable {
        var content: [StyledText]
        var style: ParagraphStyle
        var algorithm: ParagraphSetter.Algorithm
    }

    /// Paragraphs per generation: more than a letter sets (the afslag letter's Document dump has
    /// 54 lines; address and case-info lines, list labels and table cells each count as one),
    /// so the paragraphs a letter shares with the one before are still in one of the two.
    /// Measured: 2 × 128 saves as many instructions as 2 × 256; peak RSS over 10,000 distinct
    /// letters is 3.5 MiB above no cache at all (Benchmarks/README.md).
    static let capacity = 128
    /// Longer paragraphs are not kept: a set line holds about 40 bytes per character, and a
    /// letter's boilerplate paragraphs are shorter than this.
    static let longestKeptText = 1024

    private var cache = GenerationalCache<Key, [SetLine]>(capacity: SetParagraphCache.capacity)

    func lines(for key: Key) -> [SetLine]? { cache.value(for: key) }

    func remember(_ lines: [SetLine], for key: Key) {
        guard key.content.reduce(0, { $0 + $1.text.utf8.count }) <= Self.longestKeptText else { return }
        cache.offer(lines, for: key)
    }

    var count: Int { cache.count }

    /// A new document begins: paragraphs only the one before set are dropped.
    func beginDocument() { cache.beginDocument() }
}
