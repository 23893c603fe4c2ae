import BrevCore
import BrevDocument
import BrevLayout
import BrevPDF
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// The typesetting acceptance text: a long Danish document with long compounds, lists, a table
/// spanning pages and the peer run's hard names, read back from the PDF.
@Suite struct LongDocumentTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/langt-dokument.xhtml")

    func render(justified: Bool) throws -> (document: Document, laidOut: LaidOutDocument, path: String) {
        let document = try XHTMLReader.read(try String(contentsOf: Self.fixture, encoding: .utf8), sourceName: "langt-dokument.xhtml")
        let layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                        hyphenationDictionary: TestSupport.environment.hyphenationDictionary, justifyBody: justified)
        let laidOut = try layout.layout(document)
        let pdf = try PDFRenderer().render(laidOut.pages, metadata: PDFMetadata(title: "Langt dokument", author: "Ishøj Kommune",
                                                                                date: "2026-11-24T00:00:00+01:00", identity: [1]))
        return (document, laidOut, try TestSupport.writeTemporary(pdf))
    }

    /// Paragraphs and list items of the document, as plain text.
    func paragraphs(_ document: Document) -> [String] {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .paragraph(let i): out.append(i.plainText)
            case .list(_, let items): out += items.flatMap { $0.compactMap { if case .paragraph(let i) = $0 { return i.plainText } else { return nil } } }
            default: break
            }
        }
        return out
    }

    @Test(arguments: [false, true])
    func everyParagraphSurvivesAndNothingOverflows(justified: Bool) throws {
        let (document, laidOut, path) = try render(justified: justified)
        #expect(laidOut.pages.pages.count >= 4)
        #expect(laidOut.overfullLines == 0)
        // The peer run's rule: pdftotext -layout, soft hyphens at line ends removed, lines joined.
        let layoutText = try TestSupport.pdfText(path, layout: true)
        // Footnote references (superscript digits) are not part of the paragraph's words.
        // A paragraph that crosses a page break has the footer and the running header (page
        // furniture, not its words) between its lines: they go first.
        let bodyText = layoutText.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let t = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{0C}")))
            return !(t.hasPrefix("Side ") && t.contains(" af ")) && t != document.title
        }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
        let flat = bodyText.replacingOccurrences(of: "\u{AD}\n", with: "")
            .replacingOccurrences(of: "[⁰¹²³⁴⁵⁶⁷⁸⁹]", with: "", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let all = paragraphs(document)
        let missing = all.filter { !flat.contains($0.split(whereSeparator: \.isWhitespace).joined(separator: " ")) }
        #expect(missing.isEmpty, "\(missing.count) of \(all.count) paragraphs do not rejoin: \(missing.prefix(2))")
        for name in ["Ærø-Østergård", "Nguyễn Thị Ánh", "Łukasz Wójcik", "Şahin Öztürk", "O'Brien & Søn <test>"] {
            #expect(layoutText.contains(name), "\(name)")
        }
    }

    @Test func footnotesStandAtTheFootOfThePageOfTheirReference() throws {
        let (_, laidOut, path) = try render(justified: false)
        var notesSeen = 0
        for (index, page) in laidOut.pages.pages.enumerated() {
            var inNote = false
            var noteTops: [Double] = []
            var bodyBottom = 0.0
            var references: [String] = []
            for item in page.items {
                switch item {
                case .begin(.note): inNote = true
                case .end(.note): inNote = false
                case .run(let r):
                    if inNote {
                        noteTops.append(r.y)
                    } else {
                        bodyBottom = max(bodyBottom, r.y)
                        references += r.text.matches(of: /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/).map { String($0.output) }
                    }
                default: break
                }
            }
            // Every reference on the page has its note on the same page, below the text.
            let pageText = try TestSupport.run("pdftotext", ["-enc", "UTF-8", "-f", "\(index + 1)", "-l", "\(index + 1)", path, "-"]).stdout
            for marker in references {
                #expect(pageText.contains("\(marker) "), "note \(marker) is not on page \(index + 1)")
                notesSeen += 1
            }
            if let top = noteTops.min() { #expect(top > bodyBottom, "a note overlaps the text on page \(index + 1)") }
        }
        #expect(notesSeen == 5)
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        // Each note is a Note element in the structure tree.
        let q = try QPDFJSON(path: path)
        let notes = q.objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }.filter { $0["/S"] as? String == "/Note" }
        #expect(notes.count == 5)
        #expect(try TestSupport.pdfText(path).contains("Behandlingsgarantien gælder ikke, hvis du selv vælger et andet"))
    }

    @Test func journalAndPhoneNumbersAreNeverBroken() throws {
        let (_, _, path) = try render(justified: true)
        let lines = try TestSupport.pdfText(path).split(separator: "\n").map(String.init)
        // Cells wrap; joined as a reader's copy would be.
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
        for number in ["27.36.08-G01-1042-26", "27.36.08-G01-2077-26", "43 57 71 38", "43 57 70 00", "27.36.08-G01-3044-26"] {
            #expect(lines.contains { $0.contains(number) }, "\(number) is broken across lines")
        }
        #expect(text.contains("Stofmisbrugsbehandlingstilbud nummer 45"), "the table's last row")
    }
}
