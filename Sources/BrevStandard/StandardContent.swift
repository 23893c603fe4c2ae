import BrevCore

/// One edition of a municipality's quality standard as written in
/// `LetterTemplates/standard/<profile>-<edition>.yaml`: the text, with facts left as
/// `{{placeholders}}` that the municipality profile fills. Each part remembers its YAML line,
/// so every problem can point at it.
public struct StandardContent: Sendable, Equatable {
    /// The YAML file's name, for diagnostics.
    public var file: String
    public var profile: String
    public var edition: String
    public var title: String
    public var subtitle: String?
    /// "Udkast" and the like, shown on the cover.
    public var status: String?
    public var adoption: Adoption
    /// Text before the first section (on the cover page, below the title).
    public var preface: [ContentBlock]
    public var sections: [Section]
    /// Where the published text departs from the seed because the seed is wrong in law.
    public var corrections: [Correction]
    /// The line of `sections:`, where a missing item is reported.
    public var sectionsLine: Int
}

public struct Adoption: Sendable, Equatable {
    public var body: String?
    public var date: CivilDate?
    /// How the cover writes the date when the body adopted it in a month ("december 2020").
    public var dateText: String?
    public var nextRevision: CivilDate?
    public var line: Int
}

public struct Section: Sendable, Equatable {
    public var heading: String
    /// Checklist keys (`KvalitetsstandardRequirements`) this section answers.
    public var covers: [String]
    public var content: [ContentBlock]
    public var sections: [Section]
    public var line: Int
}

public indirect enum ContentBlock: Sendable, Equatable {
    /// Text with inline markup (see `InlineMarkup`).
    case paragraph(String, line: Int)
    case list(ordered: Bool, items: [[ContentBlock]], line: Int)
    case table(header: [String], rows: [[String]], line: Int)
    case question(String, answer: [ContentBlock], line: Int)
}

public struct Correction: Sendable, Equatable {
    /// The seed's wording, as the seed has it; empty for text the seed lacks and the law requires.
    public var seed: String
    /// What the standard says instead.
    public var published: String
    /// Why, in a sentence, with the legal source.
    public var reason: String
    public var line: Int
}
