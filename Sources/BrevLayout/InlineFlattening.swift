import BrevDocument

/// Inline markup to styled text: strong → bold, em → italic, a line break → a mandatory break.
/// Links are set as their text.
enum InlineFlattening {
    static func flatten(_ inlines: [Inline], bold: Bool = false, italic: Bool = false) -> [StyledText] {
        var out: [StyledText] = []
        for inline in inlines {
            switch inline {
            case .text(let s):
                out.append(StyledText(text: s, style: FontSet.style(bold: bold, italic: italic)))
            case .strong(let c):
                out += flatten(c, bold: true, italic: italic)
            case .emphasis(let c):
                out += flatten(c, bold: bold, italic: true)
            case .link(_, let c):
                out += flatten(c, bold: bold, italic: italic)
            case .lineBreak:
                out.append(StyledText(text: "\n", style: FontSet.style(bold: bold, italic: italic)))
            }
        }
        return out
    }
}
