import BrevCase
import BrevCore
import BrevDocument

/// Turns a standard's content and the profile's facts into a Document: a cover, a table of
/// contents, the sections, and at the end the corrections made to the seed text.
public struct StandardDocumentBuilder {
    public let content: StandardContent
    public let facts: StandardFacts

    public init(content: StandardContent, facts: StandardFacts) {
        self.content = content
        self.facts = facts
    }

    /// One line of the table of contents: a heading of the first two levels.
    public struct TOCEntry: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The anchor the HTML page gives the heading, and the PDF's named destination at it.
        public var anchor: String
    }

    public static let tocHeading = "Indhold"
    public static let correctionsHeading = "Rettelser i forhold til den tidligere tekst"

    /// The headings the table of contents lists, in document order.
    public func tocEntries() throws(DiagnosticsError) -> [TOCEntry] {
        var entries: [TOCEntry] = []
        func walk(_ sections: [Section], level: Int) throws(DiagnosticsError) {
            for section in sections {
                if level <= 2 {
                    entries.append(TOCEntry(level: level, text: try plain(section.heading, line: section.line),
                                            anchor: "afsnit-\(entries.count + 1)"))
                }
                try walk(section.sections, level: level + 1)
            }
        }
        try walk(content.sections, level: 1)
        if !content.corrections.isEmpty {
            entries.append(TOCEntry(level: 1, text: StandardDocumentBuilder.correctionsHeading, anchor: "afsnit-\(entries.count + 1)"))
        }
        return entries
    }

    /// `pageOf` gives the page of each TOC entry (from a first layout); nil leaves the
    /// numbers out. `linkedTOC` makes the entries links to the anchors (HTML).
    public func document(pageOf: [Int]? = nil, linkedTOC: Bool = false) throws(DiagnosticsError) -> Document {
        var blocks: [Block] = []
        var problems: [Diagnostic] = []
        func inlines(_ text: String, line: Int) -> [Inline] {
            let filled = facts.fill(text)
            for name in filled.unknown {
                problems.append(.error(.standardUnknownFact, at: .file(path: content.file, line: line, column: nil),
                                       "the profile has no fact '\(name)'"))
            }
            return InlineMarkup.parse(filled.text)
        }

        // Cover
        blocks.append(.heading(level: 1, inlines(content.title, line: 1)))
        if let subtitle = content.subtitle { blocks.append(.paragraph(inlines(subtitle, line: 1))) }
        blocks.append(.paragraph([.strong(inlines("{{standard.publisher}}", line: 1))]))
        if let status = content.status { blocks.append(.paragraph([.strong([.text(status)])])) }
        blocks.append(.paragraph(inlines(adoptionText, line: content.adoption.line)))
        if let next = content.adoption.nextRevision {
            blocks.append(.paragraph([.text("Kvalitetsstandarden revideres senest \(DanishDateFormat.long(next)).")]))
        } else {
            // A draft (`--draft`) has no revision date yet: the rule, not an invented date.
            blocks.append(.paragraph([.text("Kvalitetsstandarden revideres senest \(StandardDocumentBuilder.revisionPeriodText) efter vedtagelsen.")]))
        }
        for block in content.preface { blocks += self.blocks(block, inlines: inlines) }
        blocks.append(.pageBreak)

        // Table of contents
        let entries = try tocEntries()
        blocks.append(.heading(level: 1, [.text(StandardDocumentBuilder.tocHeading)]))
        if linkedTOC {
            blocks.append(.list(ordered: false, items: entries.map { entry in
                [.paragraph([.link(href: "#\(entry.anchor)", [.text(entry.text)])])]
            }))
        } else {
            // Each entry links to its heading (the PDF's named destination `entry.anchor`).
            let rows = entries.enumerated().map { index, entry -> [[Inline]] in
                let linked: Inline = .link(href: "#\(entry.anchor)", [.text(entry.text)])
                let title: [Inline] = entry.level == 1 ? [.strong([linked])] : [.text("    "), linked]
                return [title, [.text(pageOf.map { String($0[index]) } ?? "")]]
            }
            blocks.append(.table(Table(header: [[[.text("Afsnit")], [.text("Side")]]], rows: rows)))
        }
        blocks.append(.pageBreak)

        // Sections
        func write(_ sections: [Section], level: Int) {
            for section in sections {
                blocks.append(.heading(level: min(level, 3), inlines(section.heading, line: section.line)))
                for block in section.content { blocks += self.blocks(block, inlines: inlines) }
                write(section.sections, level: level + 1)
            }
        }
        write(content.sections, level: 1)

        // Corrections
        if !content.corrections.isEmpty {
            blocks.append(.heading(level: 1, [.text(StandardDocumentBuilder.correctionsHeading)]))
            blocks.append(.paragraph([.text("Hvor den tidligere tekst ikke svarede til gældende ret, er den rettet. Rettelserne er:")]))
            blocks.append(.list(ordered: true, items: content.corrections.map { c in
                let now = inlines(c.published, line: c.line)
                let change: [Inline] = c.seed.isEmpty ? [.text("Tilføjet: “")] + now + [.text("”")]
                    : c.published.isEmpty ? [.text("Udgået: “\(c.seed)”")]
                    : [.text("Før: “\(c.seed)” Nu: “")] + now + [.text("”")]
                return [.paragraph(change + [.text(" \(c.reason)")])]
            }))
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return Document(title: try plain(content.title, line: 1), language: "da", blocks: blocks)
    }

    /// The cover's adoption line. A standard without an adoption date (only printed as a draft)
    /// says so: it never shows a date the committee has not given it.
    var adoptionText: String {
        let a = content.adoption
        guard a.date != nil || a.dateText != nil else {
            return a.body.map { "Udkast til vedtagelse i \($0). Kvalitetsstandarden er ikke vedtaget endnu." }
                ?? "Udkast. Kvalitetsstandarden er ikke vedtaget endnu, og det er ikke oplyst, hvem der vedtager den."
        }
        let when = a.dateText ?? a.date.map(DanishDateFormat.long) ?? ""
        return "Vedtaget af \(a.body ?? "") \(when)".trimmingCharacters(in: .whitespaces) + "."
    }

    /// "to år": the law's revision period (`KvalitetsstandardRequirements.revisionMonths`) in words.
    static var revisionPeriodText: String {
        let months = KvalitetsstandardRequirements.revisionMonths
        let years = months / 12
        return months % 12 == 0 && years < StandardFacts.numberWords.count ? "\(StandardFacts.numberWords[years]) år" : "\(months) måneder"
    }

    private func blocks(_ block: ContentBlock, inlines: (String, Int) -> [Inline]) -> [Block] {
        switch block {
        case .paragraph(let text, let line):
            return [.paragraph(inlines(text, line))]
        case .list(let ordered, let items, _):
            return [.list(ordered: ordered, items: items.map { $0.flatMap { self.blocks($0, inlines: inlines) } })]
        case .table(let header, let rows, let line):
            return [.table(Table(header: header.isEmpty ? [] : [header.map { inlines($0, line) }],
                                 rows: rows.map { $0.map { inlines($0, line) } }))]
        case .question(let question, let answer, let line):
            return [.paragraph([.strong(inlines(question, line))])] + answer.flatMap { self.blocks($0, inlines: inlines) }
        }
    }

    /// A heading or title as plain text (facts filled, marks dropped).
    private func plain(_ text: String, line: Int) throws(DiagnosticsError) -> String {
        let filled = facts.fill(text)
        if let name = filled.unknown.first {
            throw DiagnosticsError([.error(.standardUnknownFact, at: .file(path: content.file, line: line, column: nil),
                                           "the profile has no fact '\(name)'")])
        }
        return InlineMarkup.parse(filled.text).plainText
    }
}
