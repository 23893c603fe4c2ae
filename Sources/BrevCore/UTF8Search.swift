/// Finding one text in another by their UTF-8 bytes. A hit counts only where it begins and ends
/// between two characters, as a search by characters finds it ("e" is not found in "e\u{301}").
/// On Linux, Foundation's `contains`, `range(of:)` and `replacingOccurrences` go through
/// NSString and UTF-16 for each call; checks that run on every letter use this instead.
public enum UTF8Search {
    /// Where `needle` stands in `text`, as UTF-8 offsets, left to right and without overlap.
    public static func ranges(of needle: String, in text: String) -> [Range<Int>] {
        guard text.isContiguousUTF8 else {
            // A bridged string: search a native copy.
            var copy = text
            copy.makeContiguousUTF8()
            return ranges(of: needle, in: copy)
        }
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return [] }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var found: [Range<Int>] = []
            var i = 0
            while i + pattern.count <= bytes.count {
                if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern),
                   isCharacterBoundary(i, in: text), isCharacterBoundary(i + pattern.count, in: text) {
                    found.append(i..<(i + pattern.count))
                    i += pattern.count
                } else {
                    i += 1
                }
            }
            return found
        } ?? []
    }

    public static func contains(_ needle: String, in text: String) -> Bool {
        !ranges(of: needle, in: text).isEmpty
    }

    /// `text` with every occurrence of `needle` replaced, left to right.
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let hits = ranges(of: needle, in: text)
        guard !hits.isEmpty else { return text }
        var result = ""
        var copiedUpTo = 0
        for hit in hits {
            result += text[index(copiedUpTo, in: text)..<index(hit.lowerBound, in: text)]
            result += replacement
            copiedUpTo = hit.upperBound
        }
        result += text[index(copiedUpTo, in: text)...]
        return result
    }

    private static func index(_ utf8Offset: Int, in text: String) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: utf8Offset)
    }

    private static func isCharacterBoundary(_ utf8Offset: Int, in text: String) -> Bool {
        let i = index(utf8Offset, in: text)
        return i == text.endIndex || i.samePosition(in: text) != nil
    }
}
