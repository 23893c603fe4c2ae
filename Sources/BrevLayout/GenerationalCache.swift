/// A cache of bounded size for a worker that lives for many letters: entries go into the
/// current generation; when it is full, it becomes the previous one and the one before is
/// dropped. A hit in the previous generation moves the entry back into the current one, so
/// the words every letter uses stay, and the names and addresses of past letters age out.
/// At most `2 × capacity` entries; memory stays flat however many distinct letters pass.
struct GenerationalCache<Key: Hashable, Value> {
    let capacity: Int
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]
    /// Look-ups answered and not, for the benchmark's hit rate (`CacheStatistics`).
    private(set) var hits = 0
    private(set) var misses = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { current.count + previous.count }

    mutating func value(for key: Key) -> Value? {
        if let hit = current[key] {
            hits += 1
            return hit
        }
        guard let old = previous.removeValue(forKey: key) else {
            misses += 1
            return nil
        }
        hits += 1
        insert(old, for: key)
        return old
    }

    mutating func insert(_ value: Value, for key: Key) {
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
