import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// The first letter end to end, read back the way a reader and an archive read it:
/// pdftotext for the words, pdffonts for embedding, qpdf for structure, pdfinfo for tags.
@Suite(.serialized) struct EndToEndTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func render(changing change: (inout [String: Any]) -> Void = { _ in }) throws -> (RenderedLetter, String) {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        change(&object)
        let letter = try pipeline.render(caseJSON: try TestSupport.json(object))
        return (letter, try TestSupport.writeTemporary(letter.pdf))
    }

    func withName(_ name: String) -> (inout [String: Any]) -> Void {
        { object in
            var citizen = object["citizen"] as! [String: Any]
            citizen["name"] = name
            object["citizen"] = citizen
        }
    }

    /// pdftotext's text with lines joined, so a sentence broken across lines can be found.
    func flowingText(_ path: String) throws -> String {
        try TestSupport.pdfText(path).replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
    }

    @Test func theLetterSaysWhatADecisionMustSay() throws {
        let (letter, path) = try render()
        let text = try flowingText(path)
        #expect(text.contains("Mette Ærø-Østergård"))
        #expect(text.contains("Afslag på døgnbehandling"))
        #expect(text.contains("Du får afslag på døgnbehandling."))
        #expect(text.contains("Ankestyrelsen"))
        #expect(text.contains("Vi skal have din klage senest tirsdag den 22. december 2026."))
        #expect(text.contains("Ishøj Kommune, Center for Voksne og Velfærd, Ishøj Store Torv 20, 2635 Ishøj"))
        let layoutText = try TestSupport.pdfText(path, layout: true)
        #expect(layoutText.range(of: #"Dato +24\. november 2026"#, options: .regularExpression) != nil)
        #expect(text.contains("Side 1 af \(letter.pageCount)"))
        #expect(text.contains("serviceloven § 101, stk. 1 og 2"))
        #expect(letter.overfullLines == 0)
    }

    @Test(arguments: ["Nguyễn Thị Ánh Ærø-Østergård", "O'Brien & Søn <test>", "Łukasz Wójcik", "Şahin Öztürk", "Αλέξανδρος Παπαδόπουλος",
                      "Ольга Иванова", "Հայկ Պետրոսյան", "გიორგი ბერიძე"])
    func hardNamesComeBackExactly(name: String) throws {
        let (letter, path) = try render(changing: withName(name))
        let text = try TestSupport.pdfText(path)
        #expect(text.contains(name))
        #expect(text.contains("Kære \(name)"))
        #expect(letter.html.contains(name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")))
    }

    @Test func charactersTheMainFontLacksAreSetInTheFallbackFont() throws {
        let (_, path) = try render(changing: withName("Անի Հակոբյան Ærø"))
        let fonts = try TestSupport.run("pdffonts", [path]).stdout
        #expect(fonts.contains("DejaVuSans") && fonts.contains("NotoSans"))
        #expect(try TestSupport.pdfText(path).contains("Kære Անի Հակոբյան Ærø"))
    }

    @Test func rightToLeftTextIsRefusedRatherThanSetBackwards() throws {
        #expect {
            _ = try render(changing: withName("דוד כהן"))
        } throws: { error in
            // Layout finds it; the refusal names the case field that holds it, by code point only.
            guard case BrevError.invalid(let problems) = error else { return false }
            return problems.contains { $0.code == .rightToLeftText && "\($0.location)" == "$.citizen.name" && $0.message.contains("U+05D3") }
                && !"\(error)".contains("כהן") && BrevError.invalid(problems).exitCode == 1
        }
    }

    @Test func everyFontIsEmbeddedAsASubsetWithToUnicode() throws {
        let (_, path) = try render()
        let lines = try TestSupport.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!lines.isEmpty)
        for line in lines {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type] encoding emb sub uni object ID: the three flags precede the object id.
            let flags = columns.suffix(5).prefix(3)
            #expect(Array(flags) == ["yes", "yes", "yes"], "\(line)")
            #expect(line.contains("NotoSans"))
        }
    }

    @Test func qpdfFindsNoErrorsAndThePDFIsTagged() throws {
        let (_, path) = try render()
        let check = try TestSupport.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        let info = try TestSupport.run("pdfinfo", [path]).stdout
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Title:           Afgørelse fra Ishøj Kommune"))
    }

    @Test func noPersonalDataInMetadataOrFileNames() throws {
        let (letter, path) = try render()
        let info = try TestSupport.run("pdfinfo", [path]).stdout
        #expect(!info.contains("Mette"))
        #expect(!info.contains("0101851234"))
        #expect(!info.lowercased().contains("døgn"))
        let dir = try TestSupport.temporaryDirectory().path
        let written = try letter.write(to: dir)
        for file in written {
            let name = (file as NSString).lastPathComponent
            #expect(name.hasPrefix("afgoerelse-"))
            #expect(!name.contains("0101851234") && !name.lowercased().contains("mette") && !name.lowercased().contains("doegn"))
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func theSameCaseGivesTheSameBytes() throws {
        let input = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        let a = try pipeline.render(caseJSON: input)
        let b = try pipeline.render(caseJSON: input)
        // A fresh pipeline: nothing cached may change the output.
        let c = try LetterPipeline(environment: TestSupport.environment).render(caseJSON: input)
        #expect(SHA256.hex(a.pdf) == SHA256.hex(b.pdf))
        #expect(SHA256.hex(a.pdf) == SHA256.hex(c.pdf))
    }

    @Test func aPaperLetterGivesTheRuleAndThePresumedDate() throws {
        let (_, path) = try render {
            $0["channel"] = "FYSISK"
            $0["letter_date"] = "2026-11-18"
            $0.removeValue(forKey: "dispatch_datetime")
            $0["application_received_date"] = "2026-11-02"
        }
        let text = try flowingText(path)
        #expect(text.contains("Vi skal have din klage senest 4 uger efter, at du har modtaget afgørelsen."))
        #expect(text.contains("torsdag den 26. november 2026"))
        #expect(text.contains("mandag den 28. december 2026"))
    }

    @Test func anInvalidCaseProducesNoLetterAndEveryProblem() throws {
        #expect {
            _ = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-invalid-mangler-begrundelse.json"))
        } throws: { error in
            guard case BrevError.invalid(let d) = error else { return false }
            let codes = Set(d.map(\.code.rawValue))
            return codes == ["MISSING_BEGRUNDELSE", "MISSING_ASSESSMENT", "MISSING_LEGAL_BASIS", "PARTSHOERING_REQUIRED"]
        }
    }

    @Test func theHTMLVersionCarriesTheSameLetter() throws {
        let (letter, _) = try render()
        #expect(letter.html.contains("<html lang=\"da\">"))
        #expect(letter.html.contains("<title>Afgørelse fra Ishøj Kommune</title>"))
        #expect(letter.html.contains("<h1>Afslag på døgnbehandling</h1>"))
        // The date never breaks across lines: no-break spaces inside it, as layout keeps it together in the PDF.
        #expect(letter.html.contains("tirsdag den 22.\u{00A0}december\u{00A0}2026"))
    }
}
