/// The pivot between templates and output: a small, closed tree. Templates produce it; layout
/// (PDF) and the HTML writer consume it. Changing its shape means bumping `version`.
public struct Document: Sendable, Equatable {
    public static let version = 2

    /// Neutral title for metadata: never the citizen's name or the treatment.
    public var title: String
    /// BCP 47 language tag of the body text.
    public var language: String
    public var blocks: [Block]

    public init(title: String, language: String = "da", blocks: [Block]) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }
}

public indirect enum Block: Sendable, Equatable {
    case heading(level: Int, [Inline])
    case paragraph([Inline])
    case list(ordered: Bool, items: [[Block]])
    case table(Table)
    /// The sender's block at the top of the first page: one entry per line.
    case letterhead([[Inline]])
    /// The recipient's address, placed for a window envelope: one entry per line.
    case recipient([[Inline]])
    /// The envelope's return line above the address field (print letters).
    case returnAddress([Inline])
    /// Date, case number, caseworker: label and value pairs beside the address.
    case caseInfo([CaseInfoField])
    /// The sign-off: one entry per line.
    case signature([[Inline]])
    /// What was decided, set apart in a framed box near the top (klarsprog: the answer first).
    case decision([Block])
    case pageBreak
}

public struct CaseInfoField: Sendable, Equatable {
    public var label: String
    public var value: [Inline]

    public init(label: String, value: [Inline]) {
        self.label = label
        self.value = value
    }
}

public struct Table: Sendable, Equatable {
    /// Header rows repeat when a table continues on the next page.
    public var header: [[[Inline]]]
    public var rows: [[[Inline]]]

    public init(header: [[[Inline]]], rows: [[[Inline]]]) {
        self.header = header
        self.rows = rows
    }
}

public indirect enum Inline: Sendable, Equatable {
    case text(String)
    case strong([Inline])
    case emphasis([Inline])
    case link(href: String, [Inline])
    case lineBreak
    /// A note set at the foot of the page; the text shows its number.
    case footnote([Inline])

    /// The plain text, as a reader copying it would get it.
    public var plainText: String {
        switch self {
        case .text(let s): return s
        case .strong(let c), .emphasis(let c), .link(_, let c): return c.map(\.plainText).joined()
        case .lineBreak: return "\n"
        // The running text; the note's own words are in `footnoteText`.
        case .footnote: return ""
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }

    /// The words of every footnote inside, in order.
    public var footnoteText: [String] {
        flatMap { inline -> [String] in
            switch inline {
            case .footnote(let c): return [c.plainText] + c.footnoteText
            case .strong(let c), .emphasis(let c), .link(_, let c): return c.footnoteText
            default: return []
            }
        }
    }
}
