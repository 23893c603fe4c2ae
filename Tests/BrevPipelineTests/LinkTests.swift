import BrevDocument
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 11: e-mail and web addresses are links, in the PDF (a tagged Link with its annotation,
/// /Contents and print flag, as PDF/UA-1 and PDF/A-2 ask) and in the HTML (`<a href>`).
@Suite(.serialized) struct LinkTests {
    @Test func addressesInTextBecomeLinksWithoutTheSentencesPunctuation() {
        #expect(AddressLinks.split("Skriv til lars.holm@ishoj.dk.") ==
                [.text("Skriv til "), .link(href: "mailto:lars.holm@ishoj.dk", [.text("lars.holm@ishoj.dk")]), .text(".")])
        #expect(AddressLinks.split("Se www.ishoj.dk/klage, eller ring.") ==
                [.text("Se "), .link(href: "https://www.ishoj.dk/klage", [.text("www.ishoj.dk/klage")]), .text(", eller ring.")])
        #expect(AddressLinks.split("(https://borger.dk)") ==
                [.text("("), .link(href: "https://borger.dk", [.text("https://borger.dk")]), .text(")")])
        #expect(AddressLinks.split("på borger.dk.") ==
                [.text("på "), .link(href: "https://borger.dk", [.text("borger.dk")]), .text(".")])
        // Not addresses: a journal number, a law reference, a time, an abbreviation, a lone at sign.
        for text in ["Sagsnr. 27.36.08-G01-1042-26", "§ 101, stk. 4.", "kl. 10.00", "f.eks. i dag", "jf. lov.nr", "@ishoj", "a@b",
                     "Mette Ærø-Østergård", "Ishøj Søvej 1A"] {
            #expect(AddressLinks.split(text) == [.text(text)], "\(text)")
        }
    }

    @Test func theLettersAddressesAreTaggedLinkAnnotationsAndHTMLLinks() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-sel101.json"))
        let path = try TestSupport.writeTemporary(letter.pdf)
        let q = try QPDFJSON(path: path)
        let annotations = q.pages.flatMap { page in (page.dict["/Annots"] as? [Any] ?? []).compactMap { q.dictionary($0) } }
        let uris = annotations.compactMap { q.dictionary($0["/A"])?["/URI"] }.compactMap { QPDFJSON.text($0) }
        #expect(uris.sorted() == ["https://borger.dk", "https://www.ishoj.dk", "mailto:lars.holm@ishoj.dk"])
        for annotation in annotations {
            #expect(annotation["/Subtype"] as? String == "/Link")
            #expect(annotation["/F"] as? Int == 4)
            #expect(annotation["/StructParent"] as? Int != nil)
        }
        #expect(annotations.compactMap { QPDFJSON.text($0["/Contents"]) }.sorted() ==
                ["E-mail til lars.holm@ishoj.dk", "Websted borger.dk", "Websted www.ishoj.dk"])
        // The structure tree holds each as a Link element with its annotation (an OBJR) and text.
        let tree = try TestSupport.run("pdfinfo", ["-struct-text", path]).stdout
        let links = tree.components(separatedBy: "Link (inline)").dropFirst()
        #expect(links.count == 3)
        for link in links { #expect(link.drop { $0 == "\n" || $0 == " " }.hasPrefix("Object ")) }
        #expect(letter.html.contains("<a href=\"mailto:lars.holm@ishoj.dk\">lars.holm@ishoj.dk</a>"))
        #expect(letter.html.contains("<a href=\"https://www.ishoj.dk\">www.ishoj.dk</a>"))
    }
}
