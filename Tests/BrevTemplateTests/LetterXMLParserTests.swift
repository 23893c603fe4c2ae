@testable import BrevCase
import BrevCore
import BrevDocument
@_spi(Reference) @testable import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// Brev's own XML reader against libxml2, the authority: where brev's reader takes a text, its
/// tree is libxml2's tree, and `XHTMLReader.read` gives what libxml2's reading gives, Document or
/// diagnostics, for the templates, the filled letters and thousands of broken variants of them.
@Suite struct LetterXMLParserTests {
    static let templates = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates")

    /// Every letter kind filled with the specimen model (every optional value set).
    static let filledLetters: [(kind: String, text: String)] = {
        let catalog = try! TemplateCatalog.load(directory: templates, modelSpecimen: LetterModel.specimen)
        return catalog.letters.keys.sorted().map { ($0, try! catalog.filledText(kind: $0, model: LetterModel.specimen)) }
    }()

    enum Outcome: Equatable {
        case document(Document)
        case problems([Diagnostic])
    }

    static func outcome(_ read: () throws(DiagnosticsError) -> Document) -> Outcome {
        do {
            return .document(try read())
        } catch {
            return .problems(error.diagnostics)
        }
    }

    /// Both readings of one text: `read` (brev's reader, libxml2 where it hands over) and libxml2's alone.
    static func bothReadings(_ text: String, rawTemplate: Bool = false) -> (read: Outcome, libxml2: Outcome) {
        (outcome { () throws(DiagnosticsError) -> Document in try XHTMLReader.read(text, sourceName: "t.xhtml", rawTemplate: rawTemplate) },
         outcome { () throws(DiagnosticsError) -> Document in try XHTMLReader.readWithLibXML2(text, sourceName: "t.xhtml", rawTemplate: rawTemplate) })
    }

    /// A readable form of a tree without lines (brev's reader has none): names, attributes, text bytes.
    static func dump(_ tree: XMLTree) -> String {
        var out = ""
        func node(_ i: Int32, _ depth: Int) {
            let n = tree.nodes[Int(i)]
            out += String(repeating: " ", count: depth)
            if n.isText {
                out += "text \(tree.withText(i) { Array($0) })\n"
                return
            }
            out += "<\(n.name)"
            // By name: brev's reader keeps them in the text's order, the conversion in `attributeNames`' order.
            for a in tree.attributes[Int(n.start) ..< Int(n.start + n.count)].sorted(by: { $0.name < $1.name }) {
                out += " \(a.name)=\(Array(a.value.utf8))"
            }
            out += ">\n"
            for c in tree.children(i) { node(c, depth + 1) }
        }
        if tree.root >= 0 { node(tree.root, 0) }
        return out
    }

    /// Where brev's reader takes the text, libxml2 builds the same tree.
    static func sameTreeWhereTaken(_ text: String) -> Bool {
        guard let fast = LetterXMLParser.parse(text) else { return true }
        guard let slow = try? LibXML2Tree.parse(text, sourceName: "t.xhtml") else { return false }
        return dump(fast) == dump(slow)
    }

    @Test func referencesAndLineEndsAreReadAsLibXML2ReadsThem() throws {
        let texts = [
            "<letter title=\"a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#xE6; &#x1F600;\"><p>x</p></letter>",
            "<letter title='tab\there\nline\r\nend\rx'><p>a&amp;b&#38;c &#10; &#13; &#x9;</p></letter>",
            "<letter>\r\n<p>one\r\ntwo\rthree</p>\r\n</letter>\r\n",
            "<!-- før --><letter lang=\"en\" >\n <p >a<!-- mellem -->b <strong>c</strong>]]x]</p>\n<!----></letter ><!-- efter -->\n",
            "<letter><p>a<br/>b<br />c</p><caseinfo><field label=\"Sag &amp; nr.\">1</field></caseinfo></letter>",
            "<letter><p><a href=\"https://x.dk/?a=1&amp;b=2\">link</a></p><p>&#0065;&#x00041;</p></letter>",
            "<letter lang=\"en\" other=\"x\" title=\"T\"><p>x</p></letter>",
        ]
        for text in texts {
            #expect(LetterXMLParser.parse(text) != nil, "brev's reader should take: \(text)")
            #expect(Self.sameTreeWhereTaken(text), "trees differ: \(text)")
            let (read, libxml2) = Self.bothReadings(text)
            #expect(read == libxml2, "\(text)")
        }
    }

    @Test func whatItDoesNotTakeExactlyGoesToLibXML2() {
        let texts = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><letter><p>x</p></letter>",
            "<!DOCTYPE letter [<!ENTITY e \"x\">]><letter><p>&e;</p></letter>",
            "<letter><p><![CDATA[a < b]]></p></letter>",
            "<letter><?pi x?><p>x</p></letter>",
            "<letter><p>&nbsp;</p></letter>",
            "\u{FEFF}<letter><p>x</p></letter>",
            "<letter><x:p xmlns:x=\"u\">x</x:p></letter>",
            "<letter xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></letter>",
            "<letter><pæ>x</pæ></letter>",
            "<letter><p>a\u{0}b</p></letter>",
            "<letter><p>a\u{FFFE}b</p></letter>",
            "<letter><p>&#0;&#xD800;</p></letter>",
            "<letter><p>a ]]> b</p></letter>",
            "<letter><p title=\"a\" title=\"b\">x</p></letter>",
            "<letter><p a=\"1\"b=\"2\">x</p></letter>",
            "<letter><p>x</q></letter>",
            "<letter><p>x</p></letter><p/>",
            "<letter><!-- a -- b --><p>x</p></letter>",
            "<letter><p>" + String(repeating: "<span>", count: 100) + "x" + String(repeating: "</span>", count: 100) + "</p></letter>",
            "",
            "<letter>",
        ]
        for text in texts {
            #expect(LetterXMLParser.parse(text) == nil, "brev's reader should hand over: \(text.prefix(60))")
            let (read, libxml2) = Self.bothReadings(text)
            #expect(read == libxml2, "\(text.prefix(60))")
        }
    }

    /// The templates as the linter reads them (partials wrapped in a root, Mustache tags in place).
    @Test func everyRawTemplateReadsAsLibXML2ReadsIt() throws {
        var files: [TemplateSource] = []
        let fm = FileManager.default
        for kind in try fm.contentsOfDirectory(atPath: Self.templates.appendingPathComponent("letters").path).sorted() {
            let path = "letters/\(kind)/letter.xhtml"
            files.append(TemplateSource(path: path, text: try String(contentsOf: Self.templates.appendingPathComponent(path), encoding: .utf8), isPartial: false))
        }
        for name in try fm.contentsOfDirectory(atPath: Self.templates.appendingPathComponent("partials").path).sorted() where name.hasSuffix(".xhtml") {
            let path = "partials/\(name)"
            files.append(TemplateSource(path: path, text: try String(contentsOf: Self.templates.appendingPathComponent(path), encoding: .utf8), isPartial: true))
        }
        #expect(files.count > 30)
        for file in files {
            let text = file.wellFormedText
            #expect(LetterXMLParser.parse(text) != nil, "brev's reader should take \(file.path)")
            #expect(Self.sameTreeWhereTaken(text), "trees differ: \(file.path)")
            let (read, libxml2) = Self.bothReadings(text, rawTemplate: true)
            #expect(read == libxml2, "\(file.path)")
            if case .problems(let p) = read { Issue.record("\(file.path): \(p)") }
        }
    }

    @Test func everyFilledLetterReadsAsLibXML2ReadsIt() {
        #expect(Self.filledLetters.count >= 15)
        for (kind, text) in Self.filledLetters {
            #expect(LetterXMLParser.parse(text) != nil, "brev's reader should take the filled \(kind)")
            #expect(Self.sameTreeWhereTaken(text), "trees differ: \(kind)")
            let (read, libxml2) = Self.bothReadings(text)
            #expect(read == libxml2, "\(kind)")
            if case .problems(let p) = read { Issue.record("\(kind): \(p)") }
        }
    }

    /// Seeded mutations of the filled letters: bytes and markup deleted, doubled and inserted,
    /// texts cut short, elements nested deep. Whatever comes out, both readings agree, and where
    /// brev's reader takes a text its tree is libxml2's.
    @Test func brokenLettersReadAsLibXML2ReadsThem() {
        var rng = SeededGenerator(seed: 0x5EED_0008)
        let pieces: [String] = ["<", ">", "&", "\"", "'", "/", "=", ";", "#", "]]>", "<!--", "-->", "--", "&#", "&#x", "&amp;", "&lt;",
                                "&apos;", "&#38;", "&#x41;", "&#0;", "&#xFFFE;", "&foo;", "\r", "\r\n", "\t", "\u{0}", "\u{1}",
                                "\u{FFFE}", "\u{FEFF}", "æ", "<p>", "</p>", "<br/>", "<span>", "</span>", "<![CDATA[x]]>", "<?pi?>",
                                "<!DOCTYPE x>", " title=\"x\"", " a:b=\"1\"", "xmlns=\"u\"", "<x:p>", "</strong>", "<strong>"]
        var taken = 0
        var cases = 0
        for round in 0 ..< 3000 {
            let (kind, original) = Self.filledLetters[round % Self.filledLetters.count]
            var bytes = Array(original.utf8)
            let edits = Int.random(in: 1 ... 3, using: &rng)
            for _ in 0 ..< edits {
                // Half of the edits land at markup, where they matter most.
                var at = Int.random(in: 0 ... bytes.count, using: &rng)
                if Bool.random(using: &rng), let lt = bytes[min(at, bytes.count)...].firstIndex(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") }) {
                    at = lt + Int.random(in: 0 ... 2, using: &rng)
                }
                at = min(at, bytes.count)
                switch Int.random(in: 0 ..< 7, using: &rng) {
                case 0 where at < bytes.count: bytes.remove(at: at)
                case 1 where at < bytes.count: bytes.insert(bytes[at], at: at)
                case 2: bytes.insert(UInt8.random(in: 0 ... 255, using: &rng), at: at)
                case 3: bytes = Array(bytes[..<at])
                case 4:
                    let depth = [3, 63, 64, 65, 100, 255, 256, 257, 300].randomElement(using: &rng)!
                    bytes.insert(contentsOf: Array((String(repeating: "<span>", count: depth) + "x" + String(repeating: "</span>", count: depth)).utf8), at: at)
                default: bytes.insert(contentsOf: Array(pieces.randomElement(using: &rng)!.utf8), at: at)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            cases += 1
            if LetterXMLParser.parse(text) != nil { taken += 1 }
            #expect(Self.sameTreeWhereTaken(text), "round \(round) (\(kind)): trees differ")
            let (read, libxml2) = Self.bothReadings(text)
            #expect(read == libxml2, "round \(round) (\(kind)): readings differ")
        }
        // The mutations must reach both sides: texts brev's reader takes, and texts it hands over.
        #expect(taken > cases / 10 && taken < cases * 9 / 10, "brev's reader took \(taken) of \(cases)")
    }

    /// `trimmed` as it was, by Characters only: the byte-wise shortcuts must give the same, also
    /// where a space and a combining mark (or a prepended mark and a space) are one Character.
    static func referenceTrimmed(_ inlines: [Inline]) -> [Inline] {
        var merged: [Inline] = []
        for i in inlines {
            if case .text(let t) = i, case .text(let prev)? = merged.last {
                merged[merged.count - 1] = .text(prev + t)
            } else {
                merged.append(i)
            }
        }
        for k in merged.indices.dropFirst() {
            if case .lineBreak = merged[k - 1], case .text(let t) = merged[k], t.hasPrefix(" ") {
                merged[k] = .text(String(t.dropFirst()))
            }
        }
        if case .text(let t)? = merged.first {
            let s = String(t.drop { $0 == " " })
            if s.isEmpty { merged.removeFirst() } else { merged[0] = .text(s) }
        }
        if case .text(let t)? = merged.last {
            var s = t
            while s.hasSuffix(" ") { s.removeLast() }
            if s.isEmpty { merged.removeLast() } else { merged[merged.count - 1] = .text(s) }
        }
        return merged
    }

    @Test func trimmingDropsTheSpaceCharactersItDroppedBefore() {
        var rng = SeededGenerator(seed: 0x7121_3ED)
        let pieces = [" ", " ", " ", "a", "Æ", "\u{301}", "\u{600}", "\u{A0}", "\t", "é"]
        for _ in 0 ..< 5000 {
            var inlines: [Inline] = []
            for _ in 0 ..< Int.random(in: 1 ... 4, using: &rng) {
                if Int.random(in: 0 ..< 4, using: &rng) == 0 {
                    inlines.append(.lineBreak)
                } else {
                    inlines.append(.text((0 ..< Int.random(in: 1 ... 5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()))
                }
            }
            #expect(trimmed(inlines) == Self.referenceTrimmed(inlines), "\(inlines)")
        }
    }
}
