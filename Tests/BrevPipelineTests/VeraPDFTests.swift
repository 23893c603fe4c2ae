import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11: veraPDF, the PDF Association's validator, passes every letter brev makes against
/// PDF/A-2a and PDF/UA-1 with no failed rule, and fails a letter that lacks what they demand.
/// (scripts/verapdf.sh runs it; scripts/setup.sh installs it.)
@Suite struct VeraPDFTests {
    /// The files both tests read, checked in one veraPDF run: starting Java costs more than
    /// checking a letter.
    struct Checked: Sendable {
        /// Every letter of every valid example and the long test document.
        var everything: [String]
        /// A letter as brev makes it, and copies of it without /Lang and without the OutputIntent.
        var original: String
        var withoutLang: String
        var withoutIntent: String
        var run: VeraPDF.Run
    }

    static let checked = Result<Checked, any Error> {
        let everything = try renderEverything()
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-sel101.json"))
        let original = try TestSupport.writeTemporary(letter.pdf)
        let withoutLang = try copy(of: letter.pdf, renaming: "/Lang <", to: "/Lanx <")
        let withoutIntent = try copy(of: letter.pdf, renaming: "/OutputIntents", to: "/OutputIntentx")
        let run = try VeraPDF.check(everything + [original, withoutLang, withoutIntent])
        return Checked(everything: everything, original: original, withoutLang: withoutLang, withoutIntent: withoutIntent, run: run)
    }

    /// Every letter of every valid example (a young person's case gives one per recipient) and
    /// the long test document, ragged and justified, written into one folder.
    static func renderEverything() throws -> [String] {
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
        // The published quality standards (issue 14) are held to the same profiles as the letters.
        let publisher = try StandardPublisher(environment: TestSupport.environment)
        for (profile, edition) in [("ishoej-vallensbaek", "2020"), ("ishoej-vallensbaek", "2025"), ("thisted", "2025")] {
            let standard = try publisher.publish(profile: profile, edition: edition, draft: true)
            let url = folder.appendingPathComponent("\(standard.fileBaseName).pdf")
            try Data(standard.pdf).write(to: url)
            paths.append(url.path)
        }
        return paths
    }

    /// A copy of a letter with one catalog key renamed to an unknown one of the same length, so
    /// the entry is gone while every byte offset of the file stays right.
    static func copy(of pdf: [UInt8], renaming key: String, to other: String) throws -> String {
        let (key, other) = (Array(key.utf8), Array(other.utf8))
        precondition(key.count == other.count)
        // Byte by byte: a PDF is not text.
        let starts = pdf.indices.dropLast(key.count - 1).filter { pdf[$0..<$0 + key.count].elementsEqual(key) }
        try #require(starts.count == 1, "the key occurs \(starts.count) times")
        var bytes = pdf
        bytes.replaceSubrange(starts[0]..<starts[0] + key.count, with: other)
        return try TestSupport.writeTemporary(bytes)
    }

    @Test func everyLetterAndTheLongDocumentPassPDFA2aAndPDFUA1WithNoFailedRule() throws {
        let checked = try Self.checked.get()
        // Each example gives at least one letter, the 16-year-old's case three; the long document twice; three standards.
        #expect(checked.everything.count >= EveryExampleIsAccessibleTests.examples.count + 2 + 2 + 3)
        #expect(checked.run.verdicts.count == (checked.everything.count + 3) * VeraPDF.profiles.count)
        for path in checked.everything {
            let name = URL(fileURLWithPath: path).lastPathComponent
            for profile in VeraPDF.profiles {
                let verdict = try #require(checked.run.verdict(for: path, profile: profile), "no verdict for \(name), \(profile)")
                #expect(verdict.error == nil, "\(name), \(profile): \(verdict.error ?? "")")
                #expect(verdict.passes, "\(name) fails \(profile): \((verdict.failedRules ?? []).map(\.description))")
            }
        }
    }

    @Test func theCheckFailsALetterWithoutLangOrWithoutOutputIntent() throws {
        let checked = try Self.checked.get()
        // The copies are sound PDFs that lack only the entry.
        for path in [checked.withoutLang, checked.withoutIntent] {
            #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        }
        #expect(try QPDFJSON(path: checked.withoutLang).catalog["/Lang"] == nil)
        #expect(try QPDFJSON(path: checked.withoutIntent).catalog["/OutputIntents"] == nil)

        // Some rule failed (1), and no file was unreadable (2).
        #expect(checked.run.status == 1)
        for profile in VeraPDF.profiles {
            #expect(checked.run.verdict(for: checked.original, profile: profile)?.passes == true, "the unchanged letter, \(profile)")
        }
        // PDF/UA-1 7.2: the language of the page text (34) and of the metadata (33) cannot be determined.
        let lang = try #require(checked.run.verdict(for: checked.withoutLang, profile: "PDF/UA-1"))
        #expect(lang.compliant == false)
        #expect(lang.failedRuleIDs.isSuperset(of: ["7.2-33", "7.2-34"]), "\(lang.failedRuleIDs)")
        // PDF/A-2a 6.2.4.3: DeviceRGB without an RGB output intent.
        let intent = try #require(checked.run.verdict(for: checked.withoutIntent, profile: "PDF/A-2a"))
        #expect(intent.compliant == false)
        #expect(intent.failedRuleIDs.contains("6.2.4.3-2"), "\(intent.failedRuleIDs)")
    }
}
