@testable import BrevServer
import BrevTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PageTests {
    /// Logs in through the log-in form; returns the session cookie and the form's CSRF token.
    static func logIn(_ client: any TestClientProtocol, token: String) async throws -> (cookie: String, csrf: String) {
        let nonce = try await client.execute(uri: "/login", method: .get) { r -> String in
            #expect(r.status == .ok)
            let setCookie = r.headers[.setCookie] ?? ""
            return String(setCookie.split(separator: ";")[0].split(separator: "=")[1])
        }
        let cookie = try await client.execute(uri: "/login", method: .post,
                                              headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "brev_login=\(nonce)"],
                                              body: buffer(Array("_csrf=\(nonce)&token=\(token)".utf8))) { r -> String in
            #expect(r.status == .seeOther)
            let setCookie = r.headers[.setCookie] ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("Secure") && setCookie.contains("SameSite=Strict"))
            return String(setCookie.split(separator: ";")[0])
        }
        let csrf = try await client.execute(uri: "/breve/ny", method: .get, headers: [.cookie: cookie]) { r -> String in
            #expect(r.status == .ok)
            let marker = "name=\"_csrf\" value=\""
            guard let start = r.text.range(of: marker) else { return "" }
            return String(r.text[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(!csrf.isEmpty)
        return (cookie, csrf)
    }

    static func formBody(_ fields: [(String, String)]) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._")
        return Array(fields.map { "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&").utf8)
    }

    /// The example case as the form would send it: each leaf at its dotted path, written as its field takes it.
    static func formFields(ofExample name: String, schema: CaseFormSchema) throws -> [(String, String)] {
        let kinds = Dictionary(uniqueKeysWithValues: schema.allFields.map { ($0.path, $0.kind) })
        var fields: [(String, String)] = []
        func add(_ value: Any, _ path: String) {
            switch kinds[path] {
            case .yesNo?:
                fields.append((path, (value as? Bool ?? (value as? NSNumber)?.boolValue ?? false) ? "ja" : "nej"))
            case .choices?:
                for v in value as? [String] ?? [] { fields.append((path, v)) }
            case .lines?:
                fields.append((path, (value as? [String] ?? []).joined(separator: "\n")))
            case .json?:
                let data = try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
                fields.append((path, String(decoding: data, as: UTF8.self)))
            case .group?, nil:
                if let object = value as? [String: Any] {
                    for (k, v) in object { add(v, path.isEmpty ? k : "\(path).\(k)") }
                }
            default:
                if let s = value as? String { fields.append((path, s)) } else { fields.append((path, "\(value)")) }
            }
        }
        add(try TestSupport.exampleObject(name), "")
        return fields
    }

    @Test func pagesWithoutASessionGoToTheLogInAndFormsNeedTheCSRFToken() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            for uri in ["/breve/ny", "/journal", "/breve/brev.js"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther, "\(uri)")
                    #expect(r.headers[.location] == "/login")
                }
            }
            try await client.execute(uri: "/breve/ny", method: .post, body: buffer(Array("handling=tjek".utf8))) { r in
                #expect(r.status == .unauthorized)
            }
            // A wrong token shows the log-in again, with the error linked to the field.
            let nonce = "brev_abc"
            try await client.execute(uri: "/login", method: .post, headers: [.cookie: "brev_login=\(nonce)"],
                                     body: buffer(Array("_csrf=\(nonce)&token=brev_wrong".utf8))) { r in
                #expect(r.status == .unauthorized)
                #expect(r.text.contains("TOKEN_INVALID") && r.text.contains("aria-invalid=\"true\""))
            }
            // The log-in form's own CSRF token must match its cookie.
            try await client.execute(uri: "/login", method: .post, headers: [.cookie: "brev_login=other"],
                                     body: buffer(Array("_csrf=\(nonce)&token=\(h.token)".utf8))) { r in
                #expect(r.status == .forbidden)
                #expect(r.problem["code"] as? String == "CSRF_INVALID")
            }
            let session = try await Self.logIn(client, token: h.token)
            for csrf in ["", "brev_wrong", String(session.csrf.dropLast())] {
                try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie],
                                         body: buffer(Array("_csrf=\(csrf)&handling=tjek".utf8))) { r in
                    #expect(r.status == .forbidden)
                    #expect(r.problem["code"] as? String == "CSRF_INVALID")
                }
                try await client.execute(uri: "/breve/forhaandsvisning", method: .post, headers: [.cookie: session.cookie],
                                         body: buffer(Array("_csrf=\(csrf)".utf8))) { r in
                    #expect(r.status == .forbidden)
                }
            }
        }
    }

    @Test func theFormIsMadeFromTheSchemaWithLabelsAndDanishChrome() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            let session = try await Self.logIn(client, token: h.token)
            try await client.execute(uri: "/breve/ny?kommune=183&brevtype=AFSLAG", method: .get, headers: [.cookie: session.cookie]) { r in
                let page = r.text
                #expect(page.contains("<html lang=\"da\">"))
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true)
                // The preview's HTML twin carries its fonts as data: URLs; nothing else may load fonts.
                #expect(r.headers[.contentSecurityPolicy]?.contains("font-src 'self' data:") == true)
                #expect(!page.contains("http://") && !page.contains("https://cdn"))
                for field in h.parts.form.allFields {
                    #expect(page.contains("id=\"\(field.id)\""), "\(field.path)")
                    if case .group = field.kind { continue }
                    if case .choices = field.kind { continue }
                    #expect(page.contains("<label for=\"\(field.id)\">"), "\(field.path)")
                }
                #expect(page.contains("<option value=\"AFSLAG\" selected>"))
                #expect(page.contains("<option value=\"183\" selected>"))
            }
        }
    }

    @Test func theFormFollowsTheSchemasOrder() throws {
        let h = try ServiceHarness()
        #expect(h.parts.form.fields.prefix(3).map(\.name) == ["municipality_code", "case_number", "letter_type"])
        let citizen = try #require(h.parts.form.fields.first { $0.name == "citizen" })
        guard case .group(let inner) = citizen.kind else { Issue.record("citizen is not a group"); return }
        #expect(inner.map(\.name) == ["cpr", "name", "address", "digital_post_status", "protected_address"])
    }

    @Test func errorsStandAtTheirFieldsAndTheSummaryLinksToThem() async throws {
        let h = try ServiceHarness()
        let fields = try Self.formFields(ofExample: "afslag-doegn-sel101.json", schema: h.parts.form).filter { $0.0 != "citizen.cpr" }
            + [("citizen.cpr", "12345")]
        try await h.run { client in
            let session = try await Self.logIn(client, token: h.token)
            let body = Self.formBody([("_csrf", session.csrf), ("handling", "tjek")] + fields)
            try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie], body: buffer(body)) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("href=\"#f-citizen-cpr\""))
                #expect(r.text.contains("id=\"f-citizen-cpr-fejl\""))
                #expect(r.text.contains("INVALID_CPR"))
            }
            try await client.execute(uri: "/breve/forhaandsvisning", method: .post, headers: [.cookie: session.cookie], body: buffer(body)) { r in
                let answer = r.json as? [String: Any] ?? [:]
                #expect(answer["ok"] as? Bool == false)
                let problems = answer["problems"] as? [[String: Any]] ?? []
                #expect(problems.contains { $0["field"] as? String == "citizen.cpr" && $0["code"] as? String == "INVALID_CPR" })
            }
        }
    }

    @Test func aGoodCasePreviewsDownloadsAndIsJournaledWithoutCPROrName() async throws {
        let h = try ServiceHarness()
        let fields = try Self.formFields(ofExample: "afslag-doegn-sel101.json", schema: h.parts.form)
        let citizen = try TestSupport.exampleObject("afslag-doegn-sel101.json")["citizen"] as? [String: Any] ?? [:]
        let cpr = try #require(citizen["cpr"] as? String), name = try #require(citizen["name"] as? String)
        try await h.run { client in
            let session = try await Self.logIn(client, token: h.token)
            try await client.execute(uri: "/breve/forhaandsvisning", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(Self.formBody([("_csrf", session.csrf)] + fields))) { r in
                let answer = r.json as? [String: Any] ?? [:]
                #expect(answer["ok"] as? Bool == true, "\(answer["problems"] ?? "")")
                #expect((answer["html"] as? String ?? "").contains("<html"))
            }
            try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(Self.formBody([("_csrf", session.csrf), ("handling", "pdf")] + fields))) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/pdf")
                #expect(Array(r.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
            }
            try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(Self.formBody([("_csrf", session.csrf), ("handling", "memo")] + fields))) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/xml")
            }
            try await client.execute(uri: "/journal", method: .get, headers: [.cookie: session.cookie]) { r in
                #expect(r.status == .ok)
                #expect(r.text.components(separatedBy: "<td>sagsbehandler-1</td>").count == 3)
                #expect(!r.text.contains(cpr) && !r.text.contains(name))
            }
            try await client.execute(uri: "/logout", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(Array("_csrf=\(session.csrf)".utf8))) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/journal", method: .get, headers: [.cookie: session.cookie]) { r in
                #expect(r.status == .seeOther)
            }
        }
    }
}
