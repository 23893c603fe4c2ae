/// Danish date wording (domain.md §2.4), independent of the server's locale:
/// `24. november 2026`, `tirsdag den 24. november 2026`, `24.11.2026`.
public enum DanishDateFormat {
    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ]
    public static let weekdayNames = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

    /// `24. november 2026`
    public static func long(_ date: CivilDate) -> String {
        "\(date.day). \(monthNames[date.month - 1]) \(date.year)"
    }

    /// `tirsdag den 24. november 2026`
    public static func longWithWeekday(_ date: CivilDate) -> String {
        "\(weekday(date)) den \(long(date))"
    }

    /// `24.11.2026`
    public static func short(_ date: CivilDate) -> String {
        let dd = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let mm = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(dd).\(mm).\(date.year)"
    }

    public static func weekday(_ date: CivilDate) -> String {
        weekdayNames[date.isoWeekday - 1]
    }
}
