/// A cache of bounded size for a worker that lives for many letters: entries go into the
/// current generation; when it is full, it becomes the previous one and the one before is
/// dropped. A hit in the previous generation moves the entry back into the current one, so
/// the words every letter uses stay, and the names and addresses of past letters age out.
/// At most `2 × capacity` entries; memory stays flat however many distinct letters pass.
struct GenerationalCache<Key: Hashable, Value> {
    let capacity: Int
    private var current: [Key: Value] = [:]
    private var previous: [Key: Value] = [:]

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    var count: Int { current.count + previous.count }

    mutating func value(for key: Key) -> Value? {
        if let hit = current[key] { return hit }
        guard let old = previous.removeValue(forKey: key) else { return nil }
        insert(old, for: key)
        return old
    }

    mutating func insert(_ value: Value, for key: Key) {
        if current.count >= capacity {
            previous = current
            current = [:]
        }
        current[key] = value
    }
}
