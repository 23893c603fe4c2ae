import BrevCore

/// Writes a Document as a standalone, accessible HTML page (preview and website). Every text
/// is escaped here, the one place where document text meets HTML.
public enum HTMLWriter {
    public static func html(_ document: Document) -> String {
        var body = ""
        var notes: [[Inline]] = []
        for block in document.blocks { write(block, into: &body, notes: &notes) }
        if !notes.isEmpty {
            body += "<section class=\"footnotes\" aria-label=\"Fodnoter\">\n<ol>\n"
            for (i, note) in notes.enumerated() {
                var ignored: [[Inline]] = []
                body += "<li id=\"note-\(i + 1)\">\(inline(note, notes: &ignored))</li>\n"
            }
            body += "</ol>\n</section>\n"
        }
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

    private static func write(_ block: Block, into out: inout String, notes: inout [[Inline]]) {
        switch block {
        case .heading(let level, let inlines):
            let l = min(max(level, 1), 6)
            out += "<h\(l)>\(inline(inlines, notes: &notes))</h\(l)>\n"
        case .paragraph(let inlines):
            out += "<p>\(inline(inlines, notes: &notes))</p>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)>\n"
            for item in items {
                out += "<li>"
                // A list item of one paragraph is written without <p>, as a reader expects.
                if item.count == 1, case .paragraph(let inlines) = item[0] {
                    out += inline(inlines, notes: &notes)
                } else {
                    for b in item { write(b, into: &out, notes: &notes) }
                }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .table(let table):
            out += "<table class=\"content\">\n"
            if !table.header.isEmpty {
                out += "<thead>\n"
                for row in table.header { out += "<tr>" + row.map { "<th scope=\"col\">\(inline($0, notes: &notes))</th>" }.joined() + "</tr>\n" }
                out += "</thead>\n"
            }
            out += "<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(inline($0, notes: &notes))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        case .letterhead(let lines):
            out += "<header class=\"letterhead\">\n" + lines.map { "<p>\(inline($0, notes: &notes))</p>\n" }.joined() + "</header>\n"
        case .recipient(let lines):
            out += "<address class=\"recipient\">\n" + lines.map { "<p>\(inline($0, notes: &notes))</p>\n" }.joined() + "</address>\n"
        case .returnAddress(let inlines):
            out += "<p class=\"return-address\">\(inline(inlines, notes: &notes))</p>\n"
        case .caseInfo(let fields):
            out += "<table class=\"caseinfo\">\n"
                + fields.map { "<tr><th scope=\"row\">\(escape($0.label))</th><td>\(inline($0.value, notes: &notes))</td></tr>\n" }.joined()
                + "</table>\n"
        case .signature(let lines):
            out += "<div class=\"signature\">\n" + lines.map { "<p>\(inline($0, notes: &notes))</p>\n" }.joined() + "</div>\n"
        case .decision(let blocks):
            out += "<section class=\"decision\">\n"
            for b in blocks { write(b, into: &out, notes: &notes) }
            out += "</section>\n"
        case .pageBreak:
            out += "<hr>\n"
        }
    }

    private static func inline(_ inlines: [Inline], notes: inout [[Inline]]) -> String {
        var out = ""
        for i in inlines {
            switch i {
            case .text(let s): out += escape(s)
            case .strong(let c): out += "<strong>\(inline(c, notes: &notes))</strong>"
            case .emphasis(let c): out += "<em>\(inline(c, notes: &notes))</em>"
            case .link(let href, let c): out += "<a href=\"\(escape(href))\">\(inline(c, notes: &notes))</a>"
            case .lineBreak: out += "<br>"
            case .footnote(let c):
                notes.append(c)
                out += "<sup><a href=\"#note-\(notes.count)\">\(notes.count)</a></sup>"
            }
        }
        return out
    }

    public static func escape(_ s: String) -> String { XMLText.escaped(s) }
}
