import BrevCase
import BrevCore
import BrevDocument
import Foundation

/// What changed in the service level between two editions of a standard, item by item of the
/// law's checklist, for the committee that adopts the new one: the sentences the old edition
/// says and the new does not, and the reverse. Facts are filled in from the profile first, so a
/// changed phone number or deadline shows as a changed sentence.
public struct StandardDiff: Sendable {
    public struct Change: Sendable, Equatable {
        /// The checklist item, or nil for text no section marks as covering an item.
        public var item: KvalitetsstandardRequirements.Item?
        public var removed: [String]
        public var added: [String]
    }

    public var oldEdition: String
    public var newEdition: String
    public var title: String
    public var changes: [Change]

    public static func compare(old: StandardDocumentBuilder, new: StandardDocumentBuilder) -> StandardDiff {
        let before = sentencesByItem(old)
        let after = sentencesByItem(new)
        var changes: [Change] = []
        let items: [KvalitetsstandardRequirements.Item?] = KvalitetsstandardRequirements.all.map { $0 } + [nil]
        for item in items {
            let key = item?.key ?? ""
            let was = before[key] ?? []
            let now = after[key] ?? []
            let wasKeys = Set(was.map(canonical))
            let nowKeys = Set(now.map(canonical))
            changes.append(Change(item: item,
                                  removed: unique(was.filter { !nowKeys.contains(canonical($0)) }),
                                  added: unique(now.filter { !wasKeys.contains(canonical($0)) })))
        }
        return StandardDiff(oldEdition: old.content.edition, newEdition: new.content.edition,
                            title: new.content.title, changes: changes)
    }

    /// Changed sentences that carry a number (deadlines, days, per cent, paragraphs of the
    /// law): the service level in figures, which the committee looks at first.
    public var figures: (removed: [String], added: [String]) {
        func withNumbers(_ list: [String]) -> [String] { StandardDiff.unique(list.filter { $0.contains(where: \.isNumber) }) }
        return (withNumbers(changes.flatMap(\.removed)), withNumbers(changes.flatMap(\.added)))
    }

    /// The readable list printed on the terminal.
    public var text: String {
        var out = "Ændringer i serviceniveauet fra \(oldEdition) til \(newEdition)\n"
        out += "\nTal og frister\n"
        for s in figures.removed { out += "  - \(s)\n" }
        for s in figures.added { out += "  + \(s)\n" }
        for change in changes {
            out += "\n\(heading(change))\n"
            if change.removed.isEmpty && change.added.isEmpty {
                out += "  uændret\n"
                continue
            }
            for s in change.removed { out += "  - \(s)\n" }
            for s in change.added { out += "  + \(s)\n" }
        }
        return out
    }

    /// The same as a page for the committee (HTMLWriter writes it).
    public var document: Document {
        var blocks: [Block] = [.heading(level: 1, [.text("Ændringer i kvalitetsstandarden fra \(oldEdition) til \(newEdition)")]),
                               .paragraph([.text("Opstillet efter punkterne i bekendtgørelse nr. 1477/2019 § 4. "
                                                 + "“Udgår” er tekst, der kun står i \(oldEdition); “Nyt” er tekst, der kun står i \(newEdition).")])]
        blocks.append(.heading(level: 2, [.text("Tal og frister")]))
        if !figures.removed.isEmpty {
            blocks.append(.paragraph([.strong([.text("Udgår")])]))
            blocks.append(.list(ordered: false, items: figures.removed.map { [.paragraph([.text($0)])] }))
        }
        if !figures.added.isEmpty {
            blocks.append(.paragraph([.strong([.text("Nyt")])]))
            blocks.append(.list(ordered: false, items: figures.added.map { [.paragraph([.text($0)])] }))
        }
        for change in changes {
            blocks.append(.heading(level: 2, [.text(heading(change))]))
            if change.removed.isEmpty && change.added.isEmpty {
                blocks.append(.paragraph([.text("Uændret.")]))
                continue
            }
            if !change.removed.isEmpty {
                blocks.append(.paragraph([.strong([.text("Udgår")])]))
                blocks.append(.list(ordered: false, items: change.removed.map { [.paragraph([.text($0)])] }))
            }
            if !change.added.isEmpty {
                blocks.append(.paragraph([.strong([.text("Nyt")])]))
                blocks.append(.list(ordered: false, items: change.added.map { [.paragraph([.text($0)])] }))
            }
        }
        return Document(title: "Ændringer i kvalitetsstandarden \(oldEdition)–\(newEdition)", blocks: blocks)
    }

    private func heading(_ change: Change) -> String {
        guard let item = change.item else { return "Øvrig tekst" }
        let number = Int(item.key).map { "\($0). " } ?? ""
        return number + item.title.prefix(1).uppercased() + item.title.dropFirst()
    }

    /// Every sentence of the standard, filed under the checklist items its section covers
    /// (a subsection without `covers` belongs to its parent's items).
    static func sentencesByItem(_ builder: StandardDocumentBuilder) -> [String: [String]] {
        var result: [String: [String]] = [:]
        func walk(_ sections: [Section], inherited: [String]) {
            for section in sections {
                let keys = section.covers.isEmpty ? inherited : section.covers
                let found = section.content.flatMap { texts($0) }.flatMap { sentences(plain($0, builder)) }
                for key in (keys.isEmpty ? [""] : keys) { result[key, default: []] += found }
                walk(section.sections, inherited: keys)
            }
        }
        walk(builder.content.sections, inherited: [])
        return result
    }

    static func texts(_ block: ContentBlock) -> [String] {
        switch block {
        case .paragraph(let text, _): return [text]
        case .list(_, let items, _): return items.flatMap { $0.flatMap(texts) }
        case .table(let header, let rows, _): return header + rows.flatMap { $0 }
        case .question(let q, let answer, _): return [q] + answer.flatMap(texts)
        }
    }

    static func plain(_ text: String, _ builder: StandardDocumentBuilder) -> String {
        InlineMarkup.parse(builder.facts.fill(text).text).plainText
            .replacingOccurrences(of: "\n", with: " ")
    }

    /// Abbreviations a sentence does not end at.
    static let abbreviations: Set<String> = ["jf.", "f.eks.", "bl.a.", "evt.", "ca.", "el.", "mv.", "m.m.", "hhv.", "pr.", "stk.", "nr."]

    /// Sentences end at ". ", "! " or "? " before a capital letter, but not after an abbreviation.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            current.append(c)
            let lastWord = current.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if ".!?".contains(c), i + 1 < chars.count, chars[i + 1] == " ",
               i + 2 < chars.count, chars[i + 2].isUppercase, !abbreviations.contains(lastWord) {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let last = current.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty { out.append(last) }
        return out
    }

    static func canonical(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert(canonical($0)).inserted }
    }
}
