@testable import BrevServer
import Foundation
import Testing

@Suite struct OpenAPIDocumentTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let h = try ServiceHarness()
        let routed = Set(buildRouter(h.parts).routes.map { "\($0.method.rawValue) \($0.path)" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(routed.count >= 11)
        #expect(documented == routed, "only in the document: \(documented.subtracting(routed)); only routed: \(routed.subtracting(documented))")
    }
}
