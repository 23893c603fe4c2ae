/// Paragraphs already set by this worker, by their text and style. Most of a letter is the same
/// text in every letter of its kind (the complaint guidance, the legal basis, the letterhead);
/// setting it again would shape, hyphenate and break the same words into the same lines. A
/// paragraph's lines depend only on its styled text, its style and the algorithm (the fonts and
/// the hyphenation patterns are the worker's and never change), so a hit is exactly what setting
/// it again would give. Bounded like the word caches: the boilerplate stays, past letters'
/// names, addresses and reasons age out. One per worker; not thread-safe.
final class SetParagraphCache {
    struct Key: Hashable {
        var content: [StyledText]
        var style: ParagraphStyle
        var algorithm: ParagraphSetter.Algorithm
    }

    /// Enough for the shared paragraphs of every letter kind of a few profiles (about 20 each).
    static let capacity = 512

    private var entries = GenerationalCache<Key, [SetLine]>(capacity: SetParagraphCache.capacity)
    private(set) var hits = 0
    private(set) var misses = 0

    var count: Int { entries.count }

    /// The lines of the paragraph, set by `set` only the first time this worker meets it.
    func lines(for key: Key, set: () throws(LayoutError) -> [SetLine]) throws(LayoutError) -> [SetLine] {
        if let lines = entries.value(for: key) {
            hits += 1
            return lines
        }
        misses += 1
        let lines = try set()
        entries.insert(lines, for: key)
        return lines
    }
}
