import BrevCore

/// Writes a Document as a standalone, accessible HTML page (preview and website). Every text
/// is escaped here, the one place where document text meets HTML.
public enum HTMLWriter {
    public static func html(_ document: Document) -> String {
        var body = ""
        for block in document.blocks { write(block, into: &body) }
        return """
        <!DOCTYPE html>
        <html lang="\(escape(document.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>
        body { font-family: "Noto Sans", sans-serif; font-size: 11pt; line-height: 1.45; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #111; }
        .letterhead { text-align: right; margin-bottom: 1.5em; }
        .letterhead p, .recipient p, .signature p { margin: 0; }
        .caseinfo { float: right; margin: 0 0 1em 1em; border-collapse: collapse; }
        .caseinfo th { text-align: left; font-weight: normal; padding-right: 0.6em; }
        .recipient { margin-bottom: 2em; }
        .return-address { font-size: 0.75em; margin: 0; }
        .signature { margin-top: 1.5em; }
        h1 { font-size: 1.35em; clear: both; }
        h2 { font-size: 1.1em; }
        table.content { border-collapse: collapse; }
        table.content th, table.content td { border: 1px solid #999; padding: 0.2em 0.5em; text-align: left; }
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private static func write(_ block: Block, into out: inout String) {
        switch block {
        case .heading(let level, let inlines):
            let l = min(max(level, 1), 6)
            out += "<h\(l)>\(inline(inlines))</h\(l)>\n"
        case .paragraph(let inlines):
            out += "<p>\(inline(inlines))</p>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)>\n"
            for item in items {
                out += "<li>"
                // A list item of one paragraph is written without <p>, as a reader expects.
                if item.count == 1, case .paragraph(let inlines) = item[0] {
                    out += inline(inlines)
                } else {
                    for b in item { write(b, into: &out) }
                }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .table(let table):
            out += "<table class=\"content\">\n"
            if !table.header.isEmpty {
                out += "<thead>\n"
                for row in table.header { out += "<tr>" + row.map { "<th scope=\"col\">\(inline($0))</th>" }.joined() + "</tr>\n" }
                out += "</thead>\n"
            }
            out += "<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        case .letterhead(let lines):
            out += "<header class=\"letterhead\">\n" + lines.map { "<p>\(inline($0))</p>\n" }.joined() + "</header>\n"
        case .recipient(let lines):
            out += "<address class=\"recipient\">\n" + lines.map { "<p>\(inline($0))</p>\n" }.joined() + "</address>\n"
        case .returnAddress(let inlines):
            out += "<p class=\"return-address\">\(inline(inlines))</p>\n"
        case .caseInfo(let fields):
            out += "<table class=\"caseinfo\">\n"
                + fields.map { "<tr><th scope=\"row\">\(escape($0.label))</th><td>\(inline($0.value))</td></tr>\n" }.joined()
                + "</table>\n"
        case .signature(let lines):
            out += "<div class=\"signature\">\n" + lines.map { "<p>\(inline($0))</p>\n" }.joined() + "</div>\n"
        case .pageBreak:
            out += "<hr>\n"
        }
    }

    private static func inline(_ inlines: [Inline]) -> String {
        inlines.map { i -> String in
            switch i {
            case .text(let s): return escape(s)
            case .strong(let c): return "<strong>\(inline(c))</strong>"
            case .emphasis(let c): return "<em>\(inline(c))</em>"
            case .link(let href, let c): return "<a href=\"\(escape(href))\">\(inline(c))</a>"
            case .lineBreak: return "<br>"
            }
        }.joined()
    }

    public static func escape(_ s: String) -> String { XMLText.escaped(s) }
}
