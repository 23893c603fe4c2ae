import BrevDocument
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// The readable dump (`DocumentDump`) of the Document of every example letter, each recipient's,
/// compared with `Golden/documents/`: any change in what a template or the model puts in a letter
/// shows as a diff a person reviews. A missing golden file is recorded (and reported); set
/// `BREV_RECORD_GOLDEN=1` to record all of them again after a reviewed change.
@Suite(.serialized) struct DocumentGoldenTests {
    static let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/BrevPipelineTests/Golden/documents")

    @Test func everyExampleLetterMatchesItsGoldenDump() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let examples = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        let rerecord = ProcessInfo.processInfo.environment["BREV_RECORD_GOLDEN"] == "1"
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
        where name.hasSuffix(".json") && !name.contains("invalid") {
            let letters = try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes(name))
            for (i, letter) in letters.enumerated() {
                let file = Self.folder.appendingPathComponent("\(name.dropLast(5))-\(i == 0 ? "borger" : "kopi-\(i)").txt")
                let dump = DocumentDump.dump(letter.document)
                if rerecord || !FileManager.default.fileExists(atPath: file.path) {
                    try dump.write(to: file, atomically: true, encoding: .utf8)
                    if !rerecord { Issue.record("recorded \(file.lastPathComponent): review it and commit it") }
                    continue
                }
                let golden = try String(contentsOf: file, encoding: .utf8)
                #expect(dump == golden, "\(file.lastPathComponent) differs from what the letter is now; review, then BREV_RECORD_GOLDEN=1")
                compared += 1
            }
        }
        #expect(rerecord || compared > 20, "compared \(compared)")
    }

    /// A golden dump whose example is gone (renamed, removed) would compare nothing: each belongs
    /// to an example that still renders that many letters.
    @Test func everyGoldenDumpBelongsToAnExample() throws {
        let examples = Set(try FileManager.default.contentsOfDirectory(
            atPath: TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path))
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where file.hasSuffix(".txt") {
            let example = file.replacing(/-(borger|kopi-\d+)\.txt$/, with: "") + ".json"
            #expect(examples.contains(example) && !example.contains("invalid"), "\(file) has no example \(example)")
        }
    }
}
