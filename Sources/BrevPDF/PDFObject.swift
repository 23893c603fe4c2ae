import Foundation

/// A PDF object (ISO 32000-1 §7.3), as the document writer builds the file's dictionaries.
indirect enum PDFObject: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    /// A literal or hex string, as raw bytes.
    case string([UInt8])
    case array([PDFObject])
    case dictionary(PDFDictionary)
    case reference(Int, Int)
    case stream(PDFDictionary, [UInt8])

    var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let d), .stream(let d, _): return d
        default: return nil
        }
    }

    var reference: Int? {
        if case .reference(let n, _) = self { return n }
        return nil
    }

    var name: String? {
        if case .name(let n) = self { return n }
        return nil
    }

    var int: Int? {
        if case .int(let n) = self { return n }
        return nil
    }

    var array: [PDFObject]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A PDF text string: UTF-16BE with a byte-order mark, so any character survives.
    static func text(_ s: String) -> PDFObject {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in s.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        return .string(bytes)
    }
}

/// A dictionary that keeps its keys' order, so rewritten objects stay readable and stable.
struct PDFDictionary: Equatable {
    private(set) var entries: [(key: String, value: PDFObject)] = []

    init(_ entries: [(String, PDFObject)] = []) {
        for (k, v) in entries { self[k] = v }
    }

    subscript(key: String) -> PDFObject? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    static func == (a: PDFDictionary, b: PDFDictionary) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension PDFObject {
    /// Serialized bytes. Streams get their /Length set from the data.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let n): PDFNumber.append(n, to: &out)
        case .real(let r): PDFNumber.append(r, to: &out)
        case .name(let n):
            out.append(UInt8(ascii: "/"))
            for b in n.utf8 {
                if b < 0x21 || b > 0x7E || "()<>[]{}/%#".utf8.contains(b) {
                    out += [UInt8(ascii: "#"), PDFObject.hexDigits[Int(b >> 4)], PDFObject.hexDigits[Int(b & 15)]]
                } else {
                    out.append(b)
                }
            }
        case .string(let bytes):
            out.append(UInt8(ascii: "<"))
            for b in bytes { out += [PDFObject.hexDigits[Int(b >> 4)], PDFObject.hexDigits[Int(b & 15)]] }
            out.append(UInt8(ascii: ">"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: " ")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let d):
            PDFObject.writeDictionary(d, into: &out)
        case .reference(let n, let g):
            PDFNumber.append(n, to: &out)
            out.append(UInt8(ascii: " "))
            PDFNumber.append(g, to: &out)
            out.append(contentsOf: " R".utf8)
        case .stream(var d, let data):
            d["Length"] = .int(data.count)
            PDFObject.writeDictionary(d, into: &out)
            out.append(contentsOf: "\nstream\n".utf8)
            out += data
            out.append(contentsOf: "\nendstream".utf8)
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func writeDictionary(_ d: PDFDictionary, into out: inout [UInt8]) {
        out.append(contentsOf: "<<".utf8)
        for (key, value) in d.entries {
            PDFObject.name(key).write(into: &out)
            out.append(UInt8(ascii: " "))
            value.write(into: &out)
            out.append(UInt8(ascii: " "))
        }
        out.append(contentsOf: ">>".utf8)
    }
}
