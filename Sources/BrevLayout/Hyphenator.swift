import BrevCore
import CHyphen

/// Danish hyphenation points from libhyphen with Debian's hyphen-da patterns. The dictionary
/// is ISO-8859-1, so words are lower-cased and converted to Latin-1; a word with characters
/// outside Latin-1 is simply not hyphenated.
final class Hyphenator {
    private let dictionary: UnsafeMutablePointer<HyphenDict>?
    /// Bounded, so a worker's memory stays flat over many distinct letters.
    private var cache = GenerationalCache<TextKey, [Int]>(capacity: Hyphenator.cacheCapacity)
    /// Entries per generation: only words long enough to break reach the cache; all example
    /// kinds together recur with about 550, and a letter brings one new word in two (measured
    /// as `Shaper.cacheCapacity`; 1,024 and 8,192 both hit 99.76%).
    static let cacheCapacity = 1024
    /// Characters kept before the first and after the last hyphen.
    let leftMin = 2
    let rightMin = 3
    /// Longer "words" are not hyphenated: no Danish word comes near this, and libhyphen's work
    /// (and first fit's search of the points) grows faster than the word on hostile input.
    let longestWord = 100

    /// A missing dictionary disables hyphenation rather than failing the letter: lines are
    /// then broken at spaces only.
    init(dictionaryPath: String) {
        dictionary = hnj_hyphen_load(dictionaryPath)
    }

    deinit {
        if let dictionary { hnj_hyphen_free(dictionary) }
    }

    var isAvailable: Bool { dictionary != nil }

    var cacheStatistics: CacheStatistics { cache.statistics }

    /// A new document begins: words only the one before hyphenated are dropped.
    func beginDocument() { cache.beginDocument() }

    /// Character offsets (in `word`'s Characters) after which a hyphen may be inserted.
    func points(in word: String) -> [Int] {
        if word.utf8.count > longestWord * 4 || word.count > longestWord { return [] } // bytes first: counted in O(1)
        // By bytes (`TextKey`): a word spelt with a combining accent is not hyphenated
        // (not Latin-1), its precomposed twin is.
        let key = TextKey(word)
        if let hit = cache.value(for: key) { return hit }
        let result = compute(word)
        cache.offer(result, for: key)
        return result
    }

    private func compute(_ word: String) -> [Int] {
        guard let dictionary else { return [] }
        let chars = Array(word)
        guard chars.count >= leftMin + rightMin, chars.allSatisfy(\.isLetter) else { return [] }
        var latin1: [CChar] = []
        for ch in word.lowercased() {
            guard ch.unicodeScalars.count == 1, let v = ch.unicodeScalars.first?.value, v < 256 else { return [] }
            latin1.append(CChar(bitPattern: UInt8(v)))
        }
        guard latin1.count == chars.count else { return [] }
        let length = latin1.count
        // libhyphen reads the word as a C string (strstr for its NOHYPHEN patterns) and writes
        // `hyphens` at offsets of what it finds: without the terminator it read past the word
        // and wrote past the buffer (heap corruption found by AddressSanitizer under two threads).
        latin1.append(0)
        var hyphens = [CChar](repeating: 0, count: length + 5)
        var rep: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var pos: UnsafeMutablePointer<Int32>?
        var cut: UnsafeMutablePointer<Int32>?
        let status = hnj_hyphen_hyphenate3(dictionary, latin1, Int32(length), &hyphens, nil, &rep, &pos, &cut,
                                           Int32(leftMin), Int32(rightMin), Int32(leftMin), Int32(rightMin))
        if let rep {
            for i in 0..<length { chyphen_free(rep[i]) }
            chyphen_free(rep)
        }
        chyphen_free(pos)
        chyphen_free(cut)
        guard status == 0 else { return [] }
        var points: [Int] = []
        for i in 0..<(length - 1) where hyphens[i] & 1 == 1 {
            let after = i + 1
            if after >= leftMin && chars.count - after >= rightMin { points.append(after) }
        }
        return points
    }
}
