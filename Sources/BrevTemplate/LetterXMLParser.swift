import Foundation

/// Brev's own strict reader for the XML its templates and Mustache filling make: elements,
/// attributes in single or double quotes, character data, the five predefined entities, decimal
/// and hexadecimal character references, and comments. It accepts a subset of what libxml2
/// accepts and builds the same tree for it; anything else (a DOCTYPE, CDATA, a processing
/// instruction or XML declaration, another entity, a name outside plain ASCII or with a colon,
/// a byte order mark, a character XML forbids, malformed markup, deep nesting, a large text)
/// gives nil, and the caller hands the text to libxml2, which decides and words every error.
enum LetterXMLParser {
    /// Limits far below libxml2's own (depth 256, a text node of 10 MB, a name of 50,000 bytes):
    /// nothing near them is a letter, and past them libxml2 decides.
    static let maximumBytes = 1 << 20
    static let maximumDepth = 64
    static let maximumNameLength = 64
    static let maximumAttributes = 16

    static func parse(_ text: String) -> XMLTree? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> XMLTree? {
        guard bytes.count > 0, bytes.count <= maximumBytes else { return nil }
        var reader = Reader(p: bytes)
        return reader.document() ? reader.tree : nil
    }

    /// An element whose end tag is still to come.
    private struct Open {
        var node: Int32
        var lastChild: Int32
        var nameStart: Int
        var nameEnd: Int
    }

    private struct Reader {
        let p: UnsafeBufferPointer<UInt8>
        let stopsText = textStops
        var i = 0
        var tree = XMLTree()
        var open: [Open] = []
        /// An attribute value being read.
        var value: [UInt8] = []
        /// The names of the attributes of the start tag being read, as ranges of `p`.
        var attributeNames: [(start: Int, end: Int)] = []

        init(p: UnsafeBufferPointer<UInt8>) {
            self.p = p
            tree.text.reserveCapacity(p.count)
            tree.nodes.reserveCapacity(p.count / 24)
            open.reserveCapacity(16)
        }

        var n: Int { p.count }

        /// Whether `p[i...]` starts with `s` (ASCII).
        func at(_ s: StaticString, _ offset: Int = 0) -> Bool {
            let k = s.utf8CodeUnitCount
            guard i + offset + k <= n else { return false }
            let q = s.utf8Start
            for j in 0 ..< k where p[i + offset + j] != q[j] { return false }
            return true
        }

        mutating func document() -> Bool {
            guard misc(), i < n, p[i] == UInt8(ascii: "<"), startTag() else { return false }
            while !open.isEmpty {
                guard content() else { return false }
            }
            return misc() && i == n
        }

        /// White space and comments before or after the root element.
        mutating func misc() -> Bool {
            while i < n {
                switch p[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                case UInt8(ascii: "<") where at("<!--"):
                    guard comment() else { return false }
                default: return true
                }
            }
            return true
        }

        /// Character data up to the next markup, then that markup: one text node at most, then
        /// one start tag, end tag or comment.
        mutating func content() -> Bool {
            let textStart = tree.text.count
            while true {
                let run = i
                while i < n && !stopsText[Int(p[i])] { i += 1 }
                if i > run { tree.text.append(contentsOf: UnsafeBufferPointer(rebasing: p[run ..< i])) }
                guard i < n else { return false }
                let b = p[i]
                if b == UInt8(ascii: "<") { break }
                switch b {
                case UInt8(ascii: "&"):
                    guard let c = reference() else { return false }
                    appendUTF8(c, to: &tree.text)
                case UInt8(ascii: "]"):
                    if at("]]>") { return false }
                    tree.text.append(b)
                    i += 1
                case 0x0D:
                    // XML's line ends: CR LF and a lone CR are read as LF.
                    tree.text.append(0x0A)
                    i += 1
                    if i < n && p[i] == 0x0A { i += 1 }
                case 0xEF:
                    // U+FFFE and U+FFFF are not XML characters.
                    if i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF) { return false }
                    tree.text.append(b)
                    i += 1
                default:
                    return false // a control character
                }
            }
            if tree.text.count > textStart {
                var top = open[open.count - 1]
                top.lastChild = tree.append(XMLTree.Node(name: "", isText: true, start: Int32(textStart),
                                                         count: Int32(tree.text.count - textStart), line: 0),
                                            parent: top.node, after: top.lastChild)
                open[open.count - 1] = top
            }
            // p[i] is "<".
            guard i + 1 < n else { return false }
            switch p[i + 1] {
            case UInt8(ascii: "/"): return endTag()
            case UInt8(ascii: "!"): return at("<!--") && comment()
            default: return startTag()
            }
        }

        mutating func startTag() -> Bool {
            guard open.count < LetterXMLParser.maximumDepth else { return false }
            i += 1
            let nameStart = i
            guard name() else { return false }
            let nameEnd = i
            let attributeStart = tree.attributes.count
            attributeNames.removeAll(keepingCapacity: true)
            var selfClosing = false
            while true {
                let spaced = blanks()
                guard i < n else { return false }
                if p[i] == UInt8(ascii: ">") { i += 1; break }
                if p[i] == UInt8(ascii: "/") {
                    guard i + 1 < n, p[i + 1] == UInt8(ascii: ">") else { return false }
                    i += 2
                    selfClosing = true
                    break
                }
                guard spaced, attributeNames.count < LetterXMLParser.maximumAttributes else { return false }
                let attrStart = i
                guard name() else { return false }
                let attrEnd = i
                // Two attributes of one name are an error in XML.
                for (s, e) in attributeNames where e - s == attrEnd - attrStart {
                    if memcmp(p.baseAddress! + s, p.baseAddress! + attrStart, e - s) == 0 { return false }
                }
                attributeNames.append((attrStart, attrEnd))
                _ = blanks()
                guard i < n, p[i] == UInt8(ascii: "=") else { return false }
                i += 1
                _ = blanks()
                guard attributeValue() else { return false }
                let attrName = String(decoding: UnsafeBufferPointer(rebasing: p[attrStart ..< attrEnd]), as: UTF8.self)
                if XMLTree.attributeNames.contains(attrName) {
                    tree.attributes.append(XMLTree.Attribute(name: attrName, value: String(decoding: value, as: UTF8.self)))
                }
            }
            let element = XMLTree.Node(name: String(decoding: UnsafeBufferPointer(rebasing: p[nameStart ..< nameEnd]), as: UTF8.self),
                                       isText: false, start: Int32(attributeStart),
                                       count: Int32(tree.attributes.count - attributeStart), line: 0)
            let index: Int32
            if var top = open.last {
                index = tree.append(element, parent: top.node, after: top.lastChild)
                top.lastChild = index
                open[open.count - 1] = top
            } else {
                index = tree.append(element, parent: -1, after: -1)
                tree.root = index
            }
            if !selfClosing { open.append(Open(node: index, lastChild: -1, nameStart: nameStart, nameEnd: nameEnd)) }
            return true
        }

        mutating func endTag() -> Bool {
            let top = open[open.count - 1]
            i += 2
            let nameStart = i
            guard name(), i - nameStart == top.nameEnd - top.nameStart,
                  memcmp(p.baseAddress! + nameStart, p.baseAddress! + top.nameStart, i - nameStart) == 0 else { return false }
            _ = blanks()
            guard i < n, p[i] == UInt8(ascii: ">") else { return false }
            i += 1
            open.removeLast()
            return true
        }

        /// `<!--` … `-->`, whose text may not hold `--`.
        mutating func comment() -> Bool {
            i += 4
            while i < n {
                // Most bytes are none of the four below.
                while i < n && p[i] != UInt8(ascii: "-") && !stopsText[Int(p[i])] { i += 1 }
                guard i < n else { return false }
                let b = p[i]
                if b == UInt8(ascii: "-") && i + 1 < n && p[i + 1] == UInt8(ascii: "-") {
                    guard i + 2 < n, p[i + 2] == UInt8(ascii: ">") else { return false }
                    i += 3
                    return true
                }
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
                if b == 0xEF && i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF) { return false }
                i += 1
            }
            return false
        }

        /// A quoted value into `value`, its references replaced and its white space characters
        /// (CR LF counting as one) made spaces, as XML normalises an attribute without a DTD.
        mutating func attributeValue() -> Bool {
            guard i < n, p[i] == UInt8(ascii: "\"") || p[i] == UInt8(ascii: "'") else { return false }
            let quote = p[i]
            i += 1
            value.removeAll(keepingCapacity: true)
            while i < n {
                let b = p[i]
                switch b {
                case quote:
                    i += 1
                    return true
                case UInt8(ascii: "<"):
                    return false
                case UInt8(ascii: "&"):
                    guard let c = reference() else { return false }
                    appendUTF8(c, to: &value)
                    continue
                case 0x09, 0x0A:
                    value.append(0x20)
                case 0x0D:
                    value.append(0x20)
                    if i + 1 < n && p[i + 1] == 0x0A { i += 1 }
                case 0xEF:
                    if i + 2 < n && p[i + 1] == 0xBF && (p[i + 2] == 0xBE || p[i + 2] == 0xBF) { return false }
                    value.append(b)
                default:
                    if b < 0x20 { return false }
                    value.append(b)
                }
                i += 1
            }
            return false
        }

        /// An ASCII name without a colon, not starting with "xml" (reserved, and `xmlns` declares
        /// a namespace).
        mutating func name() -> Bool {
            let start = i
            guard i < n, isNameStart(p[i]) else { return false }
            i += 1
            while i < n && isNameByte(p[i]) { i += 1 }
            guard i - start <= LetterXMLParser.maximumNameLength else { return false }
            if i - start >= 3 && p[start] | 0x20 == UInt8(ascii: "x") && p[start + 1] | 0x20 == UInt8(ascii: "m")
                && p[start + 2] | 0x20 == UInt8(ascii: "l") { return false }
            // A non-ASCII byte or a colon right after the name belongs to a name brev does not read.
            if i < n && (p[i] >= 0x80 || p[i] == UInt8(ascii: ":")) { return false }
            return true
        }

        /// Skips XML white space; whether there was any.
        mutating func blanks() -> Bool {
            let start = i
            while i < n && (p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x09 || p[i] == 0x0D) { i += 1 }
            return i > start
        }

        /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;`, `&#NNN;` or `&#xHHH;` at `i`: the character,
        /// with `i` after it; nil for anything else.
        mutating func reference() -> UInt32? {
            if at("&#x") {
                var j = i + 3
                var v: UInt32 = 0
                while j < n, let d = hexDigit(p[j]) {
                    guard j - i < 3 + 6 else { return nil }
                    v = v * 16 + d
                    j += 1
                }
                guard j > i + 3, j < n, p[j] == UInt8(ascii: ";"), isXMLChar(v) else { return nil }
                i = j + 1
                return v
            }
            if at("&#") {
                var j = i + 2
                var v: UInt32 = 0
                while j < n, p[j] >= UInt8(ascii: "0"), p[j] <= UInt8(ascii: "9") {
                    guard j - i < 2 + 7 else { return nil }
                    v = v * 10 + UInt32(p[j] - UInt8(ascii: "0"))
                    j += 1
                }
                guard j > i + 2, j < n, p[j] == UInt8(ascii: ";"), isXMLChar(v) else { return nil }
                i = j + 1
                return v
            }
            let c: UInt8
            let length: Int
            if at("&amp;") { (c, length) = (UInt8(ascii: "&"), 5) }
            else if at("&lt;") { (c, length) = (UInt8(ascii: "<"), 4) }
            else if at("&gt;") { (c, length) = (UInt8(ascii: ">"), 4) }
            else if at("&quot;") { (c, length) = (UInt8(ascii: "\""), 6) }
            else if at("&apos;") { (c, length) = (UInt8(ascii: "'"), 6) }
            else { return nil }
            i += length
            return UInt32(c)
        }
    }
}

/// `isSpecialInText` for every byte, looked up in the scan of character data.
// Written once, when first used, and only read after: safe to share between threads.
nonisolated(unsafe) private let textStops: UnsafePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
    for b in 0 ..< 256 { table[b] = isSpecialInText(UInt8(b)) }
    return UnsafePointer(table)
}()

/// Bytes that end a plain run of character data: markup, references, "]" (of "]]>"), CR,
/// control characters, and 0xEF (U+FFFE and U+FFFF start with it).
@inline(__always)
private func isSpecialInText(_ b: UInt8) -> Bool {
    if b < 0x20 { return b != 0x09 && b != 0x0A }
    return b == UInt8(ascii: "<") || b == UInt8(ascii: "&") || b == UInt8(ascii: "]") || b == 0xEF
}

@inline(__always)
private func isNameStart(_ b: UInt8) -> Bool {
    (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
}

@inline(__always)
private func isNameByte(_ b: UInt8) -> Bool {
    isNameStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
}

private func hexDigit(_ b: UInt8) -> UInt32? {
    switch b {
    case UInt8(ascii: "0") ... UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
    case UInt8(ascii: "a") ... UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A") ... UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
    default: return nil
    }
}

/// XML 1.0's Char production.
private func isXMLChar(_ v: UInt32) -> Bool {
    v == 0x09 || v == 0x0A || v == 0x0D || (0x20 ... 0xD7FF).contains(v) || (0xE000 ... 0xFFFD).contains(v)
        || (0x10000 ... 0x10FFFF).contains(v)
}

private func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case ..<0x80:
        out.append(UInt8(v))
    case ..<0x800:
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    case ..<0x10000:
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}
