/// PDF objects written straight as bytes (ISO 32000-1 §7.3), as the document writer builds the
/// file's dictionaries: no tree of values serialised later. A dictionary is `<<`, each entry as
/// `/Key value ` (a space after every value) and `>>`; array items are separated by one space.
struct PDFSyntax {
    var bytes: [UInt8] = []

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func space() { bytes.append(UInt8(ascii: " ")) }

    // MARK: Values

    mutating func int(_ n: Int) { PDFNumber.append(n, to: &bytes) }

    mutating func real(_ r: Double) { PDFNumber.append(r, to: &bytes) }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// `n 0 R`.
    mutating func reference(_ number: Int) {
        PDFNumber.append(number, to: &bytes)
        raw(" 0 R")
    }

    /// A name; bytes outside printable ASCII and PDF's delimiters as `#xx`.
    mutating func name(_ s: String) {
        bytes.append(UInt8(ascii: "/"))
        for b in s.utf8 {
            if b < 0x21 || b > 0x7E || PDFSyntax.isDelimiter(b) {
                bytes += [UInt8(ascii: "#"), PDFSyntax.hexDigits[Int(b >> 4)], PDFSyntax.hexDigits[Int(b & 15)]]
            } else {
                bytes.append(b)
            }
        }
    }

    /// A name known to need no escaping.
    mutating func name(literal s: StaticString) {
        bytes.append(UInt8(ascii: "/"))
        raw(s)
    }

    /// A hex string of raw bytes.
    mutating func string<Bytes: Sequence<UInt8>>(_ raw: Bytes) {
        bytes.append(UInt8(ascii: "<"))
        for b in raw { bytes += [PDFSyntax.hexDigits[Int(b >> 4)], PDFSyntax.hexDigits[Int(b & 15)]] }
        bytes.append(UInt8(ascii: ">"))
    }

    /// A text string: UTF-16BE with a byte-order mark, as a hex string, so any character survives.
    mutating func text(_ s: String) {
        raw("<FEFF")
        for unit in s.utf16 { hex4(unit) }
        bytes.append(UInt8(ascii: ">"))
    }

    mutating func hex4(_ unit: UInt16) {
        PageContent.appendHex4(UInt32(unit), to: &bytes)
    }

    // MARK: Dictionary entries

    /// `/Key ` before a value written by the caller, who ends it with `space()`.
    mutating func key(_ k: StaticString) {
        bytes.append(UInt8(ascii: "/"))
        raw(k)
        bytes.append(UInt8(ascii: " "))
    }

    /// A name written in the code, known to need no escaping.
    mutating func entry(_ k: StaticString, name value: StaticString) {
        key(k)
        name(literal: value)
        space()
    }

    /// A name from data (a role, a font's name), escaped where it must be.
    mutating func entry(_ k: StaticString, nameOf value: String) {
        key(k)
        name(value)
        space()
    }

    mutating func entry(_ k: StaticString, int value: Int) {
        key(k)
        int(value)
        space()
    }

    mutating func entry(_ k: StaticString, real value: Double) {
        key(k)
        real(value)
        space()
    }

    mutating func entry(_ k: StaticString, reference value: Int) {
        key(k)
        reference(value)
        space()
    }

    mutating func entry(_ k: StaticString, text value: String) {
        key(k)
        text(value)
        space()
    }

    mutating func entry(_ k: StaticString, string value: String) {
        key(k)
        string(value.utf8)
        space()
    }

    /// `[a b c]` of numbers.
    mutating func reals(_ values: [Double]) {
        bytes.append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { space() }
            real(v)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `[n 0 R m 0 R]`.
    mutating func references(_ numbers: [Int]) {
        bytes.append(UInt8(ascii: "["))
        for (i, n) in numbers.enumerated() {
            if i > 0 { space() }
            reference(n)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }
}
