@testable import BrevServer
import BrevTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct APITests {
    static let tokenRoutes: [(HTTPRequest.Method, String)] = [
        (.get, "/api/letter-kinds"), (.get, "/api/profiles"), (.get, "/api/templates"), (.get, "/api/schemas/case"),
        (.get, "/api/openapi.json"), (.get, "/api/journal"), (.post, "/api/check"), (.post, "/api/letters"), (.get, "/metrics"),
        (.get, "/api/letters/bcdfghjklmnpqrst"), (.post, "/api/outbox"),
    ]

    @Test func healthAndReadinessNeedNoToken() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) { r in
                #expect(r.status == .ok)
                #expect((r.json as? [String: String])?["pipelines"] == "1")
            }
        }
    }

    @Test func everyOtherRouteRefusesAMissingOrWrongToken() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            for (method, uri) in Self.tokenRoutes {
                try await client.execute(uri: uri, method: method) { r in
                    #expect(r.status == .unauthorized, "\(uri)")
                    #expect(r.headers[.contentType] == "application/problem+json")
                    #expect(r.problem["code"] as? String == "TOKEN_MISSING", "\(uri)")
                }
                for header in ["Bearer brev_0000", "Bearer ", "Basic \(h.token)", h.token] {
                    try await client.execute(uri: uri, method: method, headers: [.authorization: header]) { r in
                        #expect(r.status == .unauthorized, "\(uri) \(header.prefix(6))")
                        #expect(["TOKEN_MISSING", "TOKEN_INVALID"].contains(r.problem["code"] as? String ?? ""))
                    }
                }
            }
            try await client.execute(uri: "/api/templates", method: .get, headers: [.authorization: "Bearer brev_0000"]) { r in
                #expect(r.problem["code"] as? String == "TOKEN_INVALID")
            }
        }
    }

    @Test func listsKindsProfilesTemplatesAndTheCaseSchema() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            try await client.execute(uri: "/api/letter-kinds", method: .get, headers: h.authorized) { r in
                let kinds = r.json as? [[String: String]] ?? []
                #expect(kinds.contains { $0["letter_type"] == "AFSLAG" && $0["template"] == "afslag" })
            }
            try await client.execute(uri: "/api/profiles", method: .get, headers: h.authorized) { r in
                let profiles = r.json as? [[String: Any]] ?? []
                #expect(profiles.contains { ($0["municipality_codes"] as? [String] ?? []).contains("183") })
            }
            try await client.execute(uri: "/api/templates", method: .get, headers: h.authorized) { r in
                #expect((r.json as? [String] ?? []).contains("bevilling"))
            }
            try await client.execute(uri: "/api/schemas/case", method: .get, headers: h.authorized) { r in
                let schema = r.json as? [String: Any] ?? [:]
                #expect(schema["title"] as? String == "brev case")
            }
        }
    }

    @Test func checkAnswersWithTheCodesAndPathsOfBrevCheck() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            try await client.execute(uri: "/api/check", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes("afslag-doegn-sel101.json"))) { r in
                #expect(r.status == .ok)
                #expect((r.json as? [String: Any])?["ok"] as? Bool == true)
            }
            try await client.execute(uri: "/api/check", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes("afslag-doegn-invalid-mangler-begrundelse.json"))) { r in
                #expect(r.status == .ok)
                let answer = r.json as? [String: Any] ?? [:]
                #expect(answer["ok"] as? Bool == false)
                let problems = answer["problems"] as? [[String: Any]] ?? []
                #expect(problems.contains { $0["code"] as? String == "MISSING_BEGRUNDELSE" && ($0["path"] as? String ?? "").hasPrefix("$.") })
            }
        }
    }

    @Test func rendersPDFHTMLAndMeMoAndJournalsTheLetterWithoutPersonalData() async throws {
        let h = try ServiceHarness()
        let caseJSON = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        let citizen = try TestSupport.exampleObject("afslag-doegn-sel101.json")["citizen"] as? [String: Any] ?? [:]
        let cpr = try #require(citizen["cpr"] as? String)
        let name = try #require(citizen["name"] as? String)
        try await h.run { client in
            var letterId = ""
            try await client.execute(uri: "/api/letters", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/pdf")
                #expect(Array(r.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
                letterId = r.headers[HTTPField.Name("Brev-Letter-Id")!] ?? ""
                let disposition = r.headers[.contentDisposition] ?? ""
                #expect(disposition.contains(letterId) && !disposition.contains(cpr))
            }
            #expect(!letterId.isEmpty)
            try await client.execute(uri: "/api/letters?format=html", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<html"))
            }
            try await client.execute(uri: "/api/letters?format=memo", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("Message"))
            }
            try await client.execute(uri: "/api/journal", method: .get, headers: h.authorized) { r in
                let entries = r.json as? [[String: Any]] ?? []
                #expect(entries.count == 3)
                #expect(entries.allSatisfy { $0["letter_id"] as? String == letterId && $0["caseworker"] as? String == "sagsbehandler-1" })
                #expect(!r.text.contains(cpr) && !r.text.contains(name))
            }
            try await client.execute(uri: "/metrics", method: .get, headers: h.authorized) { r in
                #expect(r.text.contains("brev_renders_total{format=\"pdf\"} 1"))
                #expect(r.text.contains("brev_render_seconds_count 3"))
            }
        }
        // The database holds neither the case's personal values nor the token itself.
        let stored = try String(decoding: Data(contentsOf: URL(fileURLWithPath: h.databasePath)), as: UTF8.self)
        #expect(!stored.contains(cpr) && !stored.contains(name) && !stored.contains(h.token))
    }

    @Test func aRefusedCaseIsAProblemWithEveryCodeAndPathAndNoPersonalValue() async throws {
        let h = try ServiceHarness()
        let file = "afslag-doegn-invalid-mangler-begrundelse.json"
        let citizen = try TestSupport.exampleObject(file)["citizen"] as? [String: Any] ?? [:]
        let cpr = try #require(citizen["cpr"] as? String), name = try #require(citizen["name"] as? String)
        try await h.run { client in
            try await client.execute(uri: "/api/letters", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes(file))) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.headers[.contentType] == "application/problem+json")
                #expect(r.problem["status"] as? Int == 422)
                #expect(r.problemItems.contains { $0["code"] as? String == "MISSING_BEGRUNDELSE" })
                #expect(r.problemItems.allSatisfy { !($0["path"] as? String ?? "").isEmpty })
                #expect(!r.text.contains(cpr) && !r.text.contains(name))
            }
            try await client.execute(uri: "/metrics", method: .get, headers: h.authorized) { r in
                #expect(r.text.contains("brev_refusals_total{code=\"MISSING_BEGRUNDELSE\"} 1"))
            }
        }
    }

    @Test func malformedJSONOversizedBodiesUnknownFormatsAndRoutesAreProblems() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            try await client.execute(uri: "/api/letters", method: .post, headers: h.authorized, body: buffer(Array("{\"letter_type\": ".utf8))) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.problem["code"] as? String == "MALFORMED_JSON")
                #expect((r.problemItems.first?["path"] as? String ?? "").hasPrefix("$"))
            }
            try await client.execute(uri: "/api/check", method: .post, headers: h.authorized, body: buffer(Array("[1,".utf8))) { r in
                #expect(r.status == .ok)
                #expect((r.json as? [String: Any])?["ok"] as? Bool == false)
            }
            let huge = [UInt8](repeating: UInt8(ascii: " "), count: 1_000_001)
            for uri in ["/api/letters", "/api/check"] {
                try await client.execute(uri: uri, method: .post, headers: h.authorized, body: buffer(huge)) { r in
                    #expect(r.status == .contentTooLarge, "\(uri)")
                    #expect(r.problem["code"] as? String == "CASE_TOO_LARGE")
                }
            }
            try await client.execute(uri: "/api/letters?format=docx", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes("afslag-doegn-sel101.json"))) { r in
                #expect(r.status == .badRequest)
                #expect(r.problem["code"] as? String == "BAD_REQUEST")
            }
            try await client.execute(uri: "/api/nothing-here", method: .get, headers: h.authorized) { r in
                #expect(r.status == .notFound)
                #expect(r.problem["code"] as? String == "NOT_FOUND")
            }
        }
    }

    @Test func aFullPoolAnswers429WithRetryAfter() async throws {
        let h = try ServiceHarness(pipelines: 1)
        let release = DispatchSemaphore(value: 0)
        let holding = Task { await h.parts.pool.run { _ in release.wait() } }
        // The pool's one pipeline is taken as soon as `run` starts; wait until it is.
        for _ in 0..<500 where h.parts.pool.freeCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(h.parts.pool.freeCount == 0)
        try await h.run { client in
            try await client.execute(uri: "/api/letters", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes("afslag-doegn-sel101.json"))) { r in
                #expect(r.status == .tooManyRequests)
                #expect(r.headers[.retryAfter] == "1")
                #expect(r.problem["code"] as? String == "SERVER_BUSY")
            }
        }
        release.signal()
        _ = await holding.value
        #expect(h.parts.pool.freeCount == 1)
    }
}
