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

    /// What one document alone offered is found within it and gone once the next begins: a
    /// recipient's name does not take a place for the letters after.
    @Test func anEntryOfOneDocumentLastsForThatDocument() {
        var cache = GenerationalCache<String, Int>(capacity: 10)
        cache.beginDocument()
        cache.offer(7, for: "Jensen")
        #expect(cache.value(for: "Jensen") == 7)
        #expect(cache.count == 0, "not among the entries kept across documents")
        cache.beginDocument()
        #expect(cache.value(for: "Jensen") == nil)
    }

    /// A key offered again in a later document is kept across documents from then on.
    @Test func anEntryOfferedInTwoDocumentsIsKept() {
        var cache = GenerationalCache<String, Int>(capacity: 10)
        cache.beginDocument()
        cache.offer(1, for: "behandling")
        cache.beginDocument()
        #expect(cache.value(for: "behandling") == nil)
        cache.offer(1, for: "behandling")
        for i in 0..<50 {
            cache.beginDocument()
            cache.offer(i, for: "navn \(i)")
            #expect(cache.value(for: "behandling") == 1)
        }
        #expect(cache.count == 1, "the names of single documents never joined")
    }

    /// A document's own entries are bounded as the generations are.
    @Test func aDocumentsOwnEntriesAreBounded() {
        var cache = GenerationalCache<Int, Int>(capacity: 10)
        cache.beginDocument()
        for i in 0..<100 { cache.offer(i, for: i) }
        #expect((0..<100).filter { cache.value(for: $0) != nil }.count == 10)
    }

    /// Layout's own caches keep to their bounds: thousands of distinct words, each in two
    /// documents (so that each is kept across documents), leave at most two generations in each.
    @Test func layoutCachesStayWithinTheirBounds() throws {
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
        // Two groups of more words than a generation holds; each group's documents laid out
        // twice in a row, so its words come back in a later document while their keys are
        // still remembered.
        for group in 0..<2 {
            let words = (0..<(Shaper.cacheCapacity + 500)).map { "Borgernavn\(group)x\(String($0, radix: 36))sen" }
            let documents = stride(from: 0, to: words.count, by: 500).map { start in
                Document(title: "T", blocks: stride(from: start, to: min(words.count, start + 500), by: 100).map {
                    Block.paragraph([.text(words[$0..<min(words.count, $0 + 100, start + 500)].joined(separator: " "))])
                })
            }
            for _ in 0..<2 {
                for document in documents { _ = try layout.layout(document) }
            }
        }
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
