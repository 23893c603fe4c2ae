import BrevCase
import BrevPipeline
import BrevStandard
import BrevTestSupport
import Foundation
import Testing

/// `brev standard --diff`: what changed in the service level between two editions.
struct StandardDiffTests {
    let publisher: StandardPublisher

    init() throws { publisher = try StandardPublisher(environment: TestSupport.environment) }

    @Test func anEditionComparedWithItselfHasNoChanges() throws {
        let diff = try publisher.diff(profile: "ishoej-vallensbaek", from: "2025", to: "2025")
        #expect(diff.changes.allSatisfy { $0.removed.isEmpty && $0.added.isEmpty })
        #expect(diff.text.contains("uændret"))
    }

    @Test func theMonitoringTargetsThe2025DraftDropsAreListedUnderItem14() throws {
        let diff = try publisher.diff(profile: "ishoej-vallensbaek", from: "2020", to: "2025")
        let monitoring = try #require(diff.changes.first { $0.item?.key == "14" })
        #expect(monitoring.removed.contains { $0.contains("50 pct.") && $0.contains("reduceret") })
        // The figures summary carries the same sentence. The complaint deadline, worded alike in
        // both editions once corrected, is no change.
        #expect(diff.figures.removed.contains { $0.contains("50 pct.") })
        let complaints = try #require(diff.changes.first { $0.item?.key == "12" })
        let deadline = "Vi skal have din klage senest fire uger"
        #expect(!complaints.added.contains { $0.contains(deadline) } && !complaints.removed.contains { $0.contains(deadline) })
    }

    @Test func theCommandPrintsTheListAndWritesTheHTMLPage() throws {
        let out = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(try TestSupport.brevBinary, ["standard", "--profile", "ishoej-vallensbaek", "--diff", "2020", "2025",
                                                             "--out", out, "--resources", TestSupport.repositoryRoot.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Ændringer i serviceniveauet fra 2020 til 2025"))
        let page = (out as NSString).appendingPathComponent("kvalitetsstandard-ishoej-vallensbaek-aendringer-2020-2025.html")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("<h2>14. Monitorering</h2>"))
        let mode = try FileManager.default.attributesOfItem(atPath: page)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
