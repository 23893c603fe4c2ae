@testable import BrevLayout
import BrevDocument
import BrevTestSupport
import Testing

/// The layout caches are bounded: a worker's memory stays flat over many distinct letters.
@Suite struct GenerationalCacheTests {
    @Test func neverHoldsMoreThanTwoGenerations() {
        var cache = GenerationalCache<Int, Int>(capacity: 100)
        for i in 0..<10_000 { cache.insert(i, for: i) }
        #expect(cache.count <= 200)
        #expect(cache.value(for: 9_999) == 9_999)
        #expect(cache.value(for: 0) == nil)
    }

    /// A word every letter uses is kept however many other words pass through.
    @Test func anEntryInUseSurvivesGenerations() {
        var cache = GenerationalCache<String, Int>(capacity: 10)
        cache.insert(1, for: "behandling")
        for i in 0..<1_000 {
            cache.insert(i, for: "navn \(i)")
            #expect(cache.value(for: "behandling") == 1)
        }
    }

    /// The benchmark's hit rates come from these counts: a hit in either generation is a hit.
    @Test func countsHitsAndMisses() {
        var cache = GenerationalCache<Int, Int>(capacity: 2)
        #expect(cache.value(for: 1) == nil)
        cache.insert(10, for: 1)
        cache.insert(20, for: 2)
        cache.insert(30, for: 3) // 1 and 2 are now the previous generation
        #expect(cache.value(for: 1) == 10)
        #expect(cache.value(for: 3) == 30)
        #expect(cache.value(for: 4) == nil)
        #expect(cache.statistics.hits == 2)
        #expect(cache.statistics.misses == 2)
        #expect(cache.statistics.capacity == 4)
    }

    /// Generations turn over many times on the two tables they keep, and every entry read back
    /// is the one written for its key.
    @Test func turnoversKeepEntriesRight() {
        var cache = GenerationalCache<String, Int>(capacity: 7)
        for i in 0..<1_000 {
            cache.insert(i, for: "ord \(i)")
            #expect(cache.value(for: "ord \(i)") == i)
            if i >= 1 { #expect(cache.value(for: "ord \(i - 1)") == i - 1) }
            #expect(cache.count <= 14)
        }
    }

    /// Layout's own caches keep to their bounds: thousands of distinct words (names and
    /// numbers that never come back) leave at most two generations in each.
    @Test func layoutCachesStayWithinTheirBounds() throws {
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        let words = (0..<(2 * Shaper.cacheCapacity + 500)).map { "Borgernavn\(String($0, radix: 36))sen" }
        let paragraphs = stride(from: 0, to: words.count, by: 100).map { start in
            Block.paragraph([.text(words[start..<min(words.count, start + 100)].joined(separator: " "))])
        }
        _ = try layout.layout(Document(title: "T", blocks: paragraphs))
        let caches = Dictionary(uniqueKeysWithValues: layout.cacheStatistics.map { ($0.name, $0.statistics) })
        #expect(Set(caches.keys) == ["shaping", "coverage", "hyphenation"])
        for (name, statistics) in caches {
            #expect(statistics.entries <= statistics.capacity, "\(name)")
            #expect(statistics.misses > 0, "\(name) was used")
        }
        #expect(caches["shaping"]!.capacity == 2 * Shaper.cacheCapacity)
        #expect(caches["shaping"]!.entries > Shaper.cacheCapacity, "more distinct words than one generation")
        #expect(caches["hyphenation"]!.capacity == 2 * Hyphenator.cacheCapacity)
    }
}
