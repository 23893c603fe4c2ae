import BrevTestSupport
import Foundation
import Testing

/// Issue 13: the caseworker pages meet WCAG 2.2 AA as axe-core checks it in Debian's chromium:
/// the log-in, the letter form with errors shown live at the fields and with the error summary,
/// and the journal (`Tests/Browser/axe_check.py service`, against a real `brev serve`).
@Suite struct PageAccessibilityTests {
    @Test(.enabled(if: TestSupport.browserAvailable, "\(TestSupport.browserMissing)"))
    func axeFindsNoWCAG22ViolationOnTheServicePages() throws {
        let served = try ServedBrev(caseworker: "axe")
        defer { served.stop() }
        let result = try TestSupport.browserScript("axe_check.py", ["service", served.base, served.token])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("4 pages, 0 violations"), "\(result.stdout)")
    }
}
