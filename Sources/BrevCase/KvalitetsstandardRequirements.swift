import BrevCore

/// What order 1477/2019 § 4 requires a published quality standard to cover (domain.md §4.8),
/// written once: the JSON validator (`KvalitetsstandardValidator`) and `brev standard` both
/// check against this list.
public enum KvalitetsstandardRequirements {
    /// One item of the law's checklist.
    public struct Item: Sendable, Hashable {
        /// The key a standard's sections use to say they cover the item: "1" … "15", "children".
        public var key: String
        /// What the item asks for, in Danish as the order words it.
        public var title: String
    }

    /// The 15 items of order 1477/2019 § 4, in the order's own order.
    public static let sections: [Item] = [
        Item(key: "1", title: "opgaver"),
        Item(key: "2", title: "målgruppe"),
        Item(key: "3", title: "overordnet formål, værdier og normer"),
        Item(key: "4", title: "organisering og typer af tilbud"),
        Item(key: "5", title: "visitation"),
        Item(key: "6", title: "behandlingsgaranti"),
        Item(key: "7", title: "frit valg"),
        Item(key: "8", title: "behandlingsplan og opfølgning 1 og 6 måneder efter afslutning"),
        Item(key: "9", title: "mål for handleplaner"),
        Item(key: "10", title: "brugerinddragelse"),
        Item(key: "11", title: "betaling for kost og logi"),
        Item(key: "12", title: "sagsbehandling og klagemuligheder"),
        Item(key: "13", title: "personalets kvalifikationer"),
        Item(key: "14", title: "monitorering"),
        Item(key: "15", title: "retningslinjer for gavekort (må sige, at gavekort ikke bruges)"),
    ]

    /// Required by the social authority besides the order's 15 items.
    public static let childrenAtHome = Item(key: "children", title: "opmærksomhed på hjemmeboende børn under 18 år")

    /// Every item `brev standard` checks.
    public static var all: [Item] { sections + [childrenAtHome] }

    /// A standard is revised at least every two years.
    public static let revisionMonths = 24

    /// The problem with a next revision date, or nil when it is at most two years after adoption.
    public static func revisionProblem(adopted: CivilDate, nextRevision: CivilDate) -> String? {
        let latest = adopted.adding(months: revisionMonths)
        if nextRevision > latest {
            return "the standard must be revised at least every two years: by \(DanishDateFormat.long(latest))"
        }
        if nextRevision < adopted { return "the next revision cannot be before the adoption" }
        return nil
    }
}
