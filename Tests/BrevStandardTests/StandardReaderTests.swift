import BrevCore
import BrevStandard
import Testing

/// The content YAML reader: what it accepts, and that every problem names the file and line.
struct StandardReaderTests {
    static let minimal = """
    profile: thisted
    edition: "2030"
    title: Kvalitetsstandard
    adoption:
      body: Udvalget
      date: 2030-03-01
      next_revision: 2032-03-01
    sections:
      - heading: Formål
        covers: ["3"]
        content:
          - Tekst med **fed** og en note^[Noten.] og et [link](https://example.org/).
          - list: [en, to]
          - table: {header: [A, B], rows: [[a, b]]}
          - question: Hvad?
            answer: [Det.]
    """

    @Test func readsSectionsBlocksAndAdoption() throws {
        let content = try StandardReader.read(yaml: Self.minimal, file: "x.yaml")
        #expect(content.edition == "2030")
        #expect(content.adoption.date == CivilDate(year: 2030, month: 3, day: 1))
        #expect(content.sectionsLine == 8)
        #expect(content.sections.count == 1)
        #expect(content.sections[0].covers == ["3"])
        #expect(content.sections[0].content.count == 4)
        #expect(content.sections[0].line == 9)
    }

    @Test func anUnknownKeyIsReportedWithItsLine() {
        let yaml = Self.minimal.replacingOccurrences(of: "    covers: [\"3\"]", with: "    covers: [\"3\"]\n    colour: red")
        #expect(throws: DiagnosticsError.self) { try StandardReader.read(yaml: yaml, file: "x.yaml") }
        do {
            _ = try StandardReader.read(yaml: yaml, file: "x.yaml")
        } catch {
            let d = error.diagnostics
            #expect(d.count == 1)
            #expect(d.first?.code == .standardInvalid)
            #expect(d.first?.location == .file(path: "x.yaml", line: 11, column: nil))
        }
    }

    @Test func aDateThatIsNotADateIsReportedWithItsLine() {
        let yaml = Self.minimal.replacingOccurrences(of: "date: 2030-03-01", with: "date: 1. marts 2030")
        do {
            _ = try StandardReader.read(yaml: yaml, file: "x.yaml")
            Issue.record("accepted a date written in words")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.standardInvalid])
            #expect(error.diagnostics.first?.location == .file(path: "x.yaml", line: 6, column: nil))
        }
    }

    @Test func brokenYAMLGetsItsLine() {
        do {
            _ = try StandardReader.read(yaml: "profile: a\ntitle: [unclosed\nedition: b\n", file: "x.yaml")
            Issue.record("accepted broken YAML")
        } catch {
            #expect(error.diagnostics.first?.code == .standardInvalid)
            if case .file(_, let line, _)? = error.diagnostics.first?.location { #expect(line >= 2) } else { Issue.record("no line") }
        }
    }

    @Test func aCorrectionNeedsSeedOrPublishedWordingAndAReason() {
        let yaml = Self.minimal + "\ncorrections:\n  - reason: Hvorfor.\n  - seed: Gammel tekst.\n"
        do {
            _ = try StandardReader.read(yaml: yaml, file: "x.yaml")
            Issue.record("accepted a correction without wording and one without a reason")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.standardInvalid, .standardInvalid])
            #expect(error.diagnostics.map(\.location) == [.file(path: "x.yaml", line: 18, column: nil),
                                                         .file(path: "x.yaml", line: 19, column: nil)])
        }
    }
}
