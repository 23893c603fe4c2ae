@testable import BrevServer
import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /api/letters?format=` makes only what the format returns, and answers every case as
/// rendering everything would: the same refusal (status, code, each problem's code, path and
/// message) for every format, and the same bytes when the letter renders.
@Suite(.serialized) struct SingleFormatAnswerTests {
    /// The answer rendering everything gives (`renderAll` on a pipeline of its own).
    enum Expected {
        case file([UInt8])
        case refused(ProblemDetails)
    }

    static func expected(_ full: Result<RenderedLetter, BrevError>, format: LetterFormat) throws -> Expected {
        let letter: RenderedLetter
        switch full {
        case .failure(let error): return .refused(ProblemDetails(error))
        case .success(let l): letter = l
        }
        switch format {
        case .pdf: return .file(letter.pdf)
        case .html: return .file(Array(letter.html.utf8))
        case .memo:
            guard let message = letter.messages.first(where: { $0.suffix != "kombi.xml" }) else {
                return .refused(ProblemDetails(diagnostics: [.error(.badRequest, at: .jsonPath("$.channel"),
                                                                    "this letter is handed over or emailed: it has no Digital Post or print message")]))
            }
            return .file(message.bytes)
        case .zip: return .file(try ZipArchive.archive(APIRoutes.files(of: ServedLetter(letter))))
        }
    }

    static func cases() throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var cases: [(name: String, bytes: [UInt8])] = try names.map { ($0, try TestSupport.exampleBytes($0)) }
        func mutated(_ file: String, _ name: String, _ change: (inout [String: Any]) -> Void) throws {
            var object = try TestSupport.exampleObject(file)
            change(&object)
            cases.append((name, try TestSupport.json(object)))
        }
        // Refused while the messages are written: the citizen's name in the label, a print address line too long.
        try mutated("afslag-doegn-sel101.json", "name-in-label") { o in
            var c = o["citizen"] as! [String: Any]
            c["name"] = "Afgørelse Jensen"
            o["citizen"] = c
        }
        try mutated("afslag-doegn-sel101.json", "print-address-line-too-long") { o in
            o["channel"] = "FYSISK"
            var c = o["citizen"] as! [String: Any]
            var a = c["address"] as! [String: Any]
            a["street"] = "Vestervangsvejens Allé 1234, 3. sal th"
            c["address"] = a
            o["citizen"] = c
        }
        // Refused in the letter to the second custody holder, not the first letter's.
        try mutated("bevilling-ambulant-bl33-ung-16-aar.json", "custody-holder-print-address-line-too-long") { o in
            var holders = o["custody_holders"] as! [[String: Any]]
            var a = holders[1]["address"] as! [String: Any]
            a["street"] = "Vestervangsvejens Allé 1234, 3. sal th"
            holders[1]["address"] = a
            o["custody_holders"] = holders
        }
        try mutated("bevilling-ambulant-bl33-ung-16-aar.json", "custody-holder-right-to-left-name") { o in
            var holders = o["custody_holders"] as! [[String: Any]]
            holders[1]["name"] = "Henrik \u{05D0} Lindqvist"
            o["custody_holders"] = holders
        }
        try mutated("anonym-information-sel101a.json", "anonymous-by-post") { $0["channel"] = "FYSISK" }
        return cases
    }

    /// Asks for `bytes` in every format and compares each answer with rendering everything.
    func expectSameAnswers(_ name: String, _ bytes: [UInt8], reference: LetterPipeline, client: any TestClientProtocol,
                           harness h: ServiceHarness) async throws -> Bool {
        let full = Result { () throws(BrevError) in try reference.render(caseJSON: bytes) }
        for format in LetterFormat.allCases {
            let expected = try Self.expected(full, format: format)
            try await client.execute(uri: "/api/letters?format=\(format.rawValue)", method: .post, headers: h.authorized,
                                     body: buffer(bytes)) { r in
                switch expected {
                case .file(let file):
                    #expect(r.status == .ok, "\(name) \(format): \(r.status)")
                    #expect(Array(buffer: r.body) == file, "\(name) \(format): not the bytes rendering everything gives")
                case .refused(let problem):
                    #expect(r.status.code == problem.statusCode, "\(name) \(format): \(r.status)")
                    let answer = try? JSONDecoder().decode(ProblemDetails.self, from: Data(Array(buffer: r.body)))
                    #expect(answer?.code == problem.code, "\(name) \(format)")
                    #expect(answer?.detail == problem.detail, "\(name) \(format)")
                    #expect(answer?.problems == problem.problems, "\(name) \(format): \(answer?.problems.map(\.code) ?? [])")
                }
            }
        }
        if case .failure = full { return false }
        return true
    }

    @Test func everyFormatAnswersEveryCaseAsRenderingEverything() async throws {
        let h = try ServiceHarness()
        let cases = try Self.cases()
        try await h.run { client in
            let reference = try LetterPipeline(environment: TestSupport.environment)
            var rendered = 0
            for c in cases {
                if try await expectSameAnswers(c.name, c.bytes, reference: reference, client: client, harness: h) { rendered += 1 }
            }
            #expect(rendered >= 25 && cases.count - rendered >= 10, "\(rendered) of \(cases.count) rendered")
        }
    }

    /// MESSAGE_TOO_LARGE: at a limit a byte under each message's size, every format is refused
    /// with the message and byte count that rendering everything names.
    @Test func everyFormatIsRefusedForAMessageOverTheLimit() async throws {
        let h = try ServiceHarness(pipelines: 1)
        let bytes = try TestSupport.exampleBytes("afslag-doegn-sel101.json")
        try await h.run { client in
            let reference = try LetterPipeline(environment: TestSupport.environment)
            let sizes = try reference.render(caseJSON: bytes).messages.map(\.bytes.count)
            #expect(sizes.count == 2)
            for limit in sizes.flatMap({ [$0 - 1, $0] }) {
                reference.maxMessageBytes = limit
                _ = await h.parts.pool.run { $0.maxMessageBytes = limit }
                let rendered = try await expectSameAnswers("limit \(limit)", bytes, reference: reference, client: client, harness: h)
                #expect(rendered == (limit >= sizes.max()!), "limit \(limit)")
            }
        }
    }
}
