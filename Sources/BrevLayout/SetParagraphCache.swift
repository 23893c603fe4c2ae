import BrevCore

/// Paragraphs already set, for a worker that lives for many letters: every letter of a kind
/// repeats most of its paragraphs word for word (the rules it cites, the complaint guidance,
/// the closing), and setting a paragraph (breaks, shaping, hyphenation, total fit) was a
/// quarter of a letter's work. Setting is a function of the text, its styles and links, and
/// the paragraph's style alone (the fonts and dictionary are the worker's for its lifetime),
/// so a remembered paragraph is the one that would be set again, glyph for glyph.
/// Bounded (`GenerationalCache`): the boilerplate every letter uses stays, past letters' names
/// and addresses age out. One per worker; not thread-safe.
final class SetParagraphCache {
    /// Texts and links by their UTF-8 bytes (`TextKey`): canonically equivalent text in other
    /// bytes may be set differently.
    struct Key: Hashable {
        var content: [StyledText]
        var style: ParagraphStyle
        var algorithm: ParagraphSetter.Algorithm

        static func == (a: Key, b: Key) -> Bool {
            guard a.style == b.style, a.algorithm == b.algorithm, a.content.count == b.content.count else { return false }
            for (x, y) in zip(a.content, b.content) {
                guard x.style == y.style, TextKey.sameBytes(x.text, y.text) else { return false }
                switch (x.link, y.link) {
                case (nil, nil): continue
                case (let p?, let q?) where TextKey.sameBytes(p, q): continue
                default: return false
                }
            }
            return true
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(style)
            hasher.combine(algorithm)
            hasher.combine(content.count)
            for run in content {
                hasher.combine(run.style)
                TextKey.hashBytes(of: run.text, into: &hasher)
                if let link = run.link { TextKey.hashBytes(of: link, into: &hasher) } else { hasher.combine(-1) }
            }
        }
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
