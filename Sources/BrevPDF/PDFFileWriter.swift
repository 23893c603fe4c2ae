import BrevCore

/// The file's bytes from numbered objects: each written once; every dictionary, array and number
/// object but the catalog goes into compressed object streams, and the cross-reference is a
/// compressed stream (ISO 32000-1 §7.5.7, §7.5.8; PDF/A-2 allows both). Streams cannot live in
/// object streams and stay plain objects; so does the catalog, so that its entries can be found
/// in the file's bytes.
struct PDFFileWriter {
    /// Object `n` is `objects[n - 1]`.
    private var objects: [PDFObject] = []

    /// Objects per object stream: enough that the dictionaries' shared words compress well,
    /// few enough that a reader never inflates much to reach one object.
    static let objectsPerStream = 200
    /// Fast compression for what is new in every letter (object streams, the cross-reference,
    /// content streams): on a letter's 13 KB of dictionaries level 1 gives 3.5 KB in 0.05 ms,
    /// level 9 3.1 KB in 0.57 ms.
    static let compressionLevel: Int32 = 1

    /// A number for an object set later (`set`): objects may refer to each other in any order.
    mutating func reserve() -> Int {
        objects.append(.null)
        return objects.count
    }

    mutating func set(_ number: Int, _ object: PDFObject) { objects[number - 1] = object }

    mutating func add(_ object: PDFObject) -> Int {
        objects.append(object)
        return objects.count
    }

    /// The whole file. `trailer` holds /Root, /Info and /ID.
    func write(root: Int, trailer extra: [(String, PDFObject)]) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        // The header and a comment of bytes above 127, so that tools treat the file as binary (PDF/A-2 6.1.2).
        out += Array("%PDF-1.7\n%".utf8) + [0xB5, 0xED, 0xAE, 0xFB, 0x0A]
        let count = objects.count
        // Per object number: (0 free, 1 at offset, 2 in object stream), field 2, field 3.
        var entries = [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0), count: count + 1)
        entries[0] = (0, 0, 0xFFFF)
        var packed: [(number: Int, body: [UInt8])] = []
        packed.reserveCapacity(count)
        for (index, object) in objects.enumerated() {
            let number = index + 1
            if case .stream = object {
                entries[number] = (1, out.count, 0)
                PDFFileWriter.writeIndirect(number, object, into: &out)
            } else if number == root {
                entries[number] = (1, out.count, 0)
                PDFFileWriter.writeIndirect(number, object, into: &out)
            } else {
                packed.append((number, object.serialized()))
            }
        }
        var streamNumber = count
        var chunkStart = 0
        while chunkStart < packed.count {
            let chunk = packed[chunkStart..<min(packed.count, chunkStart + PDFFileWriter.objectsPerStream)]
            chunkStart += chunk.count
            streamNumber += 1
            var index: [UInt8] = []
            var body: [UInt8] = []
            for (position, (number, objectBody)) in chunk.enumerated() {
                entries[number] = (2, streamNumber, position)
                index += Array("\(number) \(body.count) ".utf8)
                body += objectBody
                body.append(0x0A)
            }
            entries.append((1, out.count, 0))
            let dictionary = PDFDictionary([("Type", .name("ObjStm")), ("N", .int(chunk.count)), ("First", .int(index.count)),
                                            ("Filter", .name("FlateDecode"))])
            PDFFileWriter.writeIndirect(streamNumber, .stream(dictionary, try Zlib.deflate(index + body, level: PDFFileWriter.compressionLevel)),
                                        into: &out)
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
        var dictionary = PDFDictionary([("Type", .name("XRef")), ("Size", .int(xrefNumber + 1)),
                                        ("W", .array([.int(1), .int(offsetWidth), .int(2)])),
                                        ("Filter", .name("FlateDecode"))])
        for (key, value) in extra where value != .null { dictionary[key] = value }
        PDFFileWriter.writeIndirect(xrefNumber, .stream(dictionary, try Zlib.deflate(table, level: PDFFileWriter.compressionLevel)),
                                    into: &out)
        out += Array("startxref\n\(xrefAt)\n%%EOF\n".utf8)
        return out
    }

    private static func writeIndirect(_ number: Int, _ object: PDFObject, into out: inout [UInt8]) {
        out += Array("\(number) 0 obj\n".utf8)
        object.write(into: &out)
        out += Array("\nendobj\n".utf8)
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
