import BrevPageImages
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// brev writes its PDF itself and draws the page images (the visual tests' PNGs) with cairo: the
/// two must show the same thing. Every page of every example letter, as poppler rasterises the
/// PDF (`pdftoppm`, independent of brev), matches cairo's image of the same page within the
/// visual tests' share of differing pixels. The two rasterisers place a glyph's edges within a
/// pixel differently (cairo's image surface rounds glyph origins to whole pixels, poppler does
/// not) and shade its edges a little differently, so both images are compared averaged over
/// 8 × 8 pixel blocks at 72 dpi (measured 2026-12-01 on every kind: no block differs, mean
/// difference 0.1–1.8), with a mean difference under 2.5 (the visual tests allow 1.0 between
/// two cairo images); another page of the letter differs in 9 % of the blocks, mean 12.8.
@Suite(.serialized) struct PDFDrawingTests {
    static let dpi = 72.0
    static let block = 8

    static func matches(_ d: (differingShare: Double, meanDifference: Double)) -> Bool {
        d.differingShare < 0.002 && d.meanDifference < 2.5
    }
    let pipeline: LetterPipeline
    let images = PageImages()

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    /// Page `index` of the PDF at `path` as poppler draws it, as PNG bytes.
    static func poppler(_ path: String, page index: Int) throws -> [UInt8] {
        let prefix = try TestSupport.temporaryDirectory().appendingPathComponent("page").path
        let result = try TestSupport.run("pdftoppm", ["-png", "-r", "\(Int(dpi))", "-f", "\(index + 1)", "-l", "\(index + 1)",
                                                      "-singlefile", path, prefix])
        #expect(result.status == 0, "\(result.stderr)")
        return Array(try Data(contentsOf: URL(fileURLWithPath: prefix + ".png")))
    }

    /// One example of each letter kind: the first of each letter type, channel (a print letter
    /// has the window envelope's page 1) and municipality (its logo).
    static let kinds: [String] = {
        var seen = Set<String>()
        return EveryExampleIsAccessibleTests.examples.filter { file in
            guard let object = try? TestSupport.exampleObject(file) else { return true }
            let kind = ["letter_type", "channel", "municipality_code"].map { "\(object[$0] ?? "")" }.joined(separator: "|")
            return seen.insert(kind).inserted
        }
    }()

    @Test(arguments: kinds)
    func everyPageOfThePDFLooksLikeCairosImageOfIt(file: String) throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes(file))
        let path = try TestSupport.writeTemporary(letter.pdf)
        #expect(letter.pages.pages.count == letter.pageCount)
        for index in letter.pages.pages.indices {
            let cairo = try images.png(letter.pages, page: index, dpi: Self.dpi)
            let d = PageImages.difference(try Self.poppler(path, page: index), cairo, block: Self.block)
            #expect(Self.matches(d),
                    "\(file), page \(index + 1): \(String(format: "%.3f", d.differingShare * 100)) % of pixels differ (mean \(d.meanDifference))")
        }
    }

    /// The comparison is not blind: page 2 of a letter is not page 1.
    @Test func anotherPageDiffers() throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-sel101.json"))
        let path = try TestSupport.writeTemporary(letter.pdf)
        let d = PageImages.difference(try Self.poppler(path, page: 1), try images.png(letter.pages, page: 0, dpi: Self.dpi),
                                      block: Self.block)
        #expect(!Self.matches(d), "\(d)")
    }
}
