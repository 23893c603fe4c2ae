#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level answers for the letter rules' text checks and the address links, exact only for
/// "plain" text: ASCII and the few hundred characters of Danish and European letters
/// (`isPlain`). None of those matches an ASCII letter when a regular expression ignores case (as
/// the Kelvin sign matches "k" and "ſ" matches "s"), and none joins a space or a tab into one
/// character with it (as a combining accent does). So in plain text an ASCII word found by its
/// bytes, ignoring ASCII case, is where a case-insensitive pattern's literal word can stand, and
/// a space byte is a space character. Any other text is left to the slow, general code.
/// `PlainTextTests` (BrevCaseTests) checks both properties for every plain character.
public enum PlainText {
    /// Whether every character of `bytes` (valid UTF-8) is ASCII or a plain non-ASCII scalar.
    public static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while i < n {
            // ASCII, most of a letter, eight bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let v: UInt32
            if b0 < 0xE0 {
                guard i + 1 < n else { return false }
                v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                guard i + 2 < n else { return false }
                v = UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                i += 3
            } else {
                return false
            }
            if !isPlain(v) { return false }
        }
        return true
    }

    /// Latin-1 and Latin Extended-A letters and signs, less those that fold to or from ASCII
    /// letters (ß, İ, ı, ŉ, ſ) and the soft hyphen; dashes, quotes and other general punctuation,
    /// less the invisible format characters; the euro sign.
    public static func isPlain(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0xFF: return v != 0xDF && v != 0xAD
        case 0x100...0x17F: return v != 0x130 && v != 0x131 && v != 0x149 && v != 0x17F
        case 0x2010...0x2027, 0x2030...0x205E, 0x20AC: return true
        default: return false
        }
    }

    /// Whether `word` (lowercase ASCII letters, digits and signs) stands in `bytes`, ASCII letters
    /// compared without case.
    public static func containsCaseless(_ word: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        word.withUTF8Buffer { w in
            let m = w.count
            guard m > 0, bytes.count >= m else { return m == 0 }
            let first = w[0]
            // A capital letter is never a folded byte.
            guard first &- 0x41 >= 26, let base = bytes.baseAddress else { return false }
            // The bytes that fold to `first`: itself, and its capital for a small letter. Each
            // candidate is found by memchr (the earlier of the two), the rest compared after it.
            let capital: Int32? = first &- 0x61 < 26 ? Int32(first - 0x20) : nil
            let last = bytes.count - m
            var i = 0
            while i <= last {
                let span = last - i + 1
                var found = memchr(base + i, Int32(first), span).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                if let capital, let c = memchr(base + i, capital, (found ?? last + 1) - i) {
                    found = base.distance(to: c.assumingMemoryBound(to: UInt8.self))
                }
                guard let j = found else { return false }
                var k = 1
                while k < m && fold(bytes[j + k]) == w[k] { k += 1 }
                if k == m { return true }
                i = j + 1
            }
            return false
        }
    }

    /// An ASCII capital letter as its small letter; every other byte as it is.
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }
}
