import Foundation
/// Citations that were right once and are wrong now (domain.md §1.6). A letter must never
/// carry one: wrong law in a letter harms a citizen.
public enum LegalCitations {
    /// The duty to report concerns about a child moved from serviceloven § 153 to barnets lov
    /// § 133 on 1 January 2024.
    public static func isStale(_ citation: String) -> Bool {
        let c = citation.lowercased().replacingOccurrences(of: "\u{00A0}", with: " ")
        let mentionsSEL = c.contains("serviceloven") || c.contains("servicelovens") || c.contains("sel ")
        return mentionsSEL && c.range(of: #"§\s*153\b"#, options: .regularExpression) != nil
    }

    public static func staleReason(_ citation: String) -> String {
        "this citation is out of date: the duty to report concerns about a child is barnets lov § 133 since 1 January 2024"
    }
}
