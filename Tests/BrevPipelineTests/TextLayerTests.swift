import BrevDocument
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11, "a reader gets whole words and sentences": the tagged text of every example letter,
/// read back through poppler's structure reader (`pdfinfo -struct-text`, independent of brev),
/// holds the Document's words: none glued at a line end ("dettebrev"), none cut at a soft
/// hyphen ("Visitations-"), no paragraph cut short, no ligature character.
@Suite(.serialized) struct TextLayerTests {
    /// The text of each structure element as poppler reads it: the Spans of one element joined.
    static func structureTexts(_ pdfPath: String) throws -> [String] {
        let result = try TestSupport.run("pdfinfo", ["-struct-text", pdfPath])
        #expect(result.status == 0)
        var texts: [String] = []
        var current = ""
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 2 {
                current += trimmed.dropFirst().dropLast()
            } else if ["Span", "Link", "Object", "/"].contains(where: { trimmed.hasPrefix($0) }) {
                // Spans (a paragraph split by a page break) and Links (an address) continue their
                // element; "Object" is a link's annotation, "/" lines are attributes.
                continue
            } else if !current.isEmpty {
                texts.append(current)
                current = ""
            }
        }
        if !current.isEmpty { texts.append(current) }
        return texts
    }

    /// Every word of the Document: its blocks' text, footnotes included.
    static func documentWords(_ document: Document) -> Set<String> {
        var texts: [String] = []
        func inlines(_ content: [Inline]) { texts.append(content.plainText); texts += content.footnoteText }
        func blocks(_ list: [Block]) {
            for block in list {
                switch block {
                case .heading(_, let c), .paragraph(let c), .returnAddress(let c): inlines(c)
                case .list(_, let items): items.forEach(blocks)
                case .table(let t): (t.header + t.rows).flatMap { $0 }.forEach(inlines)
                case .letterhead(let lines), .recipient(let lines), .signature(let lines): lines.forEach(inlines)
                case .caseInfo(let fields): fields.forEach { texts.append($0.label); inlines($0.value) }
                case .decision(let list): blocks(list)
                case .pageBreak: break
                @unknown default: Issue.record("a block kind this test does not read: \(block)")
                }
            }
        }
        blocks(document.blocks)
        return Set(texts.flatMap(words))
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// Drawn by the layout, not written in the Document: list bullets and numbers.
    static func isListLabel(_ word: String) -> Bool {
        word == "•" || word == "–" || (word.hasSuffix(".") && word.dropLast().allSatisfy(\.isNumber) && word.count > 1)
    }

    @Test(arguments: EveryExampleIsAccessibleTests.examples)
    func theTaggedTextHoldsTheDocumentsWordsWhole(file: String) throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        for letter in try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes(file)) {
            let path = try TestSupport.writeTemporary(letter.pdf)
            let texts = try Self.structureTexts(path)
            let expected = Self.documentWords(letter.document)
            let read = texts.flatMap(Self.words)
            #expect(read.count > 50, "the structure reader found text")
            // A word the Document does not have is two glued at a line end or one cut at a hyphen.
            let strange = read.filter { !expected.contains($0) && !Self.isListLabel($0) }
            #expect(strange.isEmpty, "\(file): \(strange.count) words read back that the Document does not have")
            // A paragraph cut short loses words: every word of the Document is read back.
            let missing = expected.subtracting(read)
            #expect(missing.isEmpty, "\(file): \(missing.count) words of the Document not read back")
            let all = texts.joined()
            #expect(!all.unicodeScalars.contains { (0xFB00...0xFB06).contains($0.value) }, "a ligature character")
        }
    }

    /// The check can fail: text set with its line ends glued (as before this issue) has words
    /// the Document does not have.
    @Test func gluedLineEndsAreFound() {
        let expected = Set(Self.words("I dette brev kan du læse"))
        let read = Self.words("I dettebrev kan du læse")
        #expect(read.filter { !expected.contains($0) } == ["dettebrev"])
    }
}
