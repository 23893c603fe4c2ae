import Synchronization

/// One template or partial file as read from `LetterTemplates/`.
public struct TemplateSource: Sendable {
    /// Path relative to `LetterTemplates/`, used in diagnostics (`letters/afslag/letter.xhtml`).
    public let path: String
    public let text: String
    public let isPartial: Bool
    /// Its Mustache tags with their lines, scanned once, when first asked for: the checks and
    /// every letter filled from it reuse them. A start whose templates passed before scans only
    /// the files of the letter it fills (scanning all of them cost 2 M instructions; issue 15).
    var tags: [MustacheTag] { scanned.tags(of: text) }
    private let scanned = ScannedTags()

    public init(path: String, text: String, isPartial: Bool) {
        self.path = path
        self.text = text
        self.isPartial = isPartial
    }

    /// A partial is a fragment of blocks; wrapped in a root on the same line so that libxml2's
    /// line numbers are the file's.
    var wellFormedText: String { isPartial ? "<letter>" + text + "</letter>" : text }
}

/// A template's tags, scanned by whichever thread first asks.
private final class ScannedTags: Sendable {
    private let scanned = Mutex<[MustacheTag]?>(nil)

    func tags(of text: String) -> [MustacheTag] {
        scanned.withLock { tags in
            if let tags { return tags }
            let found = MustacheTag.scan(text)
            tags = found
            return found
        }
    }
}
