import BrevLayout
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11, the letter's design, each read back from the PDF with poppler and qpdf: the
/// decision first (in the headline and in a framed, tagged box), the typography of a public
/// authority, the address in the envelope window, rules between table rows, the municipality's
/// logo as a Figure with /Alt.
@Suite(.serialized) struct LetterDesignTests {
    static let mm = PageGeometry.mm

    /// Renders an example's first letter to a temporary PDF.
    static func render(_ example: String) throws -> String {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes(example))
        return try TestSupport.writeTemporary(letter.pdf, name: example.replacingOccurrences(of: ".json", with: ".pdf"))
    }

    /// An element of poppler's structure reading: its type, its text and its children.
    final class Element {
        var type: String
        var text = ""
        var children: [Element] = []
        init(type: String) { self.type = type }

        /// Every element below, depth first.
        var descendants: [Element] { children.flatMap { [$0] + $0.descendants } }
        /// The text of the element and everything in it.
        var allText: String { text + children.map(\.allText).joined() }
    }

    /// The structure tree as `pdfinfo -struct-text` prints it (two spaces of indent a level).
    static func structureTree(_ path: String) throws -> Element {
        let root = Element(type: "root")
        var stack: [(depth: Int, element: Element)] = [(-1, root)]
        for line in try PDFReadBack.structure(path).split(separator: "\n") {
            let depth = line.prefix { $0 == " " }.count / 2
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            while let last = stack.last, last.depth >= depth { stack.removeLast() }
            let parent = stack.last!.element
            if trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 2 {
                parent.text += trimmed.dropFirst().dropLast()
            } else if let type = trimmed.split(separator: " ").first {
                let element = Element(type: String(type))
                parent.children.append(element)
                stack.append((depth, element))
            }
        }
        return root
    }

    // MARK: 1. The decision first

    static let headlines: [(String, String)] = [
        ("bevilling-dag-sel101.json", "Du får bevilget dagbehandling"),
        ("afslag-doegn-sel101.json", "Afslag på døgnbehandling"),
        ("delvis-bevilling-dag-i-stedet-for-doegn.json", "Delvis bevilling: dagbehandling i stedet for døgnbehandling"),
        ("delvis-bevilling-doegn-egenbetaling.json", "Delvis bevilling: døgnbehandling med egenbetaling"),
        ("afslag-forlaengelse-doegn-sel101.json", "Afslag på forlængelse af din døgnbehandling"),
        ("ophoer-ambulant-sel101.json", "Din ambulante behandling stopper"),
        ("aktindsigt-delvis-sel101.json", "Du får delvis aktindsigt"),
        ("genvurdering-aendret-dag-sel101.json", "Ny afgørelse efter din klage: du får dagbehandling"),
    ]

    @Test(arguments: headlines)
    func theHeadlineSaysWhatWasDecidedAndTheDecisionStandsInATaggedFrame(example: String, headline: String) throws {
        let path = try LetterDesignTests.render(example)
        let tree = try LetterDesignTests.structureTree(path)
        let all = tree.descendants
        let h1 = try #require(all.first { $0.type == "H1" })
        #expect(h1.allText.replacingOccurrences(of: "\u{AD}", with: "").trimmingCharacters(in: .whitespaces) == headline)
        // The decision box: a Div holding the "Afgørelse" heading and what was decided.
        let box = try #require(all.first { $0.type == "Div" && $0.children.first?.type == "H2"
                && $0.children.first!.allText.hasSuffix("fgørelse") })
        #expect(box.children.count >= 2)
        #expect(box.children.dropFirst().allSatisfy { ["P", "L"].contains($0.type) })
        // It comes before the reasons and the complaint guidance: the first H2 of the letter.
        #expect(all.first { $0.type == "H2" } === box.children.first)
        // Its frame and tint are drawn, and only as artifacts: no painted path is content.
        let pages = PDFReadBack.pageContents(try PDFReadBack.uncompressed(path))
        let paths = PDFReadBack.paintedPaths(pages[0])
        #expect(paths.inArtifact >= 3)
        #expect(paths.unmarked == 0)
    }

    /// A letter that is not a decision keeps its headline and has no box.
    @Test func aHearingLetterHasNoDecisionBox() throws {
        let path = try LetterDesignTests.render("partshoering-doegn-sel101.json")
        let all = try LetterDesignTests.structureTree(path).descendants
        #expect(!all.contains { $0.type == "Div" && $0.children.first?.type == "H2" && $0.children.first!.allText.hasSuffix("fgørelse") })
    }

    // MARK: 2. Typography

    /// Noto Sans's ascender and descender (1069 and 293 units of 1000): poppler's word box is
    /// their sum times the type size.
    static func typeSize(_ word: PDFReadBack.Word) -> Double { word.height / 1.362 }

    static let typographyExamples = ["afslag-doegn-sel101.json", "bevilling-dag-sel101.json", "delvis-bevilling-doegn-egenbetaling.json",
                                     "behandlingsplan-sel101.json", "klagevejledning-afslag-doegn-sel101-fysisk-post.json"]

    @Test func fullLinesHoldSixtyToSeventyFiveCharacters() throws {
        var counts: [Int] = []
        for example in LetterDesignTests.typographyExamples {
            let lines = try PDFReadBack.lines(try LetterDesignTests.render(example))
            // Body lines start at the left margin. A full line is one the next line of its block
            // follows because the next word did not fit (a paragraph's last line is not full).
            let geometry = PageGeometry()
            for (i, line) in lines.enumerated() where abs(line.xMin - geometry.marginLeft) < 1 {
                guard i + 1 < lines.count, lines[i + 1].block == line.block, abs(lines[i + 1].xMin - geometry.marginLeft) < 1,
                      let last = line.words.last, let next = lines[i + 1].words.first,
                      LetterDesignTests.typeSize(last) < 11 else { continue }
                let space = 0.26 * LetterDesignTests.typeSize(last)
                guard last.xMax - line.xMin + space + (next.xMax - next.xMin) > geometry.bodyWidth else { continue }
                counts.append(line.text.count)
            }
        }
        #expect(counts.count > 50)
        let mean = Double(counts.reduce(0, +)) / Double(counts.count)
        #expect((60...75).contains(mean), "mean \(mean) characters per full line")
        #expect(counts.max()! <= 85, "longest full line: \(counts.max()!)")
    }

    @Test func bodyHeadingsAndWhatTheCitizenQuotesAreLargeEnough() throws {
        let path = try LetterDesignTests.render("afslag-doegn-sel101-fysisk-post.json")
        let words = try PDFReadBack.words(path, page: 1)
        func size(of text: String) throws -> Double {
            LetterDesignTests.typeSize(try #require(words.first { $0.text == text }, "\(text) on page 1"))
        }
        let sizes = words.map { (LetterDesignTests.typeSize($0) * 2).rounded() / 2 }
        let body = Dictionary(grouping: sizes, by: { $0 }).max { $0.value.count < $1.value.count }!.key
        #expect((10.5...11).contains(body), "body \(body) pt")
        // The case number and the caseworker's phone, which the citizen quotes: at least 9 pt.
        let caseNumber = try #require(words.first { $0.text.contains("-G01-") })
        #expect(LetterDesignTests.typeSize(caseNumber) >= 8.95)
        let phone = try #require(words.first { $0.text == "Telefon" && $0.xMin > 120 * LetterDesignTests.mm })
        #expect(LetterDesignTests.typeSize(phone) >= 8.95)
        // The return line is legible (8 pt), the headings a clear scale above the body.
        #expect(try size(of: "Retur:") >= 7.95)
        let h1 = try size(of: "Afslag")
        let h2 = try size(of: "Begrundelse")
        #expect(h1 >= 17 && h2 >= 12.5 && h1 / h2 >= 1.3 && h2 / body >= 1.2, "h1 \(h1), h2 \(h2), body \(body)")
    }

    /// No hyphen breaks a name, an address, a number or the deadline; a hyphen in ragged text
    /// is rare.
    @Test func namesAddressesNumbersAndDeadlinesAreNeverHyphenated() throws {
        var hyphenated: [String] = []
        var bodyLines = 0
        for example in EveryExampleIsAccessibleTests.examples {
            let lines = try PDFReadBack.lines(try LetterDesignTests.render(example))
            bodyLines += lines.count
            for (i, line) in lines.enumerated() {
                guard let last = line.words.last, last.text.hasSuffix("-") || last.text.hasSuffix("\u{AD}") else { continue }
                let next = i + 1 < lines.count ? lines[i + 1].words.first?.text ?? "" : ""
                let word = String(last.text.dropLast()) + next
                // A real hyphen ("Ærø-Østergård", "dag- og") is the word's own, not a break layout made.
                if last.text.hasSuffix("-"), !next.isEmpty, next.first!.isUppercase || next.hasPrefix("og") { continue }
                hyphenated.append(word)
                #expect(!(word.first?.isUppercase ?? false), "a name or address hyphenated: \(word)")
                #expect(!word.contains { $0.isNumber }, "a number hyphenated: \(word)")
                #expect(!line.text.contains("senest") && !lines[i + 1].text.contains("senest"), "the deadline hyphenated: \(word)")
            }
        }
        #expect(Double(hyphenated.count) < Double(bodyLines) * 0.01, "\(hyphenated.count) hyphens in \(bodyLines) lines: \(hyphenated)")
    }

    // MARK: 3. The envelope window

    /// Every glyph box on page 1 that reaches into the window lies inside it with at least
    /// 3 mm to spare on every side, and the return line and the address are among them. The
    /// Ishøj profile names its window (DIN 680's); Thisted's uses brev's default (the same).
    @Test(arguments: ["afslag-doegn-sel101-fysisk-post.json", "klagevejledning-afslag-doegn-sel101-fysisk-post.json",
                      "bevilling-doegn-thisted-3-maaneder.json"])
    func theAddressStandsInTheWindowWithClearance(example: String) throws {
        let mm = LetterDesignTests.mm
        let window = PageGeometry.dinWindow
        #expect(window == PageGeometry.Area(x: 20 * mm, y: 45 * mm, width: 90 * mm, height: 45 * mm))
        let words = try PDFReadBack.words(try LetterDesignTests.render(example), page: 1)
        let inWindow = words.filter { $0.xMin < window.maxX && $0.xMax > window.x && $0.yMin < window.maxY && $0.yMax > window.y }
        #expect(inWindow.count >= 5)
        let clearance = 3 * mm - 0.01
        for word in inWindow {
            #expect(word.xMin >= window.x + clearance && word.xMax <= window.maxX - clearance
                    && word.yMin >= window.y + clearance && word.yMax <= window.maxY - clearance,
                    "\(word.text) at x \(word.xMin / mm)–\(word.xMax / mm) mm, y \(word.yMin / mm)–\(word.yMax / mm) mm")
        }
        // The address's postcode line is in the window; on print letters the return line too.
        #expect(inWindow.contains { $0.text.count == 4 && $0.text.allSatisfy(\.isNumber) })
        if example.contains("fysisk-post") { #expect(inWindow.contains { $0.text == "Retur:" }) }
    }

    /// The window comes from the profile: moved 15 mm right and 8 mm down in a copy of the
    /// resources, the address and the return line follow it, 3 mm inside its edges.
    @Test func theProfileMovesTheWindow() throws {
        let root = try TestSupport.temporaryDirectory()
        for folder in ["LetterTemplates", "Fonts", "Schemas"] {
            try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        let profile = root.appendingPathComponent("LetterTemplates/profiles/ishoej-vallensbaek.yaml")
        let text = try String(contentsOf: profile, encoding: .utf8)
        let moved = text.replacingOccurrences(of: "{left_mm: 20, top_mm: 45, width_mm: 90, height_mm: 45}",
                                              with: "{left_mm: 35, top_mm: 53, width_mm: 90, height_mm: 45}")
        #expect(moved != text)
        try moved.write(to: profile, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let r = try TestSupport.run(try TestSupport.brevBinary, ["render", "--case", TestSupport.example("afslag-doegn-sel101-fysisk-post.json").path,
                                                                 "--out", out.path, "--resources", root.path])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".pdf") })
        let words = try PDFReadBack.words(out.appendingPathComponent(pdf).path, page: 1)
        let mm = LetterDesignTests.mm
        let retur = try #require(words.first { $0.text == "Retur:" })
        let postcode = try #require(words.first { $0.text == "2635" && $0.xMin < 100 * mm && $0.yMin > 60 * mm })
        for word in [retur, postcode] {
            #expect(word.xMin >= (35 + 3) * mm - 0.01 && word.yMin >= (53 + 3) * mm - 0.01 && word.yMax <= (53 + 45 - 3) * mm,
                    "\(word.text) at \(word.xMin / mm), \(word.yMin / mm) mm")
        }
    }

    /// A sheet handed over in person has no address: its text starts right below the letterhead.
    @Test func theAnonymousSheetKeepsNoEmptyWindowZone() throws {
        let words = try PDFReadBack.words(try LetterDesignTests.render("anonym-information-sel101a.json"), page: 1)
        let headline = try #require(words.first { $0.text == "Anonym" })
        #expect(headline.yMin < 65 * LetterDesignTests.mm, "the headline starts \(headline.yMin / LetterDesignTests.mm) mm down")
    }

    // MARK: 4. Rules between table rows

    /// The treatment plan's goals table (a header and two goals) has a rule under the header and
    /// one between the goals, drawn as artifacts, and nothing else is painted as content but the logo.
    @Test func tableRowsAreSeparatedByRulesDrawnAsArtifacts() throws {
        let path = try LetterDesignTests.render("behandlingsplan-sel101.json")
        let all = try LetterDesignTests.structureTree(path).descendants
        let table = try #require(all.first { $0.type == "Table" && $0.allText.contains("Mål") })
        let rows = table.children.filter { $0.type == "TR" }.count
        #expect(rows == 3)
        let page = PDFReadBack.pageContents(try PDFReadBack.uncompressed(path))[0]
        let paths = PDFReadBack.paintedPaths(page)
        #expect(paths.inArtifact == rows - 1)
        #expect(paths.unmarked == 0)
    }

    // MARK: 5. Identity

    /// Each profile's logo heads page 1 as a Figure whose /Alt names the municipality.
    @Test(arguments: [("afslag-doegn-sel101.json", "Ishøj Kommunes logo"), ("bevilling-doegn-thisted-3-maaneder.json", "Thisted Kommunes logo")])
    func theLogoIsAFigureWithAlternateText(example: String, alt: String) throws {
        let path = try LetterDesignTests.render(example)
        let tree = try LetterDesignTests.structureTree(path)
        // First in the reading order, before the letterhead.
        #expect(tree.children.first?.children.first?.type == "Figure")
        let qdf = try PDFReadBack.uncompressed(path)
        let figure = try #require(qdf.components(separatedBy: " obj").first { $0.contains("/S /Figure") })
        let hex = try #require(figure.range(of: #"/Alt <feff([0-9a-f]+)>"#, options: .regularExpression).map { String(figure[$0]) })
        let digits = Array(hex.dropFirst("/Alt <feff".count).dropLast())
        let units = stride(from: 0, to: digits.count, by: 4).map { UInt16(String(digits[$0..<$0 + 4]), radix: 16)! }
        #expect(String(decoding: units, as: UTF16.self) == alt)
        // Drawn as the Figure's content, not as an artifact.
        #expect(PDFReadBack.paintedPaths(PDFReadBack.pageContents(qdf)[0]).tagged >= 1)
    }
}
