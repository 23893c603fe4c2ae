import BrevCore

/// Nothing the letter reports as done can be after the letter's own date (domain.md §6).
public enum DateOrderRule: CaseRule {
    public static let domainSection = "§6 first_contact_date, application_received_date"
    public static let codes: [DiagnosticCode] = [.dateOrder]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase else { return }
        let past: [(String, CivilDate?, String)] = [
            ("$.application_received_date", c.applicationReceivedDate, "the application cannot be received after the letter date"),
            ("$.first_contact_date", c.firstContactDate, "the first contact cannot be after the letter date"),
        ]
        for (path, date, message) in past {
            if let date, date > c.letterDate { d.error(.dateOrder, path, message) }
        }
    }
}
