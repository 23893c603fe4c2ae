import BrevCase
import BrevTestSupport
import Foundation

/// `LegalCitations.stale` and `CaseworkerWordingRule.deadlineFromDecision` as the regular
/// expressions they are, run by ICU: the reference their scanners are compared with.
enum LegalCitationsReference {
    static let each = LegalCitations.stale.map { ReferenceRegex.compile($0.pattern) }
    static let anyStale = ReferenceRegex.compile(LegalCitations.stale.map { "(?:\($0.pattern))" }.joined(separator: "|"))
    static let deadlineFromDecision = ReferenceRegex.compile(CaseworkerWordingRule.deadlineFromDecision)
}
