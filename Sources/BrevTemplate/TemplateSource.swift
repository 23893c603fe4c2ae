/// One template or partial file as read from `LetterTemplates/`.
public struct TemplateSource: Sendable {
    /// Path relative to `LetterTemplates/`, used in diagnostics (`letters/afslag/letter.xhtml`).
    public var path: String
    public var text: String
    public var isPartial: Bool

    public init(path: String, text: String, isPartial: Bool) {
        self.path = path
        self.text = text
        self.isPartial = isPartial
    }

    /// A partial is a fragment of blocks; wrapped in a root on the same line so that libxml2's
    /// line numbers are the file's.
    var wellFormedText: String { isPartial ? "<letter>" + text + "</letter>" : text }

    /// 1-based line of a character offset in the text.
    func line(ofOffset offset: String.Index) -> Int {
        text[..<offset].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
