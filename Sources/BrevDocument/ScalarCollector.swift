/// The distinct Unicode scalars of many texts, such as every character a letter shows (the
/// HTML twin's fonts are subset to them). A Danish letter is Latin text: a scalar below U+0800
/// is one bit in a table, only the rarer ones go into a set, so collecting a letter's few
/// thousand characters hashes a handful instead of every one (hashing each was 2% of a letter).
struct ScalarCollector {
    /// One bit per scalar below `tableEnd`.
    private var table = [UInt64](repeating: 0, count: ScalarCollector.tableEnd / 64)
    private var others = Set<Unicode.Scalar>()
    static let tableEnd = 0x800

    mutating func add(_ text: String) {
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            if value < Self.tableEnd {
                table[value >> 6] |= 1 << UInt64(value & 63)
            } else {
                others.insert(scalar)
            }
        }
    }

    var scalars: Set<Unicode.Scalar> {
        var out = others
        for (word, bits) in table.enumerated() where bits != 0 {
            var rest = bits
            while rest != 0 {
                // Every value below U+0800 is a scalar (the surrogates start at U+D800).
                out.insert(Unicode.Scalar(UInt32(word * 64 + rest.trailingZeroBitCount))!)
                rest &= rest - 1
            }
        }
        return out
    }
}
