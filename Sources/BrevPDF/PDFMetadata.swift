/// What the PDF says about itself. Deterministic: the dates come from the case (the letter
/// date), never from the clock, so the same letter gives the same bytes years later.
public struct PDFMetadata: Sendable {
    /// Neutral title, never the citizen's name or the treatment.
    public var title: String
    /// The issuing authority.
    public var author: String
    /// ISO 8601 with offset, e.g. `2026-11-24T00:00:00+01:00`.
    public var date: String
    /// What the trailer /ID is derived from: the document's input (the case), so the same input
    /// always gives the same /ID.
    public var identity: [UInt8]

    public init(title: String, author: String, date: String, identity: [UInt8]) {
        self.title = title
        self.author = author
        self.date = date
        self.identity = identity
    }
}
