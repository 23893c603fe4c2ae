import BrevCase
import BrevCore

/// The law's checklist for a standard about to be published (order 1477/2019 § 4, domain.md
/// §4.8): every required item covered by some section, adopted by a named body on a real date,
/// and due for revision at most two years later. The items and the two-year rule are
/// `KvalitetsstandardRequirements`, shared with the JSON validator.
public enum StandardChecklist {
    /// `draft`: a standard not adopted yet may be printed as a draft for the committee (its cover
    /// says it is not adopted); a missing adoption body, date or revision date is then a warning.
    /// A revision date more than two years after a given adoption date is refused either way.
    public static func problems(in content: StandardContent, draft: Bool = false) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { .file(path: content.file, line: line, column: nil) }
        func missing(_ code: DiagnosticCode, _ message: String) {
            problems.append(draft ? .warning(code, at: at(content.adoption.line), message + " (printed as a draft)")
                                  : .error(code, at: at(content.adoption.line), message + " (or print it as a draft: --draft)"))
        }

        let adoption = content.adoption
        if adoption.body == nil {
            missing(.ksMissingAdoptionBody, "adoption.body: say which committee adopted the standard")
        }
        if adoption.date == nil {
            missing(.ksMissingAdoptionDate, "adoption.date: the standard must carry the date it was adopted")
        }
        if let next = adoption.nextRevision {
            if let adopted = adoption.date,
               let problem = KvalitetsstandardRequirements.revisionProblem(adopted: adopted, nextRevision: next) {
                problems.append(.error(.ksMissingRevisionDate, at: at(adoption.line), "adoption.next_revision: \(problem)"))
            }
        } else {
            missing(.ksMissingRevisionDate, "adoption.next_revision: the standard must carry its next revision date (at most two years ahead)")
        }

        let covered = Set(allSections(content.sections).flatMap(\.covers))
        for item in KvalitetsstandardRequirements.all where !covered.contains(item.key) {
            let code: DiagnosticCode = switch item.key {
            case "15": .ksMissingSection15
            case KvalitetsstandardRequirements.childrenAtHome.key: .ksMissingChildrenAtHome
            default: .ksMissingSection
            }
            problems.append(.error(code, at: at(content.sectionsLine),
                                   "no section covers item \(item.key) of the checklist (\(item.title)); mark the section with covers: [\(item.key)]"))
        }
        return problems
    }

    /// Sections and their subsections, depth first.
    static func allSections(_ sections: [Section]) -> [Section] {
        sections.flatMap { [$0] + allSections($0.sections) }
    }
}
