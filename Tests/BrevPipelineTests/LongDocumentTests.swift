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
        let flat = layoutText.replacingOccurrences(of: "\u{AD}\n", with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let all = paragraphs(document)
        let missing = all.filter { !flat.contains($0.split(whereSeparator: \.isWhitespace).joined(separator: " ")) }
        #expect(missing.isEmpty, "\(missing.count) of \(all.count) paragraphs do not rejoin: \(missing.prefix(2))")
        for name in ["Ærø-Østergård", "Nguyễn Thị Ánh", "Łukasz Wójcik", "Şahin Öztürk", "O'Brien & Søn <test>"] {
            #expect(layoutText.contains(name), "\(name)")
        }
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
