/// The finished file, written whole: cairo's objects with the finishing pass's new and
/// changed ones, and nothing else. Earlier this was an incremental update appended to cairo's
/// file, which left every superseded object (the catalog, pages, content streams, structure
/// elements) in the file, with a classic cross-reference table.
///
/// Now only objects reachable from the trailer are written, renumbered in the order they are
/// reached; stream /Length is direct (cairo's separate length objects go); every dictionary
/// and array object but the catalog goes into compressed object streams, and the
/// cross-reference is a compressed stream (ISO 32000-1 §7.5.7, §7.5.8; PDF/A-2 allows both).
/// The catalog stays a plain object so that its entries can be found in the file's bytes.
struct PDFRewrite {
    let file: PDFFile
    private var objects: [Int: PDFObject] = [:]
    private var nextNumber: Int

    /// Objects per object stream: enough that the dictionaries' shared words compress well,
    /// few enough that a reader never inflates much to reach one object.
    static let objectsPerStream = 200

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
        // Every object reachable from the trailer, in the order reached (the catalog first).
        var order: [Int] = []
        var newNumber: [Int: Int] = [:]
        var loaded: [Int: PDFObject] = [:]
        var queue: [Int] = []
        func visit(_ object: PDFObject) {
            switch object {
            case .reference(let n, _):
                if newNumber[n] == nil {
                    newNumber[n] = order.count + 1
                    order.append(n)
                    queue.append(n)
                }
            case .array(let items): items.forEach(visit)
            case .dictionary(let d), .stream(let d, _): d.entries.forEach { visit($0.value) }
            default: break
            }
        }
        for (_, value) in extra { visit(value) }
        var head = 0
        while head < queue.count {
            let n = queue[head]
            head += 1
            var object = try objects[n] ?? file.object(n)
            if case .stream(var d, let data) = object {
                d["Length"] = .int(data.count)  // direct: the length object is no longer needed
                object = .stream(d, data)
            }
            loaded[n] = object
            visit(object)
        }
        let rootNumber = extra.first { $0.0 == "Root" }?.1.reference

        var out = header()
        let count = order.count
        // Per new number: (0 free, 1 at offset, 2 in object stream), field 2, field 3.
        var entries = [(type: UInt8, a: Int, b: Int)](repeating: (0, 0, 0), count: count + 1)
        entries[0] = (0, 0, 0xFFFF)
        var packed: [(number: Int, object: PDFObject)] = []
        for old in order {
            let number = newNumber[old]!
            let object = PDFRewrite.renumber(loaded[old]!, newNumber)
            if case .stream = object {
                entries[number] = (1, out.count, 0)
                PDFRewrite.writeIndirect(number, object, into: &out)
            } else if old == rootNumber {
                entries[number] = (1, out.count, 0)
                PDFRewrite.writeIndirect(number, object, into: &out)
            } else {
                packed.append((number, object))
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
            for (position, (number, object)) in chunk.enumerated() {
                entries[number] = (2, streamNumber, position)
                index += Array("\(number) \(body.count) ".utf8)
                object.write(into: &body)
                body.append(0x0A)
            }
            entries.append((1, out.count, 0))
            let dictionary = PDFDictionary([("Type", .name("ObjStm")), ("N", .int(chunk.count)), ("First", .int(index.count)),
                                            ("Filter", .name("FlateDecode"))])
            PDFRewrite.writeIndirect(streamNumber, .stream(dictionary, try Zlib.deflate(index + body, level: 9)), into: &out)
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
        for (key, value) in extra where value != .null { dictionary[key] = PDFRewrite.renumber(value, newNumber) }
        PDFRewrite.writeIndirect(xrefNumber, .stream(dictionary, try Zlib.deflate(table, level: 9)), into: &out)
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

    private static func renumber(_ object: PDFObject, _ map: [Int: Int]) -> PDFObject {
        switch object {
        case .reference(let n, _): return .reference(map[n]!, 0)
        case .array(let items): return .array(items.map { renumber($0, map) })
        case .dictionary(let d): return .dictionary(renumber(d, map))
        case .stream(let d, let data): return .stream(renumber(d, map), data)
        default: return object
        }
    }

    private static func renumber(_ d: PDFDictionary, _ map: [Int: Int]) -> PDFDictionary {
        PDFDictionary(d.entries.map { ($0.key, renumber($0.value, map)) })
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
