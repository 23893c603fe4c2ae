import Foundation
import BrevCore
import BrevDocument

/// Reads letter XHTML into a Document, accepting only the small vocabulary of
/// DESIGN.md. Every element outside it is reported with file and line; reading goes on so
/// that one run shows every problem.
public enum XHTMLReader {
    static let inlineElements: Set<String> = ["strong", "em", "a", "br", "span", "footnote"]

    /// Whether `name` is one of brev's block elements (a switch, not a set: asked for every list item).
    static func isBlockElement(_ name: String) -> Bool {
        switch name {
        case "letterhead", "returnaddress", "recipient", "caseinfo", "signature", "decision", "h1", "h2", "h3", "p", "ul", "ol",
             "table", "pagebreak":
            return true
        default:
            return false
        }
    }

    /// `sourceName` names the input in diagnostics (a template path, or "filled afslag").
    /// `rawTemplate`: the text is an unfilled template, where Mustache tags may stand between
    /// blocks (`{{#hearing}}` around a paragraph).
    ///
    /// Brev's own reader (`LetterXMLParser`) reads what brev's templates make; text it does not
    /// take, or a letter with any problem, is read again by libxml2, so every diagnostic is
    /// libxml2's reading of the text, as before brev had its own reader.
    public static func read(_ text: String, sourceName: String, rawTemplate: Bool = false) throws(DiagnosticsError) -> Document {
        if let tree = LetterXMLParser.parse(text) {
            var walker = Walker(tree: tree, source: sourceName, rawTemplate: rawTemplate)
            let document = walker.readLetter()
            if walker.problems.isEmpty { return document }
        }
        return try readWithLibXML2(text, sourceName: sourceName, rawTemplate: rawTemplate)
    }

    /// The text read by libxml2 alone: the authority brev's reader must agree with (the tests and
    /// the fuzzer compare the two).
    @_spi(Reference) public static func readWithLibXML2(_ text: String, sourceName: String, rawTemplate: Bool = false) throws(DiagnosticsError) -> Document {
        var walker = Walker(tree: try LibXML2Tree.parse(text, sourceName: sourceName), source: sourceName, rawTemplate: rawTemplate)
        let document = walker.readLetter()
        if !walker.problems.isEmpty { throw DiagnosticsError(walker.problems) }
        return document
    }

    /// Reads a tree into a Document, checking the vocabulary; the same for either reader's tree.
    struct Walker {
        typealias Node = Int32
        let tree: XMLTree
        let source: String
        let rawTemplate: Bool
        var problems: [Diagnostic] = []

        init(tree: XMLTree, source: String, rawTemplate: Bool) {
            self.tree = tree
            self.source = source
            self.rawTemplate = rawTemplate
        }

        /// Text between blocks is an error (it would be lost), except Mustache tags in a raw template.
        mutating func checkStrayText(_ parent: Node) {
            for node in tree.children(parent) where tree.isText(node) {
                // Nearly every such text is the template's line breaks and indentation: seen in its bytes.
                if isXMLWhiteSpace(node) { continue }
                var t = text(node)
                if rawTemplate {
                    t = t.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
                }
                if !t.allSatisfy(\.isWhitespace) {
                    problem(node, "text must stand inside a block such as <p>: '\(t.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40))'")
                }
            }
        }

        mutating func problem(_ node: Node, _ message: String, code: DiagnosticCode = .templateUnknownElement) {
            problems.append(.error(code, at: .file(path: source, line: tree.line(node), column: nil), message))
        }

        mutating func readLetter() -> Document {
            let root = tree.root
            if name(root) != "letter" { problem(root, "the root element must be <letter>, not <\(name(root))>") }
            let title = attribute(root, "title") ?? ""
            let lang = attribute(root, "lang") ?? "da"
            return Document(title: title, language: lang, blocks: readBlocks(root))
        }

        mutating func readBlocks(_ parent: Node) -> [Block] {
            var blocks: [Block] = []
            checkStrayText(parent)
            for node in tree.children(parent) {
                guard !tree.isText(node) else { continue }
                if let block = readBlock(node) { blocks.append(block) }
            }
            return blocks
        }

        mutating func readBlock(_ node: Node) -> Block? {
            let n = name(node)
            switch n {
            case "h1", "h2", "h3":
                return .heading(level: Int(String(n.dropFirst()))!, trimmed(readInlines(node)))
            case "p":
                return .paragraph(trimmed(readInlines(node)))
            case "ul", "ol":
                checkStrayText(node)
                var items: [[Block]] = []
                for child in elementChildren(node) {
                    guard name(child) == "li" else {
                        problem(child, "<\(n)> may hold only <li>, not <\(name(child))>")
                        continue
                    }
                    items.append(readListItem(child))
                }
                return .list(ordered: n == "ol", items: items)
            case "table":
                return .table(readTable(node))
            case "letterhead", "recipient", "signature":
                checkStrayText(node)
                var lines: [[Inline]] = []
                for child in elementChildren(node) {
                    guard name(child) == "p" else {
                        problem(child, "<\(n)> holds one <p> per line, not <\(name(child))>")
                        continue
                    }
                    let line = trimmed(readInlines(child))
                    if !line.isEmpty { lines.append(line) }
                }
                switch n {
                case "letterhead": return .letterhead(lines)
                case "recipient": return .recipient(lines)
                default: return .signature(lines)
                }
            case "caseinfo":
                checkStrayText(node)
                var fields: [CaseInfoField] = []
                for child in elementChildren(node) {
                    guard name(child) == "field", let label = attribute(child, "label") else {
                        problem(child, "<caseinfo> holds <field label=\"…\"> elements")
                        continue
                    }
                    let value = trimmed(readInlines(child))
                    if !value.isEmpty { fields.append(CaseInfoField(label: label, value: value)) }
                }
                return .caseInfo(fields)
            case "returnaddress":
                return .returnAddress(trimmed(readInlines(node)))
            case "decision":
                return .decision(readBlocks(node))
            case "pagebreak":
                return .pageBreak
            default:
                if XHTMLReader.inlineElements.contains(n) {
                    problem(node, "<\(n)> is inline: put it inside a block such as <p>")
                } else {
                    problem(node, "<\(n)> is not in brev's vocabulary (h1–h3, p, ul, ol, li, table, tr, th, td, strong, em, a, br, span, letterhead, recipient, caseinfo, signature, decision, pagebreak)")
                }
                return nil
            }
        }

        /// A list item holds either inline content (a paragraph) or blocks.
        mutating func readListItem(_ node: Node) -> [Block] {
            let hasBlocks = tree.children(node).contains { !tree.isText($0) && XHTMLReader.isBlockElement(name($0)) }
            return hasBlocks ? readBlocks(node) : [.paragraph(trimmed(readInlines(node)))]
        }

        mutating func readTable(_ node: Node) -> Table {
            var header: [[[Inline]]] = []
            var rows: [[[Inline]]] = []
            checkStrayText(node)
            for tr in elementChildren(node) {
                guard name(tr) == "tr" else {
                    problem(tr, "<table> holds <tr> rows, not <\(name(tr))>")
                    continue
                }
                var cells: [[Inline]] = []
                var allHeader = true
                checkStrayText(tr)
                for cell in elementChildren(tr) {
                    let cn = name(cell)
                    guard cn == "th" || cn == "td" else {
                        problem(cell, "<tr> holds <th> or <td>, not <\(cn)>")
                        continue
                    }
                    if cn == "td" { allHeader = false }
                    cells.append(trimmed(readInlines(cell)))
                }
                if allHeader && rows.isEmpty { header.append(cells) } else { rows.append(cells) }
            }
            return Table(header: header, rows: rows)
        }

        mutating func readInlines(_ parent: Node) -> [Inline] {
            var out: [Inline] = []
            for node in tree.children(parent) {
                if tree.isText(node) {
                    let t = collapsedText(node)
                    if !t.isEmpty { out.append(.text(t)) }
                } else {
                    let n = name(node)
                    switch n {
                    case "strong": out.append(.strong(readInlines(node)))
                    case "em": out.append(.emphasis(readInlines(node)))
                    case "span": out.append(contentsOf: readInlines(node))
                    case "br": out.append(.lineBreak)
                    case "footnote": out.append(.footnote(trimmed(readInlines(node))))
                    case "a":
                        guard let href = attribute(node, "href") else {
                            problem(node, "<a> needs an href")
                            continue
                        }
                        out.append(.link(href: href, readInlines(node)))
                    default:
                        if XHTMLReader.isBlockElement(n) {
                            problem(node, "<\(n)> is a block and cannot stand inside text")
                        } else {
                            problem(node, "<\(n)> is not in brev's vocabulary")
                        }
                    }
                }
            }
            return out
        }

        // MARK: tree helpers

        func name(_ node: Node) -> String { tree.name(node) }

        func elementChildren(_ node: Node) -> [Node] {
            tree.children(node).filter { !tree.isText($0) }
        }

        func text(_ node: Node) -> String { tree.withText(node) { String(decoding: $0, as: UTF8.self) } }

        /// Whether the node's text is only XML white space (or empty), read from its bytes.
        func isXMLWhiteSpace(_ node: Node) -> Bool {
            tree.withText(node) { bytes in
                bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            }
        }

        /// `collapseWhitespace(text(node))`, made from the node's bytes in one pass.
        func collapsedText(_ node: Node) -> String {
            tree.withText(node) { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { out in collapseWhitespace(bytes, into: out) }
            }
        }

        func attribute(_ node: Node, _ key: String) -> String? { tree.attribute(node, key) }
    }
}

/// XML white space (space, tab, line feed, carriage return) collapses to one space, as in
/// HTML. A no-break space is content and is kept. The four are ASCII, so the bytes of every
/// other character pass through as they are.
func collapseWhitespace(_ s: String) -> String {
    var s = s
    return s.withUTF8 { bytes in String(unsafeUninitializedCapacity: bytes.count) { collapseWhitespace(bytes, into: $0) } }
}

/// `bytes` collapsed into `out` (room for as many bytes); the count written.
private func collapseWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var n = 0
    var lastWasSpace = false
    for byte in bytes {
        if byte > 0x20 {
            out[n] = byte
            n += 1
            lastWasSpace = false
        } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            if !lastWasSpace { out[n] = UInt8(ascii: " "); n += 1 }
            lastWasSpace = true
        } else {
            out[n] = byte
            n += 1
            lastWasSpace = false
        }
    }
    return n
}

/// Drops the white space at the start and end of a block's content, and merges adjacent text.
func trimmed(_ inlines: [Inline]) -> [Inline] {
    var merged: [Inline] = []
    merged.reserveCapacity(inlines.count)
    for i in inlines {
        if case .text(let t) = i, case .text(let prev)? = merged.last {
            merged[merged.count - 1] = .text(prev + t)
        } else {
            merged.append(i)
        }
    }
    // A space right after a line break is layout noise from the template's indentation.
    for k in merged.indices.dropFirst() {
        if case .lineBreak = merged[k - 1], case .text(let t) = merged[k], let rest = droppingFirstSpace(t) {
            merged[k] = .text(rest)
        }
    }
    if case .text(let t)? = merged.first {
        let s = droppingLeadingSpaces(t)
        if s.isEmpty { merged.removeFirst() } else { merged[0] = .text(s) }
    }
    if case .text(let t)? = merged.last {
        let s = droppingTrailingSpaces(t)
        if s.isEmpty { merged.removeLast() } else { merged[merged.count - 1] = .text(s) }
    }
    return merged
}

// The three below drop space Characters as `String`'s Character operations do, counting bytes
// where that is the same: a space next to an ASCII byte (or the text's end) is a Character of
// its own. Next to another byte (a combining mark may join the space) they use Characters.

/// `String(t.drop { $0 == " " })`.
func droppingLeadingSpaces(_ t: String) -> String {
    let u = t.utf8
    guard u.first == 0x20 else { return t }
    let k = u.prefix { $0 == 0x20 }.count
    if k == u.count { return "" }
    let next = u.index(u.startIndex, offsetBy: k)
    guard u[next] < 0x80 else { return String(t.drop { $0 == " " }) }
    return String(t[next...])
}

/// `String(t.dropFirst())` when `t.hasPrefix(" ")`, else nil.
func droppingFirstSpace(_ t: String) -> String? {
    let u = t.utf8
    guard u.first == 0x20 else { return nil }
    let second = u.index(after: u.startIndex)
    guard second == u.endIndex || u[second] < 0x80 else { return t.hasPrefix(" ") ? String(t.dropFirst()) : nil }
    return String(t[second...])
}

/// `t` after `while t.hasSuffix(" ") { t.removeLast() }`.
func droppingTrailingSpaces(_ t: String) -> String {
    let u = t.utf8
    guard u.last == 0x20 else { return t }
    var end = u.endIndex
    while end > u.startIndex && u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
    guard end == u.startIndex || u[u.index(before: end)] < 0x80 else {
        var s = t
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
    return String(t[..<end])
}
