@testable import BrevWebFont
import BrevTestSupport
import CHarfBuzzSubset
import Testing

/// The web fonts' test of what Noto Sans covers (`CodePointRanges`) answers as the `hb_set_t`
/// it was read from.
@Suite struct CodePointRangesTests {
    @Test func runsAnswerAsTheSetTheyWereReadFrom() {
        let set = hb_set_create()!
        defer { hb_set_destroy(set) }
        for (first, last) in [(0, 0), (2, 4), (5, 5), (7, 7), (0x10FFFF - 1, 0x10FFFF)] as [(UInt32, UInt32)] {
            hb_set_add_range(set, first, last)
        }
        let ranges = CodePointRanges(set)
        for cp in UInt32(0)...10 { #expect(ranges.contains(cp) == (hb_set_has(set, cp) != 0), "U+\(cp)") }
        #expect(ranges.contains(0x10FFFF) && ranges.contains(0x10FFFE) && !ranges.contains(0x10FFFD))
        #expect(!CodePointRanges(hb_set_create()).contains(0))
    }

    @Test func notoSansCoverageAsHarfBuzzHasIt() throws {
        let path = TestSupport.repositoryRoot.appendingPathComponent("Fonts/NotoSans-Regular.ttf").path
        let blob = try #require(hb_blob_create_from_file_or_fail(path))
        defer { hb_blob_destroy(blob) }
        let face = hb_face_create(blob, 0)!
        defer { hb_face_destroy(face) }
        let set = hb_set_create()!
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(face, set)
        #expect(hb_set_get_population(set) > 2000)
        let ranges = CodePointRanges(set)
        var differing: [UInt32] = []
        for cp in UInt32(0)...0x2FFFF where ranges.contains(cp) != (hb_set_has(set, cp) != 0) { differing.append(cp) }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }
}
