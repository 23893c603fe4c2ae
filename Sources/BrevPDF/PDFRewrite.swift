import BrevCore
/// The finished file, written whole: cairo's objects with the finishing pass's new and
/// changed ones, and nothing else. Earlier this was an incremental update appended to cairo's
/// file, which left every superseded object (the catalog, pages, content streams, structure
/// elements) in the file, with a classic cross-reference table.
///
/// Now each object is written once, in its latest version, under its own number: cairo's
/// objects the pass did not change are copied byte for byte (parsing and re-serializing them
/// cost a millisecond a letter); every dictionary, array and number object but the catalog
/// goes into compressed object streams, and the cross-reference is a compressed stream
/// (ISO 32000-1 §7.5.7, §7.5.8; PDF/A-2 allows both). The catalog stays a plain object so that
/// its entries can be found in the file's bytes.
struct PDFRewrite {
    let file: PDFFile
    private var objects: [Int: PDFObject] = [:]
    private var nextNumber: Int

    /// Objects per object stream: enough that the dictionaries' shared words compress well,
    /// few enough that a reader never inflates much to reach one object.
    static let objectsPerStream = 200
    /// Fast compression, as for content streams: on a letter's 13 KB of dictionaries level 1
    /// gives 3.5 KB in 0.05 ms, level 9 3.1 KB in 0.57 ms (a twentieth of a whole letter).
    static let compressionLevel: Int32 = 1

    init(file: PDFFile) {
        self.file = file
        self.nextNumber = file.size
    }

    mutating func replace(_ number: Int, with object: PDFObject) { objects[number] = object }

    mutating func add(_ object: PDFObject) -> Int {
        let n = nextNumber
        nextNumber += 1
        objects[n] = object
        return n
    }

    /// The whole file. `trailer` holds /Root, /Info and /ID; .null values are left out.
    func write(trailer extra: [(String, PDFObject)]) throws -> [UInt8] {
        let rootNumber = extra.first { $0.0 == "Root" }?.1.reference
        var out = header()
        let count = nextNumber - 1
        // Per object number: (0 free, 1 at offset, 2 in object stream), field 2, field 3.
        var entries = [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0), count: count + 1)
        entries[0] = (0, 0, 0xFFFF)
        var packed: [(number: Int, body: [UInt8])] = []
        // cairo's objects the pass left alone are copied as they are, without parsing them:
        // object numbers stay, so no reference needs rewriting.
        let starts = file.offsets.sorted { $0.value < $1.value }
        for (i, (number, offset)) in starts.enumerated() where objects[number] == nil {
            let end = i + 1 < starts.count ? starts[i + 1].value : file.startXref
            guard let body = PDFRewrite.body(of: file.bytes, from: offset, to: end) else {
                throw PDFParser.ParseError.malformed("object \(number) has no obj … endobj", at: offset)
            }
            if body.count >= 9, body[(body.endIndex - 9)...].elementsEqual("endstream".utf8) {
                entries[number] = (1, out.count, 0)
                out += Array("\(number) 0 obj\n".utf8)
                out += body
                out += Array("\nendobj\n".utf8)
            } else {
                packed.append((number, Array(body)))
            }
        }
        for (number, object) in objects.sorted(by: { $0.key < $1.key }) {
            if case .stream = object {
                entries[number] = (1, out.count, 0)
                PDFRewrite.writeIndirect(number, object, into: &out)
            } else if number == rootNumber {
                entries[number] = (1, out.count, 0)
                PDFRewrite.writeIndirect(number, object, into: &out)
            } else {
                packed.append((number, object.serialized()))
            }
        }
        var streamNumber = count
        var chunkStart = 0
        while chunkStart < packed.count {
            let chunk = packed[chunkStart..<min(packed.count, chunkStart + PDFRewrite.objectsPerStream)]
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
            PDFRewrite.writeIndirect(streamNumber, .stream(dictionary, try Zlib.deflate(index + body, level: PDFRewrite.compressionLevel)), into: &out)
        }

        // The cross-reference stream, the last object, lists itself too.
        let xrefNumber = streamNumber + 1
        let xrefAt = out.count
        entries.append((1, xrefAt, 0))
        let offsetWidth = PDFRewrite.byteWidth(max(xrefAt, entries.count))
        var table: [UInt8] = []
        table.reserveCapacity(entries.count * (3 + offsetWidth))
        for e in entries {
            table.append(e.type)
            PDFRewrite.appendBigEndian(e.a, width: offsetWidth, to: &table)
            PDFRewrite.appendBigEndian(e.b, width: 2, to: &table)
        }
        var dictionary = PDFDictionary([("Type", .name("XRef")), ("Size", .int(xrefNumber + 1)),
                                        ("W", .array([.int(1), .int(offsetWidth), .int(2)])),
                                        ("Filter", .name("FlateDecode"))])
        for (key, value) in extra where value != .null { dictionary[key] = value }
        PDFRewrite.writeIndirect(xrefNumber, .stream(dictionary, try Zlib.deflate(table, level: PDFRewrite.compressionLevel)), into: &out)
        out += Array("startxref\n\(xrefAt)\n%%EOF\n".utf8)
        return out
    }

    /// cairo's header line and its binary comment (PDF/A-2 6.1.2), with the version raised to
    /// 1.5 if it is lower: object and cross-reference streams need 1.5.
    private func header() -> [UInt8] {
        var lines = file.bytes.prefix(64).split(separator: 0x0A, maxSplits: 2, omittingEmptySubsequences: false)
        var out = Array(lines.removeFirst())
        if let version = String(decoding: out, as: UTF8.self).split(separator: "-").last.flatMap({ Double($0) }), version < 1.5 {
            out = Array("%PDF-1.5".utf8)
        }
        out.append(0x0A)
        if let comment = lines.first, comment.first == UInt8(ascii: "%") {
            out += comment
        } else {
            out += [UInt8(ascii: "%"), 0xB5, 0xED, 0xAE, 0xFB]
        }
        out.append(0x0A)
        return out
    }

    private static func writeIndirect(_ number: Int, _ object: PDFObject, into out: inout [UInt8]) {
        out += Array("\(number) 0 obj\n".utf8)
        object.write(into: &out)
        out += Array("\nendobj\n".utf8)
    }

    /// The bytes between `N G obj` and `endobj` of the object at `offset`, trimmed; `end` is
    /// where the next object starts (searching back from it, binary stream data cannot fool it).
    static func body(of bytes: [UInt8], from offset: Int, to end: Int) -> ArraySlice<UInt8>? {
        let obj = Array("obj".utf8), endobj = Array("endobj".utf8)
        var start = offset
        while start + 3 <= end, !bytes[start..<start + 3].elementsEqual(obj) { start += 1 }
        var stop = end - endobj.count
        while stop >= start + 3, !bytes[stop..<stop + endobj.count].elementsEqual(endobj) { stop -= 1 }
        guard start + 3 <= stop else { return nil }
        start += 3
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while start < stop, isSpace(bytes[start]) { start += 1 }
        while stop > start, isSpace(bytes[stop - 1]) { stop -= 1 }
        return bytes[start..<stop]
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
