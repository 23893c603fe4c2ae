import BrevDocument

/// Numbers footnotes through a whole document.
final class FootnoteCounter {
    private(set) var count = 0

    func next() -> Int {
        count += 1
        return count
    }

    /// The named destination of note `n` in the PDF, as the HTML page's anchor: "note-3".
    static func destination(_ n: Int) -> String { "note-\(n)" }

    /// `12` → `¹²`: the reference as it stands in the text, and as copied text keeps it.
    static func marker(_ n: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(n).map { superscripts[Int(String($0))!] })
    }
}

/// A footnote met while flattening: its number, its marker and its words.
struct PendingFootnote {
    var number: Int
    var marker: String
    var content: [Inline]
}

/// Inline markup to styled text: strong → bold, em → italic, a line break → a mandatory break,
/// a footnote → its superscript number (the note itself is set at the foot of the page).
/// A link's text carries its target (a URI or `#name`), for the PDF's link annotation; a
/// footnote reference links to its note.
enum InlineFlattening {
    static func flatten(_ inlines: [Inline], bold: Bool = false, italic: Bool = false,
                        counter: FootnoteCounter? = nil, notes: inout [PendingFootnote]) -> [StyledText] {
        var out: [StyledText] = []
        for inline in inlines {
            switch inline {
            case .text(let s):
                out.append(StyledText(text: s, style: FontSet.style(bold: bold, italic: italic)))
            case .strong(let c):
                out += flatten(c, bold: true, italic: italic, counter: counter, notes: &notes)
            case .emphasis(let c):
                out += flatten(c, bold: bold, italic: true, counter: counter, notes: &notes)
            case .link(let href, let c):
                // "#name" links within the document (the standard's contents) to a run that
                // carries that destination; the PDF writer sets it as text where none does.
                out += flatten(c, bold: bold, italic: italic, counter: counter, notes: &notes).map {
                    var linked = $0
                    linked.link = linked.link ?? href
                    return linked
                }
            case .lineBreak:
                out.append(StyledText(text: "\n", style: FontSet.style(bold: bold, italic: italic)))
            case .footnote(let c):
                guard let counter else { continue }
                let n = counter.next()
                let marker = FootnoteCounter.marker(n)
                notes.append(PendingFootnote(number: n, marker: marker, content: c))
                // The reference links to its note (`BlockFlow.footnote` names the destination).
                out.append(StyledText(text: marker, style: FontSet.style(bold: bold, italic: italic),
                                      link: "#" + FootnoteCounter.destination(n)))
            }
        }
        return out
    }

    /// For places where footnotes are not set (the letterhead, table cells, headers).
    static func flatten(_ inlines: [Inline], bold: Bool = false, italic: Bool = false) -> [StyledText] {
        var ignored: [PendingFootnote] = []
        return flatten(inlines, bold: bold, italic: italic, counter: nil, notes: &ignored)
    }
}
