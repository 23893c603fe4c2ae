import BrevCore
import Foundation

/// Writes a Document as a standalone, accessible HTML page (preview and website): the HTML twin
/// of the PDF. It is set in the PDF's own face (the `fonts` the pipeline subsets, carried inside
/// the page), with the first page's blocks side by side where the screen has room (letterhead,
/// then the address beside the case info), one column on a phone, and print CSS for A4. Every
/// text is escaped here, the one place where document text meets HTML.
public enum HTMLWriter {
    /// The CSS font stack: the carried subsets first, then an installed Noto Sans.
    static let fontStack = "\"\(WebFont.mainFamily)\", \"\(WebFont.fallbackFamily)\", \"Noto Sans\", sans-serif"

    /// `joined`: the texts a worker joined before (`JoinedTexts`), for one that writes many pages.
    public static func html(_ document: Document, fonts: [WebFont] = [], joined: JoinedTexts? = nil) -> String {
        var body = ""
        var notes: [[Inline]] = []
        var blocks = document.blocks[...]
        // The letter's opening (letterhead, return line, address, case info) is one grid, so the
        // address and the case info stand side by side as in the PDF.
        let opening = blocks.prefix { $0.isOpeningPart }
        if !opening.isEmpty {
            body += "<div class=\"opening\">\n"
            // The return line and the address stand together, as in the envelope's window.
            var inAddressField = false
            for block in opening {
                if block.isAddressFieldPart != inAddressField {
                    body += inAddressField ? "</div>\n" : "<div class=\"address-field\">\n"
                    inAddressField.toggle()
                }
                write(block, into: &body, notes: &notes, joined: joined)
            }
            if inAddressField { body += "</div>\n" }
            body += "</div>\n"
            blocks = blocks.dropFirst(opening.count)
        }
        for block in blocks { write(block, into: &body, notes: &notes, joined: joined) }
        if !notes.isEmpty {
            body += "<section class=\"footnotes\" aria-label=\"Fodnoter\">\n<ol>\n"
            for (i, note) in notes.enumerated() {
                var ignored: [[Inline]] = []
                body += "<li id=\"note-\(i + 1)\">\(inline(note, notes: &ignored, joined: joined))</li>\n"
            }
            body += "</ol>\n</section>\n"
        }
        // The page in one string of the size it will have: its fonts' base64 is most of it.
        let sheet = HTMLStyle.sheet(fontStack: fontStack)
        var page = ""
        page.reserveCapacity(body.utf8.count + sheet.utf8.count + fonts.reduce(0) { $0 + $1.base64.utf8.count + 256 } + 1024)
        page += "<!DOCTYPE html>\n<html lang=\""
        page += escape(document.language)
        page += "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        page += escape(document.title)
        page += "</title>\n<style>\n"
        for font in fonts { appendFontFace(font, to: &page) }
        page += sheet
        page += "</style>\n</head>\n<body>\n<main class=\"sheet\">\n"
        page += body
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// One `@font-face` rule with the font inside it as a `data:` URL, appended to `page`.
    static func appendFontFace(_ font: WebFont, to page: inout String) {
        page += "@font-face { font-family: \""
        page += font.family
        page += font.style.isItalic ? "\"; font-style: italic; font-weight: " : "\"; font-style: normal; font-weight: "
        page += String(font.style.weight)
        page += "; src: url(data:"
        page += font.mediaType
        page += ";base64,"
        page += font.base64
        page += font.mediaType == "font/otf" ? ") format(\"opentype\"); }\n" : ") format(\"truetype\"); }\n"
    }

    private static func write(_ block: Block, into out: inout String, notes: inout [[Inline]], joined: JoinedTexts?) {
        switch block {
        case .heading(let level, let inlines):
            let l = min(max(level, 1), 6)
            out += "<h\(l)>\(inline(inlines, notes: &notes, joined: joined))</h\(l)>\n"
        case .paragraph(let inlines):
            out += "<p>\(inline(inlines, notes: &notes, joined: joined))</p>\n"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)>\n"
            for item in items {
                out += "<li>"
                // A list item of one paragraph is written without <p>, as a reader expects.
                if item.count == 1, case .paragraph(let inlines) = item[0] {
                    out += inline(inlines, notes: &notes, joined: joined)
                } else {
                    for b in item { write(b, into: &out, notes: &notes, joined: joined) }
                }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .table(let table):
            out += "<table class=\"content\">\n"
            if !table.header.isEmpty {
                out += "<thead>\n"
                for row in table.header { out += "<tr>" + row.map { "<th scope=\"col\">\(inline($0, notes: &notes, joined: joined))</th>" }.joined() + "</tr>\n" }
                out += "</thead>\n"
            }
            out += "<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(inline($0, notes: &notes, joined: joined))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        case .letterhead(let lines):
            out += "<header class=\"letterhead\">\n" + lines.map { "<p>\(inline($0, notes: &notes, joined: joined))</p>\n" }.joined() + "</header>\n"
        case .recipient(let lines):
            // Not <address>: that element is for the page's own contact details, and browsers set it in italic.
            out += "<div class=\"recipient\">\n" + lines.map { "<p>\(inline($0, notes: &notes, joined: joined))</p>\n" }.joined() + "</div>\n"
        case .returnAddress(let inlines):
            out += "<p class=\"return-address\">\(inline(inlines, notes: &notes, joined: joined))</p>\n"
        case .caseInfo(let fields):
            out += "<table class=\"caseinfo\">\n"
                + fields.map { "<tr><th scope=\"row\">\(text($0.label, joined: joined))</th><td>\(inline($0.value, notes: &notes, joined: joined))</td></tr>\n" }.joined()
                + "</table>\n"
        case .signature(let lines):
            out += "<div class=\"signature\">\n" + lines.map { "<p>\(inline($0, notes: &notes, joined: joined))</p>\n" }.joined() + "</div>\n"
        case .decision(let blocks):
            out += "<section class=\"decision\">\n"
            for b in blocks { write(b, into: &out, notes: &notes, joined: joined) }
            out += "</section>\n"
        case .pageBreak:
            out += "<hr class=\"page-break\">\n"
        }
    }

    private static func inline(_ inlines: [Inline], notes: inout [[Inline]], joined: JoinedTexts?) -> String {
        var out = ""
        for i in inlines {
            switch i {
            case .text(let s): out += escape(joiningProtectedSpaces(s, joined: joined))
            case .strong(let c): out += "<strong>\(inline(c, notes: &notes, joined: joined))</strong>"
            case .emphasis(let c): out += "<em>\(inline(c, notes: &notes, joined: joined))</em>"
            case .link(let href, let c): out += "<a href=\"\(escape(href))\">\(inline(c, notes: &notes, joined: joined))</a>"
            case .lineBreak: out += "<br>"
            case .footnote(let c):
                notes.append(c)
                out += "<sup><a href=\"#note-\(notes.count)\">\(notes.count)</a></sup>"
            }
        }
        return out
    }

    /// Document text as the page shows it: escaped, with a no-break space (U+00A0) for each space
    /// inside what the PDF never breaks ("§ 101", "stk. 4", dates, amounts, phone numbers:
    /// `NoBreakRules`), so a browser keeps it on one line too.
    public static func text(_ s: String, joined: JoinedTexts? = nil) -> String {
        escape(joiningProtectedSpaces(s, joined: joined))
    }

    /// Only the patterns' matches can hold a space: the digit tokens of `NoBreakRules` are runs
    /// of characters other than white space, so they are not looked for here. A text whose scan
    /// shows no pattern can match is returned as it is; one the patterns must read is looked up
    /// in `joined` first (the regexes were most of the HTML writer's time).
    static func joiningProtectedSpaces(_ s: String, joined: JoinedTexts? = nil) -> String {
        let scan = NoBreakRules.scan(s)
        guard scan.hasDigit else { return s }
        let patterns = NoBreakRules.patterns(for: scan, section: s.unicodeScalars.contains("§"))
        if patterns.isEmpty { return s }
        if let hit = joined?.text(for: s) { return hit }
        let out = joiningSpaces(in: s, ranges: NoBreakRules.matches(of: patterns, in: s))
        joined?.insert(out, for: s)
        return out
    }

    /// `s` with each space inside `ranges` (UTF-16 offsets; a range past the end is passed
    /// over) made a no-break space. Done on the UTF-8 bytes, counting UTF-16 units as it goes:
    /// a space is one byte and one unit, the no-break space two bytes.
    static func joiningSpaces(in s: String, ranges: [Range<Int>]) -> String {
        if ranges.isEmpty { return s }
        let length = s.utf16.count
        let inside = ranges.filter { $0.upperBound <= length && !$0.isEmpty }
        if inside.isEmpty { return s }
        var s = s
        return s.withUTF8 { b in
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 16)
            var unit = 0
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead < 0x80 {
                    if lead == 0x20, inside.contains(where: { $0.contains(unit) }) {
                        out.append(0xC2)
                        out.append(0xA0)
                    } else {
                        out.append(lead)
                    }
                    i += 1
                    unit += 1
                    continue
                }
                let n = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                out += UnsafeBufferPointer(rebasing: b[i..<min(i + n, b.count)])
                i += n
                unit += n == 4 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public static func escape(_ s: String) -> String { XMLText.escaped(s) }
}

extension Block {
    /// The parts that stand in the envelope's window: the return line and the address.
    var isAddressFieldPart: Bool {
        switch self {
        case .recipient, .returnAddress: return true
        default: return false
        }
    }

    /// The parts of a letter's first page that stand in its opening grid.
    var isOpeningPart: Bool {
        switch self {
        case .letterhead, .recipient, .returnAddress, .caseInfo: return true
        default: return false
        }
    }
}
