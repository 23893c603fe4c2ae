import BrevCore
import Foundation

/// A font the HTML twin carries inside itself as a `data:` URL, so the page is set in the same
/// face as the PDF and loads nothing from another host. Made by the pipeline (a subset of the
/// letter's own fonts); the HTML writer only writes it into the page's `@font-face` rules.
public struct WebFont: Sendable, Equatable {
    public enum Style: Sendable, Equatable, CaseIterable {
        case regular, bold, italic, boldItalic

        public var weight: Int { self == .bold || self == .boldItalic ? 700 : 400 }
        public var isItalic: Bool { self == .italic || self == .boldItalic }
    }

    /// The family names the page's CSS asks for: the subset of Noto Sans, then of the fallback
    /// face for characters Noto Sans lacks (as layout falls back in the PDF).
    public static let mainFamily = "Brev Noto Sans"
    public static let fallbackFamily = "Brev DejaVu Sans"

    /// `mainFamily` or `fallbackFamily`.
    public var family: String
    public var style: Style
    /// `font/ttf` or `font/otf`.
    public var mediaType: String
    public var data: [UInt8] {
        didSet { base64 = Base64.encoded(data) }
    }
    /// `data` in base64, as the page's `data:` URL carries it: encoded once with the font, so a
    /// font the subsetter reuses for many pages is not encoded again for each.
    public private(set) var base64: String

    public init(family: String, style: Style, mediaType: String = "font/ttf", data: [UInt8]) {
        self.family = family
        self.style = style
        self.mediaType = mediaType
        self.data = data
        base64 = Base64.encoded(data)
    }
}

extension Document {
    /// Every character the HTML page shows in the letter's face: the text of all blocks and
    /// notes, the case info labels, and what the browser draws itself (list bullets, the
    /// numbers of ordered lists and notes). The web fonts are subset to these.
    public var shownCharacters: Set<Unicode.Scalar> {
        shownCollector(adding: "").scalars
    }

    /// The values of `shownCharacters` and of the scalars of `extra`, in ascending order.
    public func shownCharacterValues(adding extra: String) -> [UInt32] {
        shownCollector(adding: extra).sortedValues
    }

    private func shownCollector(adding extra: String) -> ScalarCollector {
        var out = ScalarCollector()
        out.add("0123456789.•")
        out.add(extra)
        func add(_ inlines: [Inline]) {
            for i in inlines {
                switch i {
                case .text(let s): out.add(s)
                case .strong(let c), .emphasis(let c), .link(_, let c), .footnote(let c): add(c)
                case .lineBreak: break
                }
            }
        }
        func add(_ block: Block) {
            switch block {
            case .heading(_, let c), .paragraph(let c), .returnAddress(let c): add(c)
            case .list(_, let items): items.forEach { $0.forEach(add) }
            case .table(let t): (t.header + t.rows).forEach { $0.forEach(add) }
            case .letterhead(let lines), .recipient(let lines), .signature(let lines): lines.forEach(add)
            case .decision(let blocks): blocks.forEach(add)
            case .caseInfo(let fields):
                for f in fields {
                    out.add(f.label)
                    add(f.value)
                }
            case .pageBreak: break
            }
        }
        blocks.forEach(add)
        // White space is drawn from any face; leaving it in keeps the space glyph's width.
        return out
    }

    /// Whether any text is set in italic (an `emphasis`): only then does the page need the italic faces.
    public var usesItalic: Bool {
        func inInlines(_ inlines: [Inline]) -> Bool {
            inlines.contains { i in
                switch i {
                case .emphasis: return true
                case .strong(let c), .link(_, let c), .footnote(let c): return inInlines(c)
                case .text, .lineBreak: return false
                }
            }
        }
        func inBlock(_ block: Block) -> Bool {
            switch block {
            case .heading(_, let c), .paragraph(let c), .returnAddress(let c): return inInlines(c)
            case .list(_, let items): return items.contains { $0.contains(where: inBlock) }
            case .table(let t): return (t.header + t.rows).contains { $0.contains(where: inInlines) }
            case .letterhead(let lines), .recipient(let lines), .signature(let lines): return lines.contains(where: inInlines)
            case .caseInfo(let fields): return fields.contains { inInlines($0.value) }
            case .decision(let blocks): return blocks.contains(where: inBlock)
            case .pageBreak: return false
            }
        }
        return blocks.contains(where: inBlock)
    }
}
