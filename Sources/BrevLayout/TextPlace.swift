import BrevDocument

/// Where in a document a character stands, for error messages: the block's index and kind,
/// or a fixed part of the page. Never the text itself.
public struct TextPlace: Sendable, Equatable, CustomStringConvertible {
    /// Index into `Document.blocks`, when the text is in a block.
    public var block: Int?
    /// "paragraph", "table", "document title", …
    public var part: String

    public init(block: Int?, part: String) {
        self.block = block
        self.part = part
    }

    /// Not yet known: the setter that finds the character does not know the block.
    static let unknown = TextPlace(block: nil, part: "")

    var isUnknown: Bool { block == nil && part.isEmpty }

    static func block(_ index: Int, _ block: Block) -> TextPlace {
        TextPlace(block: index, part: kind(of: block))
    }

    public var description: String {
        if let block { return "in block \(block) (\(part))" }
        return isUnknown ? "in the text" : "in the \(part)"
    }

    private static func kind(of block: Block) -> String {
        switch block {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .list: return "list"
        case .table: return "table"
        case .letterhead: return "letterhead"
        case .recipient: return "recipient"
        case .returnAddress: return "return address"
        case .caseInfo: return "case information"
        case .signature: return "signature"
        case .decision: return "decision"
        case .pageBreak: return "page break"
        }
    }
}
