/// One template or partial file as read from `LetterTemplates/`.
public struct TemplateSource: Sendable {
    /// Path relative to `LetterTemplates/`, used in diagnostics (`letters/afslag/letter.xhtml`).
    public let path: String
    public let text: String
    public let isPartial: Bool
    /// Its Mustache tags with their lines, scanned once when the file is read: the checks and
    /// every letter filled from it reuse them.
    let tags: [MustacheTag]

    public init(path: String, text: String, isPartial: Bool) {
        self.path = path
        self.text = text
        self.isPartial = isPartial
        tags = MustacheTag.scan(text)
    }

    /// A partial is a fragment of blocks; wrapped in a root on the same line so that libxml2's
    /// line numbers are the file's.
    var wellFormedText: String { isPartial ? "<letter>" + text + "</letter>" : text }
}
