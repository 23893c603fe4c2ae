/// Reads PDF objects from bytes: the classic cross-reference tables and objects that cairo
/// 1.16 writes (it never writes object or xref streams).
struct PDFParser {
    enum ParseError: Error, CustomStringConvertible {
        case malformed(String, at: Int)
        var description: String {
            switch self {
            case .malformed(let what, let at): return "malformed PDF at byte \(at): \(what)"
            }
        }
    }

    let bytes: [UInt8]
    var position: Int
    /// Resolves an indirect stream /Length (cairo writes `/Length 10 0 R`).
    var resolveLength: ((Int) -> Int?)?

    init(bytes: [UInt8], position: Int = 0, resolveLength: ((Int) -> Int?)? = nil) {
        self.bytes = bytes
        self.position = position
        self.resolveLength = resolveLength
    }

    private static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00 }
    private static func isDelimiter(_ b: UInt8) -> Bool { "()<>[]{}/%".utf8.contains(b) }

    mutating func skipWhitespaceAndComments() {
        while position < bytes.count {
            let b = bytes[position]
            if PDFParser.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "%") {
                while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// A regular token (number, keyword) at the current position.
    mutating func keyword() -> String {
        skipWhitespaceAndComments()
        let start = position
        while position < bytes.count, !PDFParser.isWhitespace(bytes[position]), !PDFParser.isDelimiter(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func parseObject() throws -> PDFObject {
        skipWhitespaceAndComments()
        guard position < bytes.count else { throw ParseError.malformed("unexpected end", at: position) }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "/"):
            position += 1
            let start = position
            while position < bytes.count, !PDFParser.isWhitespace(bytes[position]), !PDFParser.isDelimiter(bytes[position]) { position += 1 }
            return .name(decodeName(bytes[start..<position]))
        case UInt8(ascii: "("):
            return .string(try literalString())
        case UInt8(ascii: "<"):
            if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<") {
                position += 2
                var dict = PDFDictionary()
                while true {
                    skipWhitespaceAndComments()
                    if bytes[position] == UInt8(ascii: ">") {
                        position += 2
                        break
                    }
                    guard case .name(let key) = try parseObject() else { throw ParseError.malformed("dictionary key", at: position) }
                    dict[key] = try parseObject()
                }
                // A stream follows its dictionary.
                let save = position
                if keyword() == "stream" {
                    if bytes[position] == 0x0D { position += 1 }
                    if bytes[position] == 0x0A { position += 1 }
                    var length = dict["Length"]?.int
                    if let ref = dict["Length"]?.reference { length = resolveLength?(ref) }
                    guard let length, length >= 0, position + length <= bytes.count else {
                        throw ParseError.malformed("stream without a usable /Length", at: position)
                    }
                    let data = Array(bytes[position..<position + length])
                    position += length
                    guard keyword() == "endstream" else { throw ParseError.malformed("endstream", at: position) }
                    return .stream(dict, data)
                }
                position = save
                return .dictionary(dict)
            }
            position += 1
            var hex: [UInt8] = []
            while bytes[position] != UInt8(ascii: ">") {
                if !PDFParser.isWhitespace(bytes[position]) { hex.append(bytes[position]) }
                position += 1
            }
            position += 1
            if hex.count % 2 == 1 { hex.append(UInt8(ascii: "0")) }
            var out: [UInt8] = []
            for i in stride(from: 0, to: hex.count, by: 2) {
                out.append(UInt8(String(decoding: hex[i...i + 1], as: UTF8.self), radix: 16) ?? 0)
            }
            return .string(out)
        case UInt8(ascii: "["):
            position += 1
            var items: [PDFObject] = []
            while true {
                skipWhitespaceAndComments()
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                items.append(try parseObject())
            }
        default:
            let word = keyword()
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default:
                if let n = Int(word) {
                    // "n g R" is a reference.
                    let save = position
                    let g = keyword()
                    if let gen = Int(g), keyword() == "R" { return .reference(n, gen) }
                    position = save
                    return .int(n)
                }
                if let r = Double(word) { return .real(r) }
                throw ParseError.malformed("unexpected '\(word)'", at: position)
            }
        }
    }

    private func decodeName<S: Sequence>(_ raw: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        var it = Array(raw).makeIterator()
        while let b = it.next() {
            if b == UInt8(ascii: "#"), let h1 = it.next(), let h2 = it.next(),
               let v = UInt8(String(decoding: [h1, h2], as: UTF8.self), radix: 16) {
                out.append(v)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func literalString() throws -> [UInt8] {
        position += 1
        var depth = 1
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\\"):
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var v = Int(e - UInt8(ascii: "0"))
                    for _ in 0..<2 where position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[position]) {
                        v = v * 8 + Int(bytes[position] - UInt8(ascii: "0"))
                        position += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: v))
                case 0x0A: break
                case 0x0D: if position < bytes.count && bytes[position] == 0x0A { position += 1 }
                default: out.append(e)
                }
            case UInt8(ascii: "("):
                depth += 1
                out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            default:
                out.append(b)
            }
        }
        throw ParseError.malformed("unterminated string", at: position)
    }
}

/// A whole PDF file as written by cairo: its objects by number, the trailer and where the last
/// cross-reference table starts.
struct PDFFile {
    let bytes: [UInt8]
    private(set) var offsets: [Int: Int] = [:]
    let trailer: PDFDictionary
    let startXref: Int

    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard let sx = PDFFile.lastIndex(of: "startxref", in: bytes) else { throw PDFParser.ParseError.malformed("no startxref", at: 0) }
        var p = PDFParser(bytes: bytes, position: sx + "startxref".utf8.count)
        guard let start = Int(p.keyword()) else { throw PDFParser.ParseError.malformed("startxref offset", at: sx) }
        startXref = start
        var trailerDictionary: PDFDictionary?
        var section: Int? = start
        // Follow /Prev so that every object of every earlier section is known.
        while let at = section {
            var q = PDFParser(bytes: bytes, position: at)
            guard q.keyword() == "xref" else { throw PDFParser.ParseError.malformed("expected xref (xref streams are not supported)", at: at) }
            while true {
                let first = q.keyword()
                if first == "trailer" { break }
                guard let firstNumber = Int(first), let count = Int(q.keyword()) else {
                    throw PDFParser.ParseError.malformed("xref subsection", at: q.position)
                }
                for i in 0..<count {
                    let offset = Int(q.keyword()) ?? 0
                    _ = q.keyword()
                    let kind = q.keyword()
                    if kind == "n" && offsets[firstNumber + i] == nil { offsets[firstNumber + i] = offset }
                }
            }
            guard case .dictionary(let t) = try q.parseObject() else { throw PDFParser.ParseError.malformed("trailer", at: q.position) }
            if trailerDictionary == nil { trailerDictionary = t }
            section = t["Prev"]?.int
        }
        trailer = trailerDictionary!
    }

    func object(_ number: Int) throws -> PDFObject {
        guard let offset = offsets[number] else { throw PDFParser.ParseError.malformed("object \(number) not in xref", at: 0) }
        var p = PDFParser(bytes: bytes, position: offset) { [self] ref in try? self.object(ref).int }
        _ = p.keyword() // number
        _ = p.keyword() // generation
        guard p.keyword() == "obj" else { throw PDFParser.ParseError.malformed("expected obj", at: offset) }
        return try p.parseObject()
    }

    /// Follows a reference; any other object is returned as it is.
    func resolve(_ object: PDFObject) throws -> PDFObject {
        if case .reference(let n, _) = object { return try self.object(n) }
        return object
    }

    var size: Int { trailer["Size"]?.int ?? (offsets.keys.max() ?? 0) + 1 }

    private static func lastIndex(of word: String, in bytes: [UInt8]) -> Int? {
        let w = Array(word.utf8)
        var i = bytes.count - w.count
        while i >= 0 {
            if bytes[i] == w[0] && Array(bytes[i..<i + w.count]) == w { return i }
            i -= 1
        }
        return nil
    }
}
