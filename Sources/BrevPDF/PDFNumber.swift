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

extension PDFNumber {
    /// `append(_:to:)`'s digits for an integer, written at `out` (room for 20 bytes); returns how many.
    @inline(__always)
    static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = value
        var k = 0
        if n < 0 {
            out[0] = UInt8(ascii: "-")
            k = 1
            n = -n
        }
        if n < 10 {
            out[k] = UInt8(ascii: "0") + UInt8(n)
            return k + 1
        }
        var digits = 1
        var m = n
        while m >= 10 {
            m /= 10
            digits += 1
        }
        var i = k + digits
        while n > 0 {
            i -= 1
            out[i] = UInt8(ascii: "0") + UInt8(n % 10)
            n /= 10
        }
        return k + digits
    }

    /// `append(_:to:)`'s digits for a number, written at `out` (room for 25 bytes); returns how many.
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard value.isFinite else {
            out[0] = UInt8(ascii: "0")
            return 1
        }
        var thousandths = nearest(value * 1000)
        var k = 0
        if thousandths < 0 {
            out[0] = UInt8(ascii: "-")
            k = 1
            thousandths = -thousandths
        }
        k += write(thousandths / 1000, to: out + k)
        var fraction = thousandths % 1000
        guard fraction != 0 else { return k }
        out[k] = UInt8(ascii: ".")
        k += 1
        var divisor = 100
        while fraction != 0 {
            out[k] = UInt8(ascii: "0") + UInt8(fraction / divisor)
            k += 1
            fraction %= divisor
            divisor /= 10
        }
        return k
    }

    /// `Int(x.rounded())` (halves away from zero) without the call into the C library's
    /// `round`, once per glyph drawn: the integer part and the exact fraction left.
    @inline(__always)
    static func nearest(_ x: Double) -> Int {
        guard x > -1e15 && x < 1e15 else { return Int(x.rounded()) }
        let whole = Int(x) // toward zero
        let fraction = x - Double(whole) // exact below 2^52
        if fraction >= 0.5 { return whole + 1 }
        if fraction <= -0.5 { return whole - 1 }
        return whole
    }
}
