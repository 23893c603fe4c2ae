import BrevCore

/// The texts with no-break spaces that the HTML writer made before (`HTMLWriter.joiningProtectedSpaces`),
/// kept by a worker that writes many letters. Only texts the no-break patterns must read come
/// here (a digit and white space, a date, "§"): of a letter's texts, its fixed wording (the law,
/// the centre's phone number, the complaint deadline) recurs in every letter of its kind, its
/// case number and dates in few. Bounded like layout's caches: two generations of `capacity`
/// texts; when the current one is full it becomes the previous one and the one before is dropped,
/// and a text found in the previous one moves back. Not thread-safe: one per pipeline.
public final class JoinedTexts {
    let capacity: Int
    /// By the text's UTF-8 bytes (`TextKey`), not by canonical equivalence, which normalizes
    /// every text with a letter beyond ASCII to hash it: two texts are one entry only if their
    /// bytes are.
    private var current: [TextKey: String] = [:]
    private var previous: [TextKey: String] = [:]

    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int = 256) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    public var count: Int { current.count + previous.count }

    func text(for text: String) -> String? {
        let key = TextKey(text)
        if let hit = current[key] {
            hits += 1
            return hit
        }
        guard let old = previous.removeValue(forKey: key) else {
            misses += 1
            return nil
        }
        hits += 1
        keep(old, for: key)
        return old
    }

    func insert(_ text: String, for key: String) {
        keep(text, for: TextKey(key))
    }

    private func keep(_ text: String, for key: TextKey) {
        if current.count >= capacity {
            swap(&previous, &current)
            current.removeAll(keepingCapacity: true)
        }
        current[key] = text
    }
}
