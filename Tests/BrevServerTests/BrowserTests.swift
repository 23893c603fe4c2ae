import BrevTestSupport
import Foundation
import Testing

/// The caseworker's way through the pages in Debian's chromium, driven by selenium
/// (`Tests/Browser/caseworker_flow.py`; scripts/setup.sh installs chromium, chromium-driver and
/// selenium). Runs the real `brev serve` on a loopback port.
@Suite struct BrowserTests {
    static var browserAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && ((try? TestSupport.run("python3", ["-c", "import selenium"]).status) == 0)
    }

    @Test(.enabled(if: browserAvailable, "needs chromium, chromium-driver and selenium (scripts/setup.sh)"))
    func logInFillSeeTheErrorFixItWatchThePreviewAndDownloadThePDF() throws {
        let served = try ServedBrev(caseworker: "browser")
        defer { served.stop() }
        let folder = served.folder
        let downloads = folder.appendingPathComponent("downloads")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let flow = try TestSupport.run("python3", [
            TestSupport.repositoryRoot.appendingPathComponent("Tests/Browser/caseworker_flow.py").path,
            served.base, served.token, TestSupport.example("afslag-doegn-sel101.json").path, downloads.path,
        ])
        #expect(flow.status == 0, "\(flow.stdout)\(flow.stderr)")
        #expect(flow.stdout.contains("the preview followed the form"))

        // The downloaded letter passes the checks the command line's letters pass.
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: downloads.path).filter { $0.hasSuffix(".pdf") }
        let pdf = try #require(pdfs.first.map { downloads.appendingPathComponent($0).path })
        #expect(try TestSupport.run("qpdf", ["--check", pdf]).status == 0)
        #expect(try TestSupport.pdfText(pdf).contains("Tilføjet i browseren."))
        let fonts = try TestSupport.run("pdffonts", [pdf]).stdout.split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            // name type [type] encoding emb sub uni object ID: every font embedded as a subset with ToUnicode.
            #expect(Array(line.split(separator: " ").suffix(5).prefix(3)) == ["yes", "yes", "yes"], "\(line)")
        }
        #expect(try TestSupport.run("pdfinfo", [pdf]).stdout.contains("Tagged:          yes"))
    }
}
