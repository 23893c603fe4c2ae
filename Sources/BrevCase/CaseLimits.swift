import BrevCore

/// Every bound brev puts on a case file, in one place. A case comes from another system and may
/// be wrong in any way; these bounds make sure no value can crash, hang or swamp brev, and that
/// values the law or common sense rule out are refused with a code and a JSON path instead of
/// being printed in a letter. `Schemas/case.schema.json` states the same bounds (tested).
public enum CaseLimits {
    // MARK: The file

    /// The largest case file read at all, checked before parsing. The largest example is a few
    /// kilobytes; one free-text field may hold `freeTextLength` characters (up to 4 bytes each
    /// in UTF-8, usually 1–2), so 1 MB leaves room for several long texts and nothing more.
    public static let maximumFileBytes = 1_000_000

    /// The deepest nesting of objects and arrays. A case is at most four levels deep
    /// (`$.behandlingsplan.goals[0]`); 16 leaves room and keeps the recursive parser's stack small.
    public static let maximumNestingDepth = 16

    /// Members in one object. The root has about 45 known fields; more than 100 is not a case,
    /// and each unknown member would otherwise be one diagnostic line.
    public static let maximumObjectMembers = 100

    // MARK: Strings (counted in Unicode scalars)

    /// What kind of text a field holds, and so its longest length and whether it may break lines.
    public enum TextKind: Sendable {
        /// Codes and identifiers: municipality and case numbers, ids, exception codes.
        case code
        /// One line of a letter: a name, a street, a citation, a phone number.
        case line
        /// What a caseworker writes: facts, assessments, goals. May hold line breaks.
        case freeText

        public var maximumLength: Int {
            switch self {
            // The longest ESDH journal number format seen (KLE + facet + year + serial) is ~30.
            case .code: return 64
            // A line wider than a page is not a name or address; 300 allows long institution names.
            case .line: return 300
            // A long written assessment is a few pages (~10 000 characters); 50 000 characters is
            // about 20 pages, more than any decision should need, and lays out in well under a second.
            case .freeText: return 50_000
            }
        }

        /// The longest run without a space. Danish compound words stay under 60 letters, and an
        /// e-mail or web address under 100; a longer run cannot be broken across lines, and laying
        /// out one 50 000-character "word" took half a minute.
        public var maximumWordLength: Int { self == .code ? maximumLength : 100 }

        /// Only free text is written in paragraphs; a line break in a name or code would change
        /// the letter's layout or forge a line in `brev check`'s output.
        public var allowsLineBreaks: Bool { self == .freeText }
    }

    // MARK: Arrays

    /// There are seven legal bases; a decision cites a few of them.
    public static let maximumLegalBases = 7
    /// The rules a decision rests on, as printed; a real decision cites fewer than ten.
    public static let maximumLegalCitations = 30
    /// The facts a decision gives weight to (FVL § 24); a real one lists a handful.
    public static let maximumFacts = 100
    /// Goals in a treatment plan; SMART goals are few (domain.md §4.6).
    public static let maximumGoals = 30
    /// Services in an action plan (SEL § 141).
    public static let maximumServices = 50
    /// Custody may be held by at most two persons jointly (forældreansvarsloven §§ 6–7, 13).
    public static let maximumCustodyHolders = 2

    // MARK: Numbers

    /// A corrected letter raises the version; a thousand corrections of one letter is not a case.
    public static let letterVersions = 1...999
    /// A period given in whole months (domain.md §2.3). Treatment is granted for months, reassessed
    /// long before ten years.
    public static let periodMonths = 1...120
    /// Own payment for board and lodging (SEL § 163) in kroner: never negative, and a monthly
    /// payment is a few thousand kroner; 100 000 catches a misplaced decimal point (øre for kroner).
    public static let egenbetalingKroner = 0.0...100_000.0

    // MARK: Dates

    /// Every date in a case lies in this window. Nothing in brev's domain happens before 1900 or
    /// after 2200, and date arithmetic stays far from any overflow.
    public static let earliestDate = CivilDate(year: 1900, month: 1, day: 1)!
    public static let latestDate = CivilDate(year: 2200, month: 12, day: 31)!

    /// How far back a letter may be dated. Letters are regenerated years later (a complaint, a
    /// request for access to the file); case files are kept for years after closure, so 15 years
    /// allows any real re-render while refusing a mistyped century.
    public static let letterDateYearsBack = 15
    /// How far ahead a letter may be dated: a letter is prepared days, at most months, ahead.
    public static let letterDateYearsAhead = 1

    /// How long after its date a letter may leave. The complaint deadline counts from receipt, so
    /// a letter that leaves weeks after its date is a mistake to refuse, not to print.
    public static let dispatchDaysAfterLetterDate = 30

    /// The oldest citizen brev accepts. A CPR number can mean a birth in the 1800s (domain.md §7
    /// case 23); the number is valid, but no citizen in treatment is over 120.
    public static let maximumAge = 120

    /// The letter date window around `today`.
    public static func letterDates(today: CivilDate) -> ClosedRange<CivilDate> {
        today.adding(months: -12 * letterDateYearsBack)...today.adding(months: 12 * letterDateYearsAhead)
    }
}
