import BrevCore

/// The file's bytes from numbered objects: each written once, as bytes, when its number is set;
/// every dictionary but the catalog goes into compressed object streams, and the cross-reference
/// is a compressed stream (ISO 32000-1 §7.5.7, §7.5.8; PDF/A-2 allows both). Streams cannot live
/// in object streams and stay plain objects; so does the catalog, so that its entries can be
/// found in the file's bytes.
struct PDFFileWriter {
    /// Every object's dictionary, one after another in the order they are written.
    private var syntax = PDFSyntax()
    /// Object `n` is `objects[n - 1]`: its dictionary's bytes in `syntax`, and a stream's data.
    private var objects: [(start: Int, end: Int, data: [UInt8]?)] = []

    /// Objects per object stream: enough that the dictionaries' shared words compress well,
    /// few enough that a reader never inflates much to reach one object.
    static let objectsPerStream = 200
    /// Fast compression for what is new in every letter (object streams, the cross-reference,
    /// content streams): libdeflate's level 1 takes some 30 instructions a byte of them (zlib's
    /// level 1 took 55–60, and its output was 7–10% larger); level 6 makes them 10–17% smaller
    /// again for twice the work.
    static let compressionLevel: Int32 = 1

    init() {
        syntax.bytes.reserveCapacity(32 * 1024)
    }

    /// A number for an object set later (`set`): objects may refer to each other in any order.
    mutating func reserve() -> Int {
        objects.append((0, 0, nil))
        return objects.count
    }

    /// Object `number` as the dictionary `entries` writes (between `<<` and `>>`).
    mutating func set(_ number: Int, _ entries: (inout PDFSyntax) throws -> Void) rethrows {
        let start = syntax.bytes.count
        syntax.raw("<<")
        try entries(&syntax)
        syntax.raw(">>")
        objects[number - 1] = (start, syntax.bytes.count, nil)
    }

    mutating func add(_ entries: (inout PDFSyntax) throws -> Void) rethrows -> Int {
        let number = reserve()
        try set(number, entries)
        return number
    }

    /// A stream of `data`, its dictionary the entries `entries` writes and its /Length.
    mutating func addStream(_ data: [UInt8], _ entries: (inout PDFSyntax) -> Void) -> Int {
        let number = reserve()
        let start = syntax.bytes.count
        syntax.raw("<<")
        entries(&syntax)
        syntax.entry("Length", int: data.count)
        syntax.raw(">>")
        objects[number - 1] = (start, syntax.bytes.count, data)
        return number
    }

    /// The whole file, its trailer /Root, /Info and /ID.
    func write(root: Int, info: Int, id: [UInt8], deflater: Deflater) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        // The header and a comment of bytes above 127, so that tools treat the file as binary (PDF/A-2 6.1.2).
        out += Array("%PDF-1.7\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB, 0x0A]
        let count = objects.count
        // Per object number: (0 free, 1 at offset, 2 in object stream), field 2, field 3.
        var entries = [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0), count: count + 1)
        entries[0] = (0, 0, 0xFFFF)
        var packed: [Int] = []
        packed.reserveCapacity(count)
        let bytes = syntax.bytes
        for (index, object) in objects.enumerated() {
            let number = index + 1
            if object.data != nil || number == root {
                entries[number] = (1, out.count, 0)
                PDFFileWriter.writeIndirect(number, bytes[object.start..<object.end], object.data, into: &out)
            } else {
                packed.append(number)
            }
        }
        var streamNumber = count
        var chunkStart = 0
        var index: [UInt8] = []
        var stream: [UInt8] = []
        while chunkStart < packed.count {
            let chunk = packed[chunkStart..<min(packed.count, chunkStart + PDFFileWriter.objectsPerStream)]
            chunkStart += chunk.count
            streamNumber += 1
            index.removeAll(keepingCapacity: true)
            var offset = 0
            for (position, number) in chunk.enumerated() {
                entries[number] = (2, streamNumber, position)
                PDFNumber.append(number, to: &index)
                index.append(UInt8(ascii: " "))
                PDFNumber.append(offset, to: &index)
                index.append(UInt8(ascii: " "))
                let object = objects[number - 1]
                offset += object.end - object.start + 1
            }
            stream.removeAll(keepingCapacity: true)
            stream.reserveCapacity(index.count + offset)
            stream += index
            for number in chunk {
                let object = objects[number - 1]
                stream += bytes[object.start..<object.end]
                stream.append(0x0A)
            }
            entries.append((1, out.count, 0))
            let deflated = try deflater.deflateRecalling(stream)
            var d = PDFSyntax()
            d.raw("<<")
            d.entry("Type", name: "ObjStm")
            d.entry("N", int: chunk.count)
            d.entry("First", int: index.count)
            d.entry("Filter", name: "FlateDecode")
            d.entry("Length", int: deflated.count)
            d.raw(">>")
            PDFFileWriter.writeIndirect(streamNumber, d.bytes[...], deflated, into: &out)
        }

        // The cross-reference stream, the last object, lists itself too.
        let xrefNumber = streamNumber + 1
        let xrefAt = out.count
        entries.append((1, xrefAt, 0))
        let offsetWidth = PDFFileWriter.byteWidth(max(xrefAt, entries.count))
        var table: [UInt8] = []
        table.reserveCapacity(entries.count * (3 + offsetWidth))
        for e in entries {
            table.append(e.type)
            PDFFileWriter.appendBigEndian(e.a, width: offsetWidth, to: &table)
            PDFFileWriter.appendBigEndian(e.b, width: 2, to: &table)
        }
        let deflated = try deflater.deflate(table)
        var d = PDFSyntax()
        d.raw("<<")
        d.entry("Type", name: "XRef")
        d.entry("Size", int: xrefNumber + 1)
        d.key("W")
        d.raw("[1 ")
        d.int(offsetWidth)
        d.raw(" 2] ")
        d.entry("Filter", name: "FlateDecode")
        d.entry("Root", reference: root)
        d.entry("Info", reference: info)
        d.key("ID")
        d.byte(UInt8(ascii: "["))
        d.string(id)
        d.space()
        d.string(id)
        d.raw("] ")
        d.entry("Length", int: deflated.count)
        d.raw(">>")
        PDFFileWriter.writeIndirect(xrefNumber, d.bytes[...], deflated, into: &out)
        out += Array("startxref\n\(xrefAt)\n%%EOF\n".utf8)
        return out
    }

    private static func writeIndirect(_ number: Int, _ dictionary: ArraySlice<UInt8>, _ data: [UInt8]?, into out: inout [UInt8]) {
        PDFNumber.append(number, to: &out)
        out += " 0 obj\n".utf8
        out += dictionary
        if let data {
            out += "\nstream\n".utf8
            out += data
            out += "\nendstream".utf8
        }
        out += "\nendobj\n".utf8
    }

    static func byteWidth(_ value: Int) -> Int {
        var width = 1
        while value >> (8 * width) != 0 { width += 1 }
        return width
    }

    private static func appendBigEndian(_ value: Int, width: Int, to out: inout [UInt8]) {
        for shift in stride(from: 8 * (width - 1), through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}
