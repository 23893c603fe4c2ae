import Foundation
import BrevCore

/// What must be true before a quality standard (*kvalitetsstandard*) may be published
/// (order 1477/2019 § 4; domain.md §4.8, §1.6, §7 case 24): adopted on a real date, revised at
/// the latest two years later, and all 15 sections present (section 15 on gift vouchers may say
/// they are not used).
public enum KvalitetsstandardValidator {
    public static let sectionCount = KvalitetsstandardRequirements.sections.count

    /// `standard` is the standard's metadata as JSON:
    /// `{adopted_by, adopted_date, next_revision_date, sections: {"1": "…", …, "15": "…"}}`.
    public static func validate(_ standard: JSONValue, diagnostics d: DiagnosticCollector) {
        guard case .object(let members) = standard else {
            d.error(.wrongType, "$", "expected an object")
            return
        }
        func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        func string(_ key: String) -> String? {
            if case .string(let s)? = value(key), !s.trimmingCharacters(in: .whitespaces).isEmpty { return s }
            return nil
        }
        let adopted = string("adopted_date").flatMap(CivilDate.init(iso:))
        if adopted == nil {
            let found = string("adopted_date").map { " ('\($0)' is not a date)" } ?? ""
            d.error(.ksMissingAdoptionDate, "$.adopted_date", "the standard must carry the date it was adopted\(found)")
        }
        if string("adopted_by") == nil { d.error(.missingField, "$.adopted_by", "say which committee adopted the standard") }
        if let revision = string("next_revision_date").flatMap(CivilDate.init(iso:)) {
            if let adopted, let problem = KvalitetsstandardRequirements.revisionProblem(adopted: adopted, nextRevision: revision) {
                d.error(.ksMissingRevisionDate, "$.next_revision_date", problem)
            }
        } else {
            d.error(.ksMissingRevisionDate, "$.next_revision_date", "the standard must carry its next revision date (at most two years ahead)")
        }
        var sections: [(key: String, value: JSONValue)] = []
        if case .object(let s)? = value("sections") { sections = s }
        for n in 1...sectionCount {
            let present = sections.contains { $0.key == String(n) && $0.value != .null && $0.value != .string("") }
            if present { continue }
            if n == 15 {
                d.error(.ksMissingSection15, "$.sections.15",
                        "section 15, guidelines for gift vouchers, is required; it may say that gift vouchers are not used")
            } else {
                d.error(.ksMissingSection, "$.sections.\(n)", "section \(n) of the 15 required sections is missing")
            }
        }
    }
}
