import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue "Accessible, archival PDF": every item PDF/UA-1 and PDF/A-2a need, read back with
/// qpdf's JSON (an independent reader) from real letters.
@Suite(.serialized) struct AccessibilityTests {
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func render(changing change: (inout [String: Any]) -> Void = { _ in }) throws -> (RenderedLetter, QPDFJSON, String) {
        var object = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        change(&object)
        let letter = try pipeline.render(caseJSON: try TestSupport.json(object))
        let path = try TestSupport.writeTemporary(letter.pdf)
        return (letter, try QPDFJSON(path: path), path)
    }

    /// A letter of several pages whose paragraphs cross page breaks.
    func longLetter() throws -> (RenderedLetter, QPDFJSON, String) {
        try render { object in
            var b = object["begrundelse"] as! [String: Any]
            b["facts"] = (1...24).map { "at oplysning nummer \($0) i sagen, som vi har lagt vægt på, viser at behovet kan dækkes af et ambulant forløb med samtaler og gruppeforløb" }
            b["assessment"] = String(repeating: "Vi vurderer samlet, at dine behov kan dækkes af et intensivt ambulant forløb, og at døgnbehandling ikke er nødvendig. ", count: 40)
            object["begrundelse"] = b
        }
    }

    @Test func theCatalogHasLanguageTitleDisplayMarkInfoAndOutputIntent() throws {
        let (_, q, _) = try render()
        let catalog = q.catalog
        #expect(QPDFJSON.text(catalog["/Lang"]) == "da-DK")
        #expect(q.dictionary(catalog["/ViewerPreferences"])?["/DisplayDocTitle"] as? Bool == true)
        #expect(q.dictionary(catalog["/MarkInfo"])?["/Marked"] as? Bool == true)
        let intents = catalog["/OutputIntents"] as? [Any]
        let intent = q.dictionary(intents?.first)
        #expect(intent?["/S"] as? String == "/GTS_PDFA1")
        let profile = q.dictionary(intent?["/DestOutputProfile"])
        #expect(profile?["/N"] as? Int == 3)
        #expect(q.streamData(intent?["/DestOutputProfile"] as! String).count == 6922) // Debian's sRGB.icc
    }

    @Test func xmpIdentifiesPDFA2aAndPDFUA1WithNeutralTitleAndAuthor() throws {
        let (_, q, _) = try render()
        let xmp = String(decoding: q.streamData(q.catalog["/Metadata"] as! String), as: UTF8.self)
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(xmp.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"))
        #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">Afgørelse fra Ishøj Kommune</rdf:li>"))
        #expect(xmp.contains("<dc:creator><rdf:Seq><rdf:li>Ishøj Kommune</rdf:li></rdf:Seq></dc:creator>"))
        #expect(xmp.contains("<rdf:li>da-DK</rdf:li>"))
        #expect(xmp.contains("<xmp:CreateDate>2026-11-24T00:00:00+01:00</xmp:CreateDate>"))
        // No personal data in metadata.
        #expect(!xmp.contains("Mette") && !xmp.contains("0101851234") && !xmp.contains("døgn"))
        let info = q.dictionary(q.trailer["/Info"])!
        #expect(QPDFJSON.text(info["/Title"]) == "Afgørelse fra Ishøj Kommune")
        #expect(xmp.contains("<pdf:Producer>\(QPDFJSON.text(info["/Producer"]) ?? "?")</pdf:Producer>"))
    }

    @Test func theTrailerHasADeterministicID() throws {
        let (a, q, _) = try render()
        let id = q.trailer["/ID"] as? [String]
        #expect(id?.count == 2 && id?[0].hasPrefix("b:") == true && id?[0].count == 34)
        let (b, q2, _) = try render()
        #expect(q2.trailer["/ID"] as? [String] == id)
        #expect(a.pdf.elementsEqual(b.pdf))
    }

    @Test func everyPageUsesStructureTabOrderAndCIDFontsMapIdentity() throws {
        // Text is set in CID fonts (Identity-H, glyph ids), whose map must be given; a name outside WinAnsi too.
        let (_, q, _) = try render {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["name"] = "Nguyễn Thị Ánh"
            $0["citizen"] = citizen
        }
        for page in q.pages { #expect(page.dict["/Tabs"] as? String == "/S") }
        var cidFonts = 0
        for (_, entry) in q.objects {
            guard let v = (entry as? [String: Any])?["value"] as? [String: Any], v["/Subtype"] as? String == "/CIDFontType2" else { continue }
            cidFonts += 1
            #expect(v["/CIDToGIDMap"] as? String == "/Identity")
        }
        #expect(cidFonts >= 1)
    }

    /// Walks the structure tree: (role, depth, has marked content, has element children, attributes).
    func structure(_ q: QPDFJSON) -> [(role: String, depth: Int, content: Bool, children: Int, scope: String?)] {
        var out: [(String, Int, Bool, Int, String?)] = []
        func walk(_ any: Any?, depth: Int) {
            guard let element = q.dictionary(any), let role = element["/S"] as? String else { return }
            let k = element["/K"]
            let kids: [Any] = (k as? [Any]) ?? (k.map { [$0] } ?? [])
            let content = kids.contains { $0 is Int || (q.dictionary($0)?["/Type"] as? String == "/MCR") }
            let childElements = kids.filter { q.dictionary($0)?["/S"] != nil }
            let scope = q.dictionary(element["/A"])?["/Scope"] as? String
            out.append((String(role.dropFirst()), depth, content, childElements.count, scope))
            for c in childElements { walk(c, depth: depth + 1) }
        }
        let root = q.dictionary(q.catalog["/StructTreeRoot"])!
        let k = root["/K"]
        for kid in (k as? [Any]) ?? [k as Any] { walk(kid, depth: 0) }
        return out
    }

    @Test func theStructureTreeHasTheLetterSElementsAndTextOnlyInLeaves() throws {
        let (_, q, _) = try render()
        let tree = structure(q)
        #expect(tree.first?.role == "Document" && tree.first?.depth == 0)
        let roles = Set(tree.map(\.role))
        for needed in ["Document", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Span"] {
            #expect(roles.contains(needed), "no \(needed) element")
        }
        for element in tree where element.content {
            #expect(element.children == 0, "\(element.role) has both content and child elements")
        }
        for th in tree where th.role == "TH" { #expect(th.scope == "/Row") }
    }

    @Test func runningFootersAreArtifactsAndAllOtherTextIsTagged() throws {
        let (letter, q, path) = try longLetter()
        #expect(letter.pageCount >= 3)
        // The footer is on every page (poppler's text) but in no structure element (poppler's
        // reading of the tagged text); as no text stands outside marked content (below), it is
        // in /Artifact. (Text is written by glyph id, so the content stream does not spell it.)
        let tagged = try PDFReadBack.structure(path)
        for i in 0..<letter.pageCount {
            let pageText = try TestSupport.run("pdftotext", ["-enc", "UTF-8", "-f", "\(i + 1)", "-l", "\(i + 1)", path, "-"]).stdout
            #expect(pageText.contains("Side \(i + 1) af \(letter.pageCount)"))
            #expect(!tagged.contains("Side \(i + 1) af"))
        }
        #expect(tagged.contains("nummer"), "the structure reader reads the body")
        for (i, page) in q.pages.enumerated() {
            let content = q.content(ofPage: page.dict)
            #expect(content.contains("/Artifact BMC"))
            // No text object stands outside marked content.
            var depth = 0
            let tokens = content.replacingOccurrences(of: #"\((?:\\.|[^\\)])*\)"#, with: "()", options: .regularExpression)
                .split(whereSeparator: { $0 == " " || $0 == "\n" })
            for t in tokens {
                if t == "BDC" || t == "BMC" { depth += 1 }
                if t == "EMC" { depth -= 1 }
                if t == "BT" { #expect(depth > 0, "text outside marked content on page \(i + 1)") }
            }
        }
        // Paragraphs that cross a page break stay one element with a Span per page.
        let tree = structure(q)
        #expect(tree.contains { $0.role == "P" && $0.children >= 2 })
        // Text extraction still gives the whole paragraph.
        let text = try TestSupport.pdfText(try TestSupport.writeTemporary(letter.pdf))
            .replacingOccurrences(of: "\u{AD}\n", with: "").replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("at oplysning nummer 24 i sagen, som vi har lagt vægt på, viser at behovet kan dækkes af et ambulant forløb med samtaler og gruppeforløb"))
    }

    @Test func longLettersGetBookmarksForTheirHeadings() throws {
        let (_, q, path) = try longLetter()
        let outlines = q.root["outlines"] as? [[String: Any]] ?? []
        // Nested by level: the letter's H1 at the top, its H2 sections as its children.
        #expect(outlines.compactMap { $0["title"] as? String } == ["Afslag på døgnbehandling"])
        let sections = (outlines.first?["kids"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(sections.contains("Klagevejledning") && sections.contains("Begrundelse"))
        let root = q.dictionary(q.catalog["/Outlines"])
        #expect((root?["/Count"] as? Int ?? -1) > 0)
        let check = try TestSupport.run("qpdf", ["--check", path])
        #expect(check.status == 0)
        // A two-page letter needs none.
        let short = try pipeline.render(caseJSON: try TestSupport.exampleBytes("bevilling-dag-sel101.json"))
        #expect(short.pageCount == 2)
        let shortOutlines = try QPDFJSON(path: try TestSupport.writeTemporary(short.pdf))
        #expect((shortOutlines.root["outlines"] as? [Any] ?? []).isEmpty)
    }

    @Test func pdfinfoSaysTaggedWithAMetadataStream() throws {
        let (_, _, path) = try render()
        let info = try TestSupport.run("pdfinfo", [path]).stdout
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Metadata Stream: yes"))
    }
}

/// Every example letter in Examples/cases/ (those not meant to be refused) is read back and
/// checked for the PDF/UA-1 and PDF/A-2a items; a new example is covered by adding the file.
@Suite(.serialized) struct EveryExampleIsAccessibleTests {
    static let examples: [String] = {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.contains("invalid") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(!Self.examples.isEmpty)
    }

    @Test(arguments: examples)
    func exampleLetterIsTaggedArchivalAndExtractable(file: String) throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes(file))
        let path = try TestSupport.writeTemporary(letter.pdf)
        let q = try QPDFJSON(path: path)
        #expect(QPDFJSON.text(q.catalog["/Lang"]) == "da-DK")
        #expect(q.dictionary(q.catalog["/ViewerPreferences"])?["/DisplayDocTitle"] as? Bool == true)
        #expect(q.dictionary(q.catalog["/MarkInfo"])?["/Marked"] as? Bool == true)
        #expect(q.dictionary((q.catalog["/OutputIntents"] as? [Any])?.first)?["/S"] as? String == "/GTS_PDFA1")
        #expect((q.trailer["/ID"] as? [String])?.count == 2)
        let xmp = String(decoding: q.streamData(q.catalog["/Metadata"] as! String), as: UTF8.self)
        #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>") && xmp.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
        #expect(xmp.contains("<pdfuaid:part>1</pdfuaid:part>"))
        for page in q.pages { #expect(page.dict["/Tabs"] as? String == "/S") }
        #expect(try TestSupport.run("qpdf", ["--check", path]).status == 0)
        #expect(try TestSupport.run("pdfinfo", [path]).stdout.contains("Tagged:          yes"))
        // The recipient's name comes back exactly, and appears nowhere in the metadata.
        let object = try TestSupport.exampleObject(file)
        if let name = (object["citizen"] as? [String: Any])?["name"] as? String {
            #expect(try TestSupport.pdfText(path).contains(name))
            #expect(!xmp.contains(name))
        }
    }
}
