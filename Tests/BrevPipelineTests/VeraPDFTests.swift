import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11: veraPDF, the PDF Association's validator, passes every letter brev makes against
/// PDF/A-2a and PDF/UA-1 with no failed rule, and fails a letter that lacks what they demand.
/// (scripts/verapdf.sh runs it; scripts/setup.sh installs it.)
@Suite(.serialized) struct VeraPDFTests {
    /// Every letter of every valid example (a young person's case gives one per recipient) and
    /// the long test document, ragged and justified, written into one folder.
    func renderEverything() throws -> [String] {
        let folder = try TestSupport.temporaryDirectory()
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        var paths: [String] = []
        for example in EveryExampleIsAccessibleTests.examples {
            let letters = try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes(example))
            for (index, letter) in letters.enumerated() {
                let url = folder.appendingPathComponent("\(example.dropLast(".json".count))-\(index + 1).pdf")
                try Data(letter.pdf).write(to: url)
                paths.append(url.path)
            }
        }
        for justified in [false, true] {
            let (_, _, rendered) = try LongDocumentTests().render(justified: justified)
            let url = folder.appendingPathComponent("langt-dokument-\(justified ? "lige-margen" : "venstre").pdf")
            try FileManager.default.copyItem(atPath: rendered, toPath: url.path)
            paths.append(url.path)
        }
        return paths
    }

    @Test func everyLetterAndTheLongDocumentPassPDFA2aAndPDFUA1WithNoFailedRule() throws {
        let paths = try renderEverything()
        // Each example gives at least one letter; the 16-year-old's case three.
        #expect(paths.count >= EveryExampleIsAccessibleTests.examples.count + 2 + 2)
        let run = try VeraPDF.check(paths)
        #expect(run.verdicts.count == paths.count * VeraPDF.profiles.count)
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            for profile in VeraPDF.profiles {
                let verdict = try #require(run.verdict(for: path, profile: profile), "no verdict for \(name), \(profile)")
                #expect(verdict.error == nil, "\(name), \(profile): \(verdict.error ?? "")")
                #expect(verdict.passes, "\(name) fails \(profile): \((verdict.failedRules ?? []).map(\.description))")
            }
        }
        #expect(run.status == 0)
    }

    /// A copy of a letter with one catalog key renamed to an unknown one of the same length, so
    /// the entry is gone while every byte offset of the file stays right.
    func copy(of pdf: [UInt8], renaming key: String, to other: String) throws -> String {
        let (key, other) = (Array(key.utf8), Array(other.utf8))
        precondition(key.count == other.count)
        // Byte by byte: a PDF is not text.
        let starts = pdf.indices.dropLast(key.count - 1).filter { pdf[$0..<$0 + key.count].elementsEqual(key) }
        try #require(starts.count == 1, "the key occurs \(starts.count) times")
        var bytes = pdf
        bytes.replaceSubrange(starts[0]..<starts[0] + key.count, with: other)
        return try TestSupport.writeTemporary(bytes)
    }

    @Test func theHarnessFailsALetterWithoutLangOrWithoutOutputIntent() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-sel101.json"))
        let original = try TestSupport.writeTemporary(letter.pdf)
        let withoutLang = try copy(of: letter.pdf, renaming: "/Lang <", to: "/Lanx <")
        let withoutIntent = try copy(of: letter.pdf, renaming: "/OutputIntents", to: "/OutputIntentx")
        // The copies are sound PDFs that lack only the entry.
        for path in [withoutLang, withoutIntent] {
            #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        }
        #expect(try QPDFJSON(path: withoutLang).catalog["/Lang"] == nil)
        #expect(try QPDFJSON(path: withoutIntent).catalog["/OutputIntents"] == nil)

        let run = try VeraPDF.check([original, withoutLang, withoutIntent])
        #expect(run.status == 1)
        for profile in VeraPDF.profiles {
            #expect(run.verdict(for: original, profile: profile)?.passes == true, "the unchanged letter, \(profile)")
        }
        // PDF/UA-1 7.2: the language of the page text (34) and of the metadata (33) cannot be determined.
        let lang = try #require(run.verdict(for: withoutLang, profile: "PDF/UA-1"))
        #expect(lang.compliant == false)
        #expect(lang.failedRuleIDs.isSuperset(of: ["7.2-33", "7.2-34"]), "\(lang.failedRuleIDs)")
        // PDF/A-2a 6.2.4.3: DeviceRGB without an RGB output intent.
        let intent = try #require(run.verdict(for: withoutIntent, profile: "PDF/A-2a"))
        #expect(intent.compliant == false)
        #expect(intent.failedRuleIDs.contains("6.2.4.3-2"), "\(intent.failedRuleIDs)")
    }
}
