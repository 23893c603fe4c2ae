import Foundation
import BrevCore
import BrevDocument
import CLibXML2

/// Parses letter XHTML with libxml2 into a Document, accepting only the small vocabulary of
/// DESIGN.md. Every element outside it is reported with file and line; reading goes on so
/// that one run shows every problem.
public enum XHTMLReader {
    static let blockElements: Set<String> = [
        "letterhead", "returnaddress", "recipient", "caseinfo", "signature", "decision", "h1", "h2", "h3", "p", "ul", "ol", "table", "pagebreak",
    ]
    static let inlineElements: Set<String> = ["strong", "em", "a", "br", "span", "footnote"]

    /// `sourceName` names the input in diagnostics (a template path, or "filled afslag").
    /// `rawTemplate`: the text is an unfilled template, where Mustache tags may stand between
    /// blocks (`{{#hearing}}` around a paragraph).
    public static func read(_ text: String, sourceName: String, rawTemplate: Bool = false) throws(DiagnosticsError) -> Document {
        _ = libxml2Initialized
        var reader = Walker(source: sourceName, rawTemplate: rawTemplate)
        let bytes = Array(text.utf8)
        guard let ctxt = xmlNewParserCtxt() else {
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: 1, column: nil), "libxml2 could not start")])
        }
        defer { xmlFreeParserCtxt(ctxt) }
        // No network, no entity expansion, no messages on stderr: errors come back to us.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), sourceName, "UTF-8", options)
            }
        }
        guard let doc else {
            let err = ctxt.pointee.lastError
            let message = err.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed XML"
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: Int(err.line), column: Int(err.int2)), message)])
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw DiagnosticsError([.error(.templateNotWellFormed, at: .file(path: sourceName, line: 1, column: nil), "the document is empty")])
        }
        let document = reader.readLetter(root)
        if !reader.problems.isEmpty { throw DiagnosticsError(reader.problems) }
        return document
    }

    private struct Walker {
        let source: String
        let rawTemplate: Bool
        var problems: [Diagnostic] = []

        init(source: String, rawTemplate: Bool) {
            self.source = source
            self.rawTemplate = rawTemplate
        }

        /// Text between blocks is an error (it would be lost), except Mustache tags in a raw template.
        mutating func checkStrayText(_ parent: xmlNodePtr) {
            for node in children(parent) where node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
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

        mutating func problem(_ node: xmlNodePtr, _ message: String, code: DiagnosticCode = .templateUnknownElement) {
            problems.append(.error(code, at: .file(path: source, line: Int(xmlGetLineNo(node)), column: nil), message))
        }

        mutating func readLetter(_ root: xmlNodePtr) -> Document {
            if name(root) != "letter" { problem(root, "the root element must be <letter>, not <\(name(root))>") }
            let title = attribute(root, "title") ?? ""
            let lang = attribute(root, "lang") ?? "da"
            return Document(title: title, language: lang, blocks: readBlocks(root))
        }

        mutating func readBlocks(_ parent: xmlNodePtr) -> [Block] {
            var blocks: [Block] = []
            checkStrayText(parent)
            for node in children(parent) {
                guard node.pointee.type == XML_ELEMENT_NODE else { continue }
                if let block = readBlock(node) { blocks.append(block) }
            }
            return blocks
        }

        mutating func readBlock(_ node: xmlNodePtr) -> Block? {
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
        mutating func readListItem(_ node: xmlNodePtr) -> [Block] {
            let hasBlocks = elementChildren(node).contains { XHTMLReader.blockElements.contains(name($0)) }
            return hasBlocks ? readBlocks(node) : [.paragraph(trimmed(readInlines(node)))]
        }

        mutating func readTable(_ node: xmlNodePtr) -> Table {
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

        mutating func readInlines(_ parent: xmlNodePtr) -> [Inline] {
            var out: [Inline] = []
            for node in children(parent) {
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    let t = collapsedText(node)
                    if !t.isEmpty { out.append(.text(t)) }
                case XML_ELEMENT_NODE:
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
                        if XHTMLReader.blockElements.contains(n) {
                            problem(node, "<\(n)> is a block and cannot stand inside text")
                        } else {
                            problem(node, "<\(n)> is not in brev's vocabulary")
                        }
                    }
                default:
                    continue
                }
            }
            return out
        }

        // MARK: libxml2 helpers

        func name(_ node: xmlNodePtr) -> String { node.pointee.name.map { String(cString: $0) } ?? "" }

        func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
            var out: [xmlNodePtr] = []
            var c = node.pointee.children
            while let n = c {
                out.append(n)
                c = n.pointee.next
            }
            return out
        }

        func elementChildren(_ node: xmlNodePtr) -> [xmlNodePtr] {
            children(node).filter { $0.pointee.type == XML_ELEMENT_NODE }
        }

        func text(_ node: xmlNodePtr) -> String { node.pointee.content.map { String(cString: $0) } ?? "" }

        /// Whether the node's text is only XML white space (or empty), read from libxml2's bytes.
        func isXMLWhiteSpace(_ node: xmlNodePtr) -> Bool {
            guard var p = node.pointee.content else { return true }
            while true {
                switch p.pointee {
                case 0: return true
                case 0x20, 0x09, 0x0A, 0x0D: p += 1
                default: return false
                }
            }
        }

        /// `collapseWhitespace(text(node))`, made from libxml2's bytes in one pass.
        func collapsedText(_ node: xmlNodePtr) -> String {
            guard let content = node.pointee.content else { return "" }
            let bytes = UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
            return String(unsafeUninitializedCapacity: bytes.count) { out in collapseWhitespace(bytes, into: out) }
        }

        func attribute(_ node: xmlNodePtr, _ key: String) -> String? {
            guard let value = xmlGetProp(node, key) else { return nil }
            defer { clibxml2_free(value) }
            return String(cString: value)
        }
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
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
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
    for i in inlines {
        if case .text(let t) = i, case .text(let prev)? = merged.last {
            merged[merged.count - 1] = .text(prev + t)
        } else {
            merged.append(i)
        }
    }
    // A space right after a line break is layout noise from the template's indentation.
    for k in merged.indices.dropFirst() {
        if case .lineBreak = merged[k - 1], case .text(let t) = merged[k], t.hasPrefix(" ") {
            merged[k] = .text(String(t.dropFirst()))
        }
    }
    if case .text(let t)? = merged.first {
        let s = String(t.drop { $0 == " " })
        if s.isEmpty { merged.removeFirst() } else { merged[0] = .text(s) }
    }
    if case .text(let t)? = merged.last {
        var s = t
        while s.hasSuffix(" ") { s.removeLast() }
        if s.isEmpty { merged.removeLast() } else { merged[merged.count - 1] = .text(s) }
    }
    return merged
}
