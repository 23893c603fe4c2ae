import BrevCase
import BrevCore
import BrevStandard
import Testing

/// Order 1477/2019 § 4 (domain.md §4.8): `brev standard` refuses a standard that lacks an item,
/// an adoption or a revision within two years, each with its code and the YAML line.
struct StandardChecklistTests {
    /// A standard covering every item, one section each.
    static func complete(adopted: String = "2030-03-01", revision: String = "2032-03-01",
                         skipping: String? = nil) -> String {
        var yaml = """
        profile: thisted
        edition: "2030"
        title: Kvalitetsstandard
        adoption:
          body: Udvalget
          date: \(adopted)
          next_revision: \(revision)
        sections:

        """
        for item in KvalitetsstandardRequirements.all where item.key != skipping {
            yaml += "  - heading: Punkt \(item.key)\n    covers: [\"\(item.key)\"]\n    content: [Tekst.]\n"
        }
        return yaml
    }

    func problems(_ yaml: String) throws -> [Diagnostic] {
        StandardChecklist.problems(in: try StandardReader.read(yaml: yaml, file: "k.yaml"))
    }

    @Test func aCompleteStandardPasses() throws {
        #expect(try problems(Self.complete()).isEmpty)
    }

    @Test func eachMissingItemIsRefusedWithItsCodeAndTheSectionsLine() throws {
        for item in KvalitetsstandardRequirements.all {
            let found = try problems(Self.complete(skipping: item.key))
            let expected: DiagnosticCode = item.key == "15" ? .ksMissingSection15
                : item.key == "children" ? .ksMissingChildrenAtHome : .ksMissingSection
            #expect(found.map(\.code) == [expected], "item \(item.key)")
            #expect(found.first?.location == .file(path: "k.yaml", line: 8, column: nil))
        }
    }

    @Test func aRevisionMoreThanTwoYearsAfterAdoptionIsRefused() throws {
        let found = try problems(Self.complete(revision: "2032-03-02"))
        #expect(found.map(\.code) == [.ksMissingRevisionDate])
        #expect(found.first?.location == .file(path: "k.yaml", line: 4, column: nil))
        #expect(try problems(Self.complete(revision: "2032-03-01")).isEmpty)
    }

    @Test func noAdoptionDateOrBodyIsRefused() throws {
        let yaml = Self.complete().replacingOccurrences(of: "  body: Udvalget\n", with: "")
            .replacingOccurrences(of: "  date: 2030-03-01\n", with: "")
        let codes = try problems(yaml).map(\.code)
        #expect(codes.contains(.ksMissingAdoptionBody))
        #expect(codes.contains(.ksMissingAdoptionDate))
    }

    /// The two-year rule is the one the JSON validator uses: written once.
    @Test func theJSONValidatorAndTheChecklistAgreeOnTheRevisionLimit() {
        let adopted = CivilDate(year: 2030, month: 3, day: 1)!
        #expect(KvalitetsstandardRequirements.revisionProblem(adopted: adopted, nextRevision: adopted.adding(months: 24)) == nil)
        #expect(KvalitetsstandardRequirements.revisionProblem(adopted: adopted, nextRevision: adopted.adding(months: 24).adding(days: 1)) != nil)
        #expect(KvalitetsstandardValidator.sectionCount == KvalitetsstandardRequirements.sections.count)
    }
}
