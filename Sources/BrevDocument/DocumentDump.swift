/// A readable, stable text form of a Document, used as golden files in tests: a change in
/// what a template produces shows up as a diff a person can read.
public enum DocumentDump {
    public static func dump(_ document: Document) -> String {
        var out = "document v\(Document.version) lang=\(document.language) title=\(quote(document.title))\n"
        for block in document.blocks { dump(block, indent: 1, into: &out) }
        return out
    }

    private static func dump(_ block: Block, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch block {
        case .heading(let level, let inlines):
            out += "\(pad)h\(level) \(inline(inlines))\n"
        case .paragraph(let inlines):
            out += "\(pad)p \(inline(inlines))\n"
        case .list(let ordered, let items):
            out += "\(pad)\(ordered ? "ol" : "ul")\n"
            for item in items {
                out += "\(pad)  li\n"
                for b in item { dump(b, indent: indent + 2, into: &out) }
            }
        case .table(let table):
            out += "\(pad)table\n"
            for row in table.header { out += "\(pad)  th-row \(row.map { inline($0) }.joined(separator: " | "))\n" }
            for row in table.rows { out += "\(pad)  row \(row.map { inline($0) }.joined(separator: " | "))\n" }
        case .letterhead(let lines):
            out += "\(pad)letterhead\n" + lines.map { "\(pad)  line \(inline($0))\n" }.joined()
        case .recipient(let lines):
            out += "\(pad)recipient\n" + lines.map { "\(pad)  line \(inline($0))\n" }.joined()
        case .returnAddress(let inlines):
            out += "\(pad)returnaddress \(inline(inlines))\n"
        case .caseInfo(let fields):
            out += "\(pad)caseinfo\n" + fields.map { "\(pad)  field \(quote($0.label)) \(inline($0.value))\n" }.joined()
        case .signature(let lines):
            out += "\(pad)signature\n" + lines.map { "\(pad)  line \(inline($0))\n" }.joined()
        case .decision(let blocks):
            out += "\(pad)decision\n"
            for b in blocks { dump(b, indent: indent + 1, into: &out) }
        case .pageBreak:
            out += "\(pad)pagebreak\n"
        }
    }

    private static func inline(_ inlines: [Inline]) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): return quote(s)
            case .strong(let c): return "strong(\(inline(c)))"
            case .emphasis(let c): return "em(\(inline(c)))"
            case .link(let href, let c): return "link[\(href)](\(inline(c)))"
            case .lineBreak: return "br"
            case .footnote(let c): return "footnote(\(inline(c)))"
            }
        }.joined(separator: " ")
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\u{00A0}": out += "\\u{a0}"
            case "\u{00AD}": out += "\\u{ad}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
