import BrevCase
import BrevCore

/// The law's checklist for a standard about to be published (order 1477/2019 § 4, domain.md
/// §4.8): every required item covered by some section, adopted by a named body on a real date,
/// and due for revision at most two years later. The items and the two-year rule are
/// `KvalitetsstandardRequirements`, shared with the JSON validator.
public enum StandardChecklist {
    public static func problems(in content: StandardContent) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func at(_ line: Int) -> SourceLocation { .file(path: content.file, line: line, column: nil) }

        let adoption = content.adoption
        if adoption.body == nil {
            problems.append(.error(.ksMissingAdoptionBody, at: at(adoption.line), "adoption.body: say which committee adopted the standard"))
        }
        if adoption.date == nil {
            problems.append(.error(.ksMissingAdoptionDate, at: at(adoption.line), "adoption.date: the standard must carry the date it was adopted"))
        }
        if let next = adoption.nextRevision {
            if let adopted = adoption.date,
               let problem = KvalitetsstandardRequirements.revisionProblem(adopted: adopted, nextRevision: next) {
                problems.append(.error(.ksMissingRevisionDate, at: at(adoption.line), "adoption.next_revision: \(problem)"))
            }
        } else {
            problems.append(.error(.ksMissingRevisionDate, at: at(adoption.line),
                                   "adoption.next_revision: the standard must carry its next revision date (at most two years ahead)"))
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
