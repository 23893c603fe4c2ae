@testable import BrevLayout
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
}
