/// Numbers as PDF writes them (ISO 32000-1 §7.3.3): decimal, no exponent. Written digit by
/// digit: `String(format:)` per coordinate was the most expensive part of a page's content.
enum PDFNumber {
    static func append(_ value: Int, to out: inout [UInt8]) {
        var n = value
        if n < 0 {
            out.append(UInt8(ascii: "-"))
            n = -n
        }
        if n < 10 {
            out.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// `value` rounded to thousandths, trailing zeros dropped: 12.5, 0.333, -3.
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(UInt8(ascii: "0"))
            return
        }
        var thousandths = Int((value * 1000).rounded())
        if thousandths < 0 {
            out.append(UInt8(ascii: "-"))
            thousandths = -thousandths
        }
        append(thousandths / 1000, to: &out)
        var fraction = thousandths % 1000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var divisor = 100
        while fraction != 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}
