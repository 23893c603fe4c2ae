import BrevTestSupport
import Testing

/// A one-letter `brev render` pays for every shared library it loads at start (issue 15): cairo
/// draws only the visual tests' page images (BrevPageImages), and brev must not load it or
/// what it pulls in.
@Suite struct StartupLibrariesTests {
    @Test func brevLoadsNeitherCairoNorTheXLibraries() throws {
        let r = try TestSupport.run("ldd", [try TestSupport.brevBinary])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("libharfbuzz"), "ldd lists no libraries: \(r.stdout)")
        for library in ["libcairo", "libX11", "libxcb", "libfontconfig", "libpixman"] {
            #expect(!r.stdout.contains(library), "brev loads \(library): \(r.stdout)")
        }
    }
}
