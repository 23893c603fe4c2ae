/// Standard base64 (RFC 4648 §4: `A–Z a–z 0–9 + /`, `=` padding, no line breaks): what
/// Foundation's `Data.base64EncodedString()` writes, made without a `Data` copy and six bytes
/// at a time. A letter's PDF goes into its messages and its web fonts into its HTML page this
/// way; Foundation's encoder was a seventh of building the messages.
public enum Base64 {
    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// The two characters of each 12-bit value, the first in the low byte: three input bytes
    /// are two look-ups and one four-byte store.
    private static let pairs: [UInt16] = (0..<4096).map { UInt16(alphabet[$0 >> 6]) | UInt16(alphabet[$0 & 63]) << 8 }

    /// The number of base64 characters for `count` bytes.
    public static func encodedCount(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// `bytes` in base64.
    public static func encoded(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: encodedCount(input.count)) { output in
                encode(UnsafeRawBufferPointer(input), into: UnsafeMutableRawBufferPointer(output))
            }
        }
    }

    /// Writes `input` in base64 at the start of `output`, which holds at least
    /// `encodedCount(input.count)` bytes; returns the number of bytes written.
    @discardableResult
    public static func encode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        let count = input.count
        let written = encodedCount(count)
        precondition(output.count >= written, "base64 output too small")
        guard count > 0, let source = input.baseAddress, let target = output.baseAddress else { return 0 }
        return pairs.withUnsafeBufferPointer { pairs in
            var i = 0
            var o = 0
            // Six bytes at a time while eight can be read: one load, four look-ups, one store.
            while i + 8 <= count {
                let word = UInt64(bigEndian: source.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let eight = UInt64(pairs[Int(truncatingIfNeeded: word >> 52)])
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 40) & 0xFFF]) << 16
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 28) & 0xFFF]) << 32
                    | UInt64(pairs[Int(truncatingIfNeeded: word >> 16) & 0xFFF]) << 48
                target.storeBytes(of: eight.littleEndian, toByteOffset: o, as: UInt64.self)
                i += 6
                o += 8
            }
            while i + 3 <= count {
                let word = Int(source.load(fromByteOffset: i, as: UInt8.self)) << 16
                    | Int(source.load(fromByteOffset: i + 1, as: UInt8.self)) << 8
                    | Int(source.load(fromByteOffset: i + 2, as: UInt8.self))
                let four = UInt32(pairs[word >> 12]) | UInt32(pairs[word & 0xFFF]) << 16
                target.storeBytes(of: four.littleEndian, toByteOffset: o, as: UInt32.self)
                i += 3
                o += 4
            }
            let rest = count - i
            if rest > 0 {
                let word = Int(source.load(fromByteOffset: i, as: UInt8.self)) << 16
                    | (rest == 2 ? Int(source.load(fromByteOffset: i + 1, as: UInt8.self)) << 8 : 0)
                let first = pairs[word >> 12]
                target.storeBytes(of: UInt8(truncatingIfNeeded: first), toByteOffset: o, as: UInt8.self)
                target.storeBytes(of: UInt8(truncatingIfNeeded: first >> 8), toByteOffset: o + 1, as: UInt8.self)
                let third = rest == 2 ? UInt8(truncatingIfNeeded: pairs[word & 0xFFF]) : UInt8(ascii: "=")
                target.storeBytes(of: third, toByteOffset: o + 2, as: UInt8.self)
                target.storeBytes(of: UInt8(ascii: "="), toByteOffset: o + 3, as: UInt8.self)
            }
            return written
        }
    }
}
