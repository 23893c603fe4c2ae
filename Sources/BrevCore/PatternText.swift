/// A text's UTF-8 bytes read as ICU's regular expressions read text (Foundation's
/// `NSRegularExpression` is ICU underneath): the character classes `\s`, `\d` and `\w`, the word
/// boundary `\b`, and a literal word matched case-insensitively with full case folding. Hand-made
/// scanners built on it replace the regular expressions that ran on every letter; each scanner's
/// tests run the regular expression it replaces beside it (`PatternScannerTests`).
///
/// Offsets are byte offsets into `bytes`, at scalar boundaries; `bytes` is valid UTF-8 (a
/// String's), and lives only as long as the `withUTF8` call that lent it.
@frozen public struct PatternText {
    public let bytes: UnsafeBufferPointer<UInt8>

    @inlinable public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inlinable public var count: Int { bytes.count }

    /// The scalar at byte offset `i` (< count) and its length in bytes.
    @inlinable
    public func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    /// Whether the byte at `i` is `byte` (an ASCII character).
    @inlinable
    public func has(_ byte: UInt8, at i: Int) -> Bool { i < bytes.count && bytes[i] == byte }

    /// The end of one `\s` at `i`, or nil.
    @inlinable
    public func space(at i: Int) -> Int? {
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        if b < 0x80 { return ICUClasses.isSpace(UInt32(b)) ? i + 1 : nil }
        let (v, n) = scalar(at: i)
        return ICUClasses.isSpace(v) ? i + n : nil
    }

    /// The end of the longest run of `\s` from `i` (`i` itself if none).
    @inlinable
    public func spaces(from i: Int) -> Int {
        var j = i
        while let next = space(at: j) { j = next }
        return j
    }

    /// The end of one `\d` at `i`, or nil.
    @inlinable
    public func digit(at i: Int) -> Int? {
        guard i < bytes.count else { return nil }
        let b = bytes[i]
        if b < 0x80 { return b &- 0x30 < 10 ? i + 1 : nil }
        let (v, n) = scalar(at: i)
        return ICUClasses.isDigit(v) ? i + n : nil
    }

    /// The end of the longest run of `\d` from `i`, and how many digits it holds.
    @inlinable
    public func digits(from i: Int) -> (end: Int, count: Int) {
        var j = i, n = 0
        while let next = digit(at: j) { j = next; n += 1 }
        return (j, n)
    }

    /// The end of exactly `n` digits from `i` (`\d{n}`), or nil.
    @inlinable
    public func digits(_ n: Int, from i: Int) -> Int? {
        var j = i
        for _ in 0..<n {
            guard let next = digit(at: j) else { return nil }
            j = next
        }
        return j
    }

    /// The byte offset of the scalar that ends at `i` (> 0).
    @inlinable
    public func start(before i: Int) -> Int {
        var j = i - 1
        while bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// ICU's `\b` (without UREGEX_UWORD) at `i`: a word character on one side and not on the
    /// other, where the character before is the nearest one that is neither Grapheme_Extend
    /// nor a format character (soft hyphen, zero-width space), and no boundary stands before such a one.
    @inlinable
    public func isWordBoundary(at i: Int) -> Bool {
        var afterIsWord = false
        if i < bytes.count {
            let (v, _) = scalar(at: i)
            if ICUClasses.isTransparentToBoundaries(v) { return false }
            afterIsWord = ICUClasses.isWord(v)
        }
        var beforeIsWord = false
        var j = i
        while j > 0 {
            j = start(before: j)
            let (v, _) = scalar(at: j)
            if !ICUClasses.isTransparentToBoundaries(v) {
                beforeIsWord = ICUClasses.isWord(v)
                break
            }
        }
        return afterIsWord != beforeIsWord
    }

    /// The end of `word` matched at `i` as ICU matches a literal of two or more characters
    /// case-insensitively: each character of the text fully case folded ("ß" is "ss", "ﬆ" is
    /// "st", the Kelvin sign "k"), the folded text equal to `word`, and the match ending where a
    /// character's folding ends. `word`: lowercase ASCII letters, digits and signs, and "æøå", as UTF-8.
    public func caselessWord(_ word: StaticString, at i: Int) -> Int? {
        word.withUTF8Buffer { w -> Int? in
            var k = 0 // in w
            var j = i // in the text
            while k < w.count {
                guard j < bytes.count else { return nil }
                let (v, n) = scalar(at: j)
                j += n
                let folded = ICUClasses.caseFolded(v)
                if folded.count == 0 {
                    // Folds to itself: compare its UTF-8 bytes with the word's.
                    var m = 0
                    while m < n {
                        guard k < w.count, w[k] == bytes[j - n + m] else { return nil }
                        k += 1; m += 1
                    }
                } else {
                    // Folds to lowercase ASCII letters or one of "æøå".
                    for m in 0..<folded.count {
                        let f = folded[m]
                        if f < 0x80 {
                            guard k < w.count, w[k] == UInt8(f) else { return nil }
                            k += 1
                        } else {
                            guard k + 1 < w.count, w[k] == UInt8(0xC0 | f >> 6), w[k + 1] == UInt8(0x80 | f & 0x3F) else { return nil }
                            k += 2
                        }
                    }
                }
            }
            return j
        }
    }

    /// The number of UTF-16 code units of the bytes `range`.
    @inlinable
    public func utf16Count(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range {
            let b = bytes[i]
            if b & 0xC0 != 0x80 { n += b >= 0xF0 ? 2 : 1 }
        }
        return n
    }
}

/// ICU's character classes (the ICU inside Foundation), answered from the value for ASCII and
/// Latin-1 and from Swift's Unicode tables above, limited to the characters ICU's Unicode
/// version has: Swift's tables are newer, and a character assigned since is nothing to ICU.
/// `PatternScannerTests` checks each class against the regular expression for every scalar.
public enum ICUClasses {
    /// The Unicode version of the ICU that Foundation carries.
    @usableFromInline static let icuUnicodeVersion = (major: 16, minor: 0)

    /// `\s`: Unicode's White_Space.
    @inlinable
    public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `\d`: a decimal digit (general category Nd); none lies between ASCII's and U+0660.
    @inlinable
    public static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v &- 0x30 < 10 }
        guard v >= 0x660, let s = Unicode.Scalar(v), known(s) else { return false }
        return s.properties.generalCategory == .decimalNumber
    }

    /// `\w`: [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D].
    @inlinable
    public static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 || v == 0x5F
        }
        if v <= 0xFF {
            return v == 0xAA || v == 0xB5 || v == 0xBA || (v >= 0xC0 && v != 0xD7 && v != 0xF7)
        }
        if v == 0x200C || v == 0x200D { return true }
        guard let s = Unicode.Scalar(v), known(s) else { return false }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// What `\b` looks through: Grapheme_Extend and format characters (general category Cf).
    /// Below U+0300 only the soft hyphen is either.
    @inlinable
    public static func isTransparentToBoundaries(_ v: UInt32) -> Bool {
        if v < 0x300 { return v == 0xAD }
        guard let s = Unicode.Scalar(v), known(s) else { return false }
        return s.properties.isGraphemeExtend || s.properties.generalCategory == .format
    }

    /// Whether ICU's Unicode version has `s`.
    @inlinable
    static func known(_ s: Unicode.Scalar) -> Bool {
        guard let age = s.properties.age else { return false }
        return age.major < icuUnicodeVersion.major || (age.major == icuUnicodeVersion.major && age.minor <= icuUnicodeVersion.minor)
    }

    /// Up to three folded scalars.
    public struct Folding: Sendable {
        public let count: Int
        let a: UInt32, b: UInt32, c: UInt32
        @inline(__always) public subscript(i: Int) -> UInt32 { i == 0 ? a : i == 1 ? b : c }
        static var same: Folding { Folding(0, 0, 0, 0) }
        @inline(__always) init(_ count: Int, _ a: UInt32, _ b: UInt32, _ c: UInt32) { (self.count, self.a, self.b, self.c) = (count, a, b, c) }
    }

    /// `v`'s full case folding where it is made only of lowercase ASCII letters and "æøå" (what
    /// the scanners' words are made of), other than `v` itself; `.same` (count 0) for every
    /// other scalar, whose folding can never match such a word where `v` itself would not.
    @inline(__always)
    public static func caseFolded(_ v: UInt32) -> Folding {
        if v < 0x80 {
            return v &- 0x41 < 26 ? Folding(1, v | 0x20, 0, 0) : .same
        }
        let f: UInt32 = 0x66, i: UInt32 = 0x69, l: UInt32 = 0x6C, s: UInt32 = 0x73, t: UInt32 = 0x74
        switch v {
        case 0xC5, 0x212B: return Folding(1, 0xE5, 0, 0)
        case 0xC6: return Folding(1, 0xE6, 0, 0)
        case 0xD8: return Folding(1, 0xF8, 0, 0)
        case 0x17F: return Folding(1, s, 0, 0)
        case 0x212A: return Folding(1, 0x6B, 0, 0)
        case 0xDF, 0x1E9E: return Folding(2, s, s, 0)
        case 0xFB00: return Folding(2, f, f, 0)
        case 0xFB01: return Folding(2, f, i, 0)
        case 0xFB02: return Folding(2, f, l, 0)
        case 0xFB03: return Folding(3, f, f, i)
        case 0xFB04: return Folding(3, f, f, l)
        case 0xFB05, 0xFB06: return Folding(2, s, t, 0)
        default: return .same
        }
    }
}
