import Foundation

/// Straight double quotes in running text become Danish typographic quotes, »så her«, as a
/// typesetter would set them (issue 11). Only the body is touched (headings, paragraphs, lists,
/// tables, footnotes): names and addresses in the recipient, letterhead and case facts keep the
/// characters they were given.
public enum TypographicQuotes {
    public static let opening: Character = "»"
    public static let closing: Character = "«"

    public static func apply(_ document: Document) -> Document {
        var quoted = document
        var previous: Character = " "
        quoted.blocks = document.blocks.map { block($0, previous: &previous) }
        return quoted
    }

    private static func block(_ block: Block, previous: inout Character) -> Block {
        previous = " " // a block starts a new run of text: its first quote opens
        switch block {
        case .heading(let level, let c): return .heading(level: level, inlines(c, previous: &previous))
        case .paragraph(let c): return .paragraph(inlines(c, previous: &previous))
        case .list(let ordered, let items):
            return .list(ordered: ordered, items: items.map { $0.map { self.block($0, previous: &previous) } })
        case .table(var t):
            t.header = t.header.map { $0.map { previous = " "; return inlines($0, previous: &previous) } }
            t.rows = t.rows.map { $0.map { previous = " "; return inlines($0, previous: &previous) } }
            return .table(t)
        case .decision(let blocks):
            return .decision(blocks.map { self.block($0, previous: &previous) })
        case .letterhead, .recipient, .returnAddress, .caseInfo, .signature, .pageBreak:
            return block
        }
    }

    /// `previous` is the character before, across inline boundaries (`"<strong>ja</strong>"`).
    public static func inlines(_ content: [Inline], previous: inout Character) -> [Inline] {
        content.map { inline in
            switch inline {
            case .text(let s): return .text(text(s, previous: &previous))
            case .strong(let c): return .strong(inlines(c, previous: &previous))
            case .emphasis(let c): return .emphasis(inlines(c, previous: &previous))
            case .link(let href, let c): return .link(href: href, inlines(c, previous: &previous))
            case .footnote(let c):
                var inNote: Character = " "
                return .footnote(inlines(c, previous: &inNote))
            case .lineBreak:
                previous = " "
                return inline
            }
        }
    }

    /// A quote after white space or an opening bracket opens; any other closes.
    public static func text(_ s: String, previous: inout Character) -> String {
        // A quote character holds the byte 0x22, so text without that byte has none; the byte
        // test spares the character-by-character search on most of a letter's texts.
        guard hasQuoteByte(s), s.contains("\"") else {
            previous = s.last ?? previous
            return s
        }
        var out = ""
        for ch in s {
            if ch == "\"" {
                out.append(previous.isWhitespace || "([{/–—".contains(previous) ? opening : closing)
            } else {
                out.append(ch)
            }
            previous = out.last!
        }
        return out
    }

    /// Whether `s` holds the byte 0x22, found by memchr in its storage.
    private static func hasQuoteByte(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { b in
            guard let base = b.baseAddress else { return false }
            return memchr(base, 0x22, b.count) != nil
        } ?? s.utf8.contains(UInt8(ascii: "\""))
    }
}
