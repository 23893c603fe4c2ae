import Foundation

/// A text as a cache key by its UTF-8 bytes. `String` hashes non-ASCII text by normalising it
/// (NFC) on every hash, and Danish words are rarely ASCII: that was a quarter of a million
/// instructions a letter in the layout's caches. Bytes are at least as right for what those
/// caches hold: texts that are canonically equivalent in other bytes may shape, hyphenate,
/// break and join differently, so each is computed for itself. The layout's caches and the
/// HTML writer's `JoinedTexts` key by it.
public struct TextKey: Hashable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: TextKey, b: TextKey) -> Bool { sameBytes(a.text, b.text) }

    public func hash(into hasher: inout Hasher) { TextKey.hashBytes(of: text, into: &hasher) }

    /// The text's UTF-8 bytes and their count (so that "ab", "c" and "a", "bc" hash apart in a
    /// sequence).
    public static func hashBytes(of text: String, into hasher: inout Hasher) {
        var text = text // `withUTF8` is mutating: a native string is read in place, not copied
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        }
    }

    public static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
