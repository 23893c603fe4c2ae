import BrevDocument

/// Numbers footnotes through a whole document.
final class FootnoteCounter {
    private(set) var count = 0

    func next() -> Int {
        count += 1
        return count
    }

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
/// An external link's text carries its URI, for the PDF's link annotation.
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
                // A link within the document ("#section", the standard's contents) would need a
                // named destination at its target; it is set as text for now.
                let external = href.hasPrefix("#") ? nil : href
                out += flatten(c, bold: bold, italic: italic, counter: counter, notes: &notes).map {
                    var linked = $0
                    linked.link = linked.link ?? external
                    return linked
                }
            case .lineBreak:
                out.append(StyledText(text: "\n", style: FontSet.style(bold: bold, italic: italic)))
            case .footnote(let c):
                guard let counter else { continue }
                let n = counter.next()
                let marker = FootnoteCounter.marker(n)
                notes.append(PendingFootnote(number: n, marker: marker, content: c))
                out.append(StyledText(text: marker, style: FontSet.style(bold: bold, italic: italic)))
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
