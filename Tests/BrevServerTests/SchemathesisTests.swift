@testable import BrevServer
import BrevTestSupport
import Foundation
import Testing

/// schemathesis (PyPI; scripts/setup.sh installs it) generates requests from the served OpenAPI
/// document, valid and invalid, for every operation, and checks that none is answered with a 5xx.
@Suite struct SchemathesisTests {
    static var available: Bool { (try? TestSupport.run("schemathesis", ["--version"]).status) == 0 }

    @Test(.enabled(if: available, "needs schemathesis from PyPI (scripts/setup.sh)"))
    func noGeneratedRequestGetsAServerError() throws {
        let served = try ServedBrev()
        defer { served.stop() }
        let reports = served.folder.appendingPathComponent("schemathesis")
        // Run in the test's folder: schemathesis keeps a cache (.schemathesis/) in its working directory.
        let run = try TestSupport.run("env", [
            "-C", served.folder.path, "schemathesis", "run", "\(served.base)/api/openapi.json",
            "--header", "Authorization: Bearer \(served.token)",
            "--checks", "not_a_server_error",
            "--max-examples", "15", "--seed", "13", "--workers", "1", "--request-timeout", "30",
            "--report", "junit", "--report-dir", reports.path,
            // Nothing is kept in the repository between runs (each run starts from the same seed).
            "--generation-database", "none",
        ])
        #expect(run.status == 0, "\(run.stdout.suffix(4000))\(run.stderr.suffix(2000))")
        // It really ran every operation of the document (but the document itself, which schemathesis read).
        let paths = (try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json)) as? [String: Any])?["paths"] as? [String: [String: Any]] ?? [:]
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            .subtracting(["GET /api/openapi.json"])
        let junit = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".xml") }
            .map { try String(contentsOf: reports.appendingPathComponent($0), encoding: .utf8) }.joined()
        let tested = Set(junit.matches(of: /testcase name="([A-Z]+ [^"]+)"/).map { String($0.1) })
        #expect(tested == documented, "not tested: \(documented.subtracting(tested))")
        // "N generated, N passed": every generated case passed (a failure reads "N generated, M found …").
        let counts = try #require(run.stdout.firstMatch(of: /(\d+) generated, (\d+) passed/), "\(run.stdout.suffix(2000))")
        #expect(Int(counts.1)! > 0 && counts.1 == counts.2)
    }
}
