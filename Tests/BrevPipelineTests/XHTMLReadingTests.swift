import BrevCase
import BrevCore
import BrevDocument
@testable import BrevPipeline
@_spi(Reference) @testable import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// Every example case's letters, each recipient's, filled as the pipeline fills them: brev's own
/// XML reader takes each filled text (the warm path is really taken), and the Document is the one
/// libxml2's reading gives.
@Suite struct XHTMLReadingTests {
    @Test func everyExampleLetterIsReadByBrevsReaderAsLibXML2ReadsIt() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let examples = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where name.hasSuffix(".json") {
            let diagnostics = DiagnosticCollector()
            guard let input = CaseReader.read(json: try TestSupport.exampleBytes(name), today: TestSupport.today, diagnostics: diagnostics) else { continue }
            CaseValidator(profiles: pipeline.profiles).validate(input, into: diagnostics)
            if diagnostics.hasErrors { continue }
            let builder = LetterModelBuilder(profile: pipeline.profiles.profile(forMunicipalityCode: input.municipalityCode)!)
            for recipient in LetterModelBuilder.recipients(of: input) {
                let model = try builder.build(input, for: recipient)
                let text = try pipeline.templates.filledText(kind: model.templateName, model: model)
                #expect(LetterXMLParser.parse(text) != nil, "\(name): brev's reader hands the filled letter over")
                let fast = try XHTMLReader.read(text, sourceName: "t")
                let slow = try XHTMLReader.readWithLibXML2(text, sourceName: "t")
                #expect(fast == slow, "\(name): the Documents differ")
                compared += 1
            }
        }
        #expect(compared >= 34, "compared \(compared)")
    }
}
