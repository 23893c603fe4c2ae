/// A cache of bounded size for a worker that lives for many letters: entries go into the
/// current generation; when it is full, it becomes the previous one and the one before is
/// dropped. A hit in the previous generation moves the entry back into the current one, so
/// the words every letter uses stay, and the names and addresses of past letters age out.
/// At most `2 × capacity` entries; memory stays flat however many distinct letters pass.
///
/// Callers `offer` what they computed, and the layout calls `beginDocument` before each
/// letter. An entry first offered in this document is kept for this document only; it joins
/// the generations when its key is offered again in a later one. Most keys a letter brings
/// (its recipient's name, street, case number) never come back in another letter: kept at
/// once, they would fill both generations with entries nobody asks for again, and a batch of
/// 1,000 letters would measure a worker far below the memory it reaches after 10,000 (+15%).
/// Keys offered in earlier documents are remembered by their hash alone, in two generations
/// of the same bound, as are a document's own entries; a hash collision only lets an entry in early (look-ups use the whole key).
struct GenerationalCache<Key: Hashable, Value> {
    /// A key with its hash, computed once: a look-up may probe three tables and an offer two
    /// sets and a table, and a text key's hash reads all of its bytes.
    private struct Hashed: Hashable {
        let key: Key
        let hash: Int

        init(_ key: Key) {
            self.key = key
            hash = key.hashValue
        }

        static func == (a: Hashed, b: Hashed) -> Bool { a.hash == b.hash && a.key == b.key }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    let capacity: Int
    private var current: [Hashed: Value] = [:]
    private var previous: [Hashed: Value] = [:]
    private var thisDocument: [Hashed: Value] = [:]
    private var offeredBefore: Set<Int> = []
    private var offeredBeforePrevious: Set<Int> = []
    /// Look-ups answered and not, for the benchmark's hit rate (`CacheStatistics`).
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Entries kept across documents.
    var count: Int { current.count + previous.count }

    mutating func value(for key: Key) -> Value? {
        let key = Hashed(key)
        if let hit = current[key] {
            hits += 1
            return hit
        }
        guard let old = previous.removeValue(forKey: key) else {
            if let local = thisDocument[key] {
                hits += 1
                return local
            }
            misses += 1
            return nil
        }
        hits += 1
        insert(old, for: key)
        return old
    }

    /// Keeps `value` across documents if `key` was offered in an earlier one, else for this
    /// document only.
    mutating func offer(_ value: Value, for key: Key) {
        let key = Hashed(key)
        if offeredBefore.contains(key.hash) || offeredBeforePrevious.contains(key.hash) {
            insert(value, for: key)
        } else if thisDocument.count < capacity {
            // Bounded too: a long document (the quality standard, a hostile case) keeps at most
            // a generation's worth of its own entries.
            thisDocument[key] = value
        }
    }

    /// Ends the document before: its own entries are dropped and their keys remembered.
    mutating func beginDocument() {
        guard !thisDocument.isEmpty else { return }
        for key in thisDocument.keys {
            if offeredBefore.count >= capacity {
                swap(&offeredBeforePrevious, &offeredBefore)
                offeredBefore.removeAll(keepingCapacity: true)
            }
            offeredBefore.insert(key.hash)
        }
        thisDocument.removeAll(keepingCapacity: true)
    }

    /// Keeps `value` across documents at once.
    mutating func insert(_ value: Value, for key: Key) { insert(value, for: Hashed(key)) }

    private mutating func insert(_ value: Value, for key: Hashed) {
        if current.count >= capacity {
            // The dropped generation's table is emptied and reused as the new current one
            // rather than freed and grown again by doubling: the same two tables serve for the
            // life of the worker, so a turnover leaves no freed tables behind in the heap.
            swap(&previous, &current)
            current.removeAll(keepingCapacity: true)
        }
        current[key] = value
    }

    var statistics: CacheStatistics {
        CacheStatistics(entries: count, capacity: 2 * capacity, hits: hits, misses: misses)
    }
}

/// One cache's size and use, for measuring its bound (`letter-benchmark --memory`).
public struct CacheStatistics: Sendable {
    public var entries: Int
    /// The most entries it may hold.
    public var capacity: Int
    public var hits: Int
    public var misses: Int

    public var hitRate: Double { hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses) }
}
