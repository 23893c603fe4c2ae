import BrevCore
import BrevPageImages
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Golden page images: a small set of pages rendered to PNG (the same drawing code as the PDF)
/// and compared with committed references with a tolerance, so a layout regression is seen,
/// not guessed. To accept an intended change: BREV_RECORD_GOLDEN=1 scripts/test.sh, look at
/// the new images, commit them.
@Suite(.serialized) struct VisualTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let dpi = 40.0
    let pipeline: LetterPipeline
    let images = PageImages()

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func check(_ example: String, page: Int, golden: String) throws {
        let letter = try pipeline.render(caseJSON: try TestSupport.exampleBytes(example))
        let png = try images.png(letter.pages, page: page, dpi: Self.dpi)
        let url = Self.goldenDirectory.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["BREV_RECORD_GOLDEN"] == "1" {
            try Data(png).write(to: url)
            return
        }
        guard let reference = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden image \(golden): record it with BREV_RECORD_GOLDEN=1")
            return
        }
        let d = PageImages.difference(png, Array(reference))
        #expect(d.differingShare < 0.002 && d.meanDifference < 1.0,
                "\(golden): \(String(format: "%.3f", d.differingShare * 100)) % of pixels differ (mean \(d.meanDifference))")
    }

    @Test func afslagPage1() throws { try check("afslag-doegn-sel101.json", page: 0, golden: "afslag-side-1.png") }
    @Test func afslagPage2() throws { try check("afslag-doegn-sel101.json", page: 1, golden: "afslag-side-2.png") }
    @Test func printLetterPage1() throws { try check("afslag-doegn-sel101-fysisk-post.json", page: 0, golden: "fysisk-post-side-1.png") }
    @Test func treatmentPlanPage1() throws { try check("behandlingsplan-sel101.json", page: 0, golden: "behandlingsplan-side-1.png") }

    /// The comparison is not blind: a different name in the address shows up.
    @Test func theComparisonSeesASmallChange() throws {
        var o = try TestSupport.exampleObject("afslag-doegn-sel101.json")
        var citizen = o["citizen"] as! [String: Any]
        citizen["name"] = "Mette Ærø-Østergaard"
        o["citizen"] = citizen
        let changed = try images.png(try pipeline.render(caseJSON: try TestSupport.json(o)).pages, page: 0, dpi: Self.dpi)
        let original = try images.png(try pipeline.render(caseJSON: try TestSupport.exampleBytes("afslag-doegn-sel101.json")).pages, page: 0, dpi: Self.dpi)
        let d = PageImages.difference(changed, original)
        #expect(d.differingShare >= 0.0001, "\(d)")
        #expect(PageImages.difference(original, original).differingShare == 0)
    }
}
