/// The distinct Unicode scalars of many texts, such as every character a letter shows (the
/// HTML twin's fonts are subset to them). A Danish letter is Latin text: a scalar below U+0800
/// is one bit in a table, only the rarer ones go into a set, so collecting a letter's few
/// thousand characters hashes a handful instead of every one (hashing each was 2% of a letter).
/// Texts are read as their UTF-8 bytes: an ASCII character is one byte and one bit.
struct ScalarCollector {
    /// One bit per scalar below `tableEnd`.
    private var table = [UInt64](repeating: 0, count: ScalarCollector.tableEnd / 64)
    private var others = Set<Unicode.Scalar>()
    static let tableEnd = 0x800

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while i < count {
                let lead = bytes[i]
                if lead < 0x80 {
                    table[Int(lead >> 6)] |= 1 << UInt64(lead & 63)
                    i += 1
                    continue
                }
                // A String's UTF-8 is valid: the lead byte says how many continuation bytes follow.
                var value: UInt32
                if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                    value |= UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if value < UInt32(Self.tableEnd) {
                    table[Int(value >> 6)] |= 1 << UInt64(value & 63)
                } else {
                    others.insert(Unicode.Scalar(value)!)
                }
            }
        }
    }

    var scalars: Set<Unicode.Scalar> {
        var out = others
        for value in tableValues { out.insert(Unicode.Scalar(value)!) }
        return out
    }

    /// The scalars' values in ascending order.
    var sortedValues: [UInt32] {
        tableValues + others.map(\.value).sorted()
    }

    /// The values below `tableEnd`, ascending. Every value below U+0800 is a scalar (the
    /// surrogates start at U+D800).
    private var tableValues: [UInt32] {
        var out: [UInt32] = []
        for (word, bits) in table.enumerated() where bits != 0 {
            var rest = bits
            while rest != 0 {
                out.append(UInt32(word * 64 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return out
    }
}
