@testable import BrevServer
import BrevBatch
import BrevCore
import BrevStore
import BrevTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// "All as a zip", "send" through the batch's journal and outbox, and opening a sent letter again by its id.
@Suite struct OutboxTests {
    static let example = "afslag-doegn-sel101.json"

    @Test func theZipHoldsThePDFTheHTMLAndTheMessagesAndUnzipReadsItBack() async throws {
        let h = try ServiceHarness()
        let caseJSON = try TestSupport.exampleBytes(Self.example)
        try await h.run { client in
            var pdf: [UInt8] = []
            try await client.execute(uri: "/api/letters?format=pdf", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                pdf = Array(r.body.readableBytesView)
            }
            try await client.execute(uri: "/api/letters?format=zip", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/zip")
                let id = r.headers[HTTPField.Name("Brev-Letter-Id")!] ?? ""
                let folder = try TestSupport.temporaryDirectory()
                let zip = folder.appendingPathComponent("letter.zip").path
                try Data(r.body.readableBytesView).write(to: URL(fileURLWithPath: zip))
                let tested = try TestSupport.run("unzip", ["-t", zip])
                #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
                // Python's zipfile checks every CRC and reads each file back.
                let listed = try TestSupport.run("python3", ["-c", """
                    import sys, zipfile
                    z = zipfile.ZipFile(sys.argv[1])
                    assert z.testzip() is None
                    for i in z.infolist(): print(i.filename, i.file_size, i.compress_type, oct(i.external_attr >> 16))
                    """, zip])
                #expect(listed.status == 0, "\(listed.stderr)")
                let names = listed.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
                #expect(names == ["afgoerelse-\(id).pdf", "afgoerelse-\(id).html", "afgoerelse-\(id).memo.xml", "afgoerelse-\(id).kombi.xml"])
                #expect(listed.stdout.contains("0o100600"))
                // The HTML and the messages are deflated (8); the PDF, already compressed, may be stored (0).
                #expect(listed.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.contains(" 8 ") })
                let unpacked = try TestSupport.run("unzip", ["-o", "-q", zip, "-d", folder.path])
                #expect(unpacked.status == 0)
                #expect(Array(try Data(contentsOf: folder.appendingPathComponent("afgoerelse-\(id).pdf"))) == pdf)
            }
        }
    }

    @Test func sendPutsEachLetterInTheOutboxOnceThroughTheBatchJournal() async throws {
        let h = try ServiceHarness()
        let caseJSON = try TestSupport.exampleBytes(Self.example)
        let citizen = try TestSupport.exampleObject(Self.example)["citizen"] as? [String: Any] ?? [:]
        let cpr = try #require(citizen["cpr"] as? String), name = try #require(citizen["name"] as? String)
        try await h.run { client in
            var first: [[String: Any]] = []
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                first = (r.json as? [String: Any])?["letters"] as? [[String: Any]] ?? []
            }
            #expect(first.count == 1)
            #expect(first.allSatisfy { $0["already_sent"] as? Bool == false })
            // Sending the same case again sends nothing: the journal knows the letter id.
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                #expect(r.status == .ok)
                let again = (r.json as? [String: Any])?["letters"] as? [[String: Any]] ?? []
                #expect(again.map { $0["letter_id"] as? String } == first.map { $0["letter_id"] as? String })
                #expect(again.allSatisfy { $0["already_sent"] as? Bool == true })
                #expect(again.map { $0["pdf_sha256"] as? String } == first.map { $0["pdf_sha256"] as? String })
            }
            try await client.execute(uri: "/api/journal", method: .get, headers: h.authorized) { r in
                let entries = r.json as? [[String: Any]] ?? []
                #expect(entries.filter { $0["action"] as? String == "sent" }.count == 1)
                #expect(!r.text.contains(cpr) && !r.text.contains(name))
            }
            let id = try #require(first.first?["letter_id"] as? String)
            // One folder, whole, named by the id: the PDF and its messages, as the batch writes them.
            let folders = try FileManager.default.contentsOfDirectory(atPath: h.outboxPath).filter { $0.hasPrefix("afgoerelse-") || $0.hasPrefix("brev-") }
            #expect(folders == ["afgoerelse-\(id)"])
            let files = try FileManager.default.contentsOfDirectory(atPath: "\(h.outboxPath)/afgoerelse-\(id)").sorted()
            #expect(files == ["afgoerelse-\(id).kombi.xml", "afgoerelse-\(id).memo.xml", "afgoerelse-\(id).pdf"])
            // The batch's own journal counts it, as `brev batch status` prints it.
            let journal = try SQLiteBatchJournal(path: "\(h.outboxPath)/journal.sqlite")
            #expect(try journal.summary().count(LetterState.sent) == 1)
            #expect(try journal.sentLetter(letterId: id)?.line == OutboxDelivery.serviceLine)
            let status = try TestSupport.run(try TestSupport.brevBinary, ["batch", "status", h.outboxPath])
            #expect(status.stdout.contains("letters: 1 sent"), "\(status.stdout)\(status.stderr)")
        }
    }

    @Test func aBatchMeetingALetterTheServiceSentDoesNotSendItAgain() async throws {
        let h = try ServiceHarness()
        // One line, the same bytes the batch reads: the PDF's /ID is made from the case's bytes.
        let caseJSON = try TestSupport.json(try TestSupport.exampleObject(Self.example))
        try await h.run { client in
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized, body: buffer(caseJSON)) { #expect($0.status == .ok) }
        }
        let input = try TestSupport.temporaryDirectory().appendingPathComponent("cases.jsonl")
        try Data(caseJSON + [UInt8(ascii: "\n")]).write(to: input)
        let outcome = try BatchRunner.run(BatchConfiguration(input: input.path, outbox: h.outboxPath, jobs: 1, progress: .none,
                                                             environment: TestSupport.environment))
        #expect(outcome.exitCode == 0)
        #expect(outcome.summary.count(LetterState.sent) == 1)
        #expect(outcome.lettersSentThisRun == 0)
        let report = try BatchReport(journal: SQLiteBatchJournal(path: "\(h.outboxPath)/journal.sqlite"))
        #expect(report.duplicates.map(\.sameAsLine) == [OutboxDelivery.serviceLine])
        #expect(report.text.contains("same letters as sent from brev serve"))
    }

    @Test func aChangedCaseWithTheSameLetterIdIsAConflictAndNotSent() async throws {
        let h = try ServiceHarness()
        var changed = try TestSupport.exampleObject(Self.example)
        var begrundelse = changed["begrundelse"] as? [String: Any] ?? [:]
        begrundelse["assessment"] = "En anden vurdering end den, der blev sendt."
        changed["begrundelse"] = begrundelse
        let changedJSON = try TestSupport.json(changed)
        try await h.run { client in
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes(Self.example))) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized, body: buffer(changedJSON)) { r in
                #expect(r.status == .conflict)
                #expect(r.problem["code"] as? String == "LETTER_CONFLICT")
            }
        }
        let journal = try SQLiteBatchJournal(path: "\(h.outboxPath)/journal.sqlite")
        #expect(try journal.summary().count(LetterState.sent) == 1)
    }

    @Test func aRefusedCaseIsNotSentAndARunningBatchMakesSendWait() async throws {
        let h = try ServiceHarness()
        try await h.run { client in
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes("afslag-doegn-invalid-mangler-begrundelse.json"))) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.problemItems.contains { $0["code"] as? String == "MISSING_BEGRUNDELSE" })
            }
            // A batch holds the outbox's lock for its whole run.
            let lock = open("\(h.outboxPath)/.brev-batch.lock", O_CREAT | O_RDWR, 0o600)
            #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized,
                                     body: buffer(try TestSupport.exampleBytes(Self.example))) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(r.problem["code"] as? String == "OUTBOX_BUSY")
                #expect(r.headers[.retryAfter] == "5")
            }
            close(lock)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: h.outboxPath)
        #expect(!files.contains { $0.hasPrefix("afgoerelse-") })
    }

    @Test func aSentLetterOpensAgainOnlyByItsIdFromTheOutbox() async throws {
        let h = try ServiceHarness()
        let caseJSON = try TestSupport.exampleBytes(Self.example)
        try await h.run { client in
            var id = "", sha = ""
            try await client.execute(uri: "/api/outbox", method: .post, headers: h.authorized, body: buffer(caseJSON)) { r in
                let letter = ((r.json as? [String: Any])?["letters"] as? [[String: Any]] ?? []).first ?? [:]
                id = letter["letter_id"] as? String ?? ""
                sha = letter["pdf_sha256"] as? String ?? ""
            }
            try await client.execute(uri: "/api/letters/\(id)", method: .get, headers: h.authorized) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/pdf")
                #expect(SHA256.hex(Array(r.body.readableBytesView)) == sha)
            }
            try await client.execute(uri: "/api/letters/\(id)?format=zip", method: .get, headers: h.authorized) { r in
                #expect(r.status == .ok)
                #expect(Array(r.body.readableBytesView.prefix(4)) == [0x50, 0x4b, 0x03, 0x04])
            }
            try await client.execute(uri: "/api/letters/\(id)", method: .get) { #expect($0.status == .unauthorized) }
            for other in ["bcdfghjklmnpqrst", "..", "%2e%2e%2fjournal.sqlite", String(id.dropLast())] {
                try await client.execute(uri: "/api/letters/\(other)", method: .get, headers: h.authorized) { r in
                    #expect(r.status == .notFound, "\(other)")
                    #expect(r.problem["code"] as? String == "NOT_FOUND")
                }
            }
            // A PDF changed in the outbox is not handed out as the letter that was sent.
            let pdfPath = "\(h.outboxPath)/afgoerelse-\(id)/afgoerelse-\(id).pdf"
            try Data("%PDF-not the letter".utf8).write(to: URL(fileURLWithPath: pdfPath))
            try await client.execute(uri: "/api/letters/\(id)", method: .get, headers: h.authorized) { r in
                #expect(r.status == .gone)
            }
            try await client.execute(uri: "/api/journal", method: .get, headers: h.authorized) { r in
                let actions = (r.json as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
                #expect(actions.filter { $0 == "opened" }.count == 2)
            }
        }
    }

    @Test func thePagesSendAndLinkTheSentLetterFromTheJournal() async throws {
        let h = try ServiceHarness()
        let fields = try PageTests.formFields(ofExample: Self.example, schema: h.parts.form)
        try await h.run { client in
            let session = try await PageTests.logIn(client, token: h.token)
            var id = ""
            try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(PageTests.formBody([("_csrf", session.csrf), ("handling", "send")] + fields))) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("lagt i udbakken"))
                let marker = "href=\"/breve/sendt/"
                if let start = r.text.range(of: marker) { id = String(r.text[start.upperBound...].prefix { $0 != "\"" }) }
            }
            #expect(!id.isEmpty)
            try await client.execute(uri: "/journal", method: .get, headers: [.cookie: session.cookie]) { r in
                #expect(r.text.contains("<a href=\"/breve/sendt/\(id)\">"))
            }
            try await client.execute(uri: "/breve/sendt/\(id)", method: .get, headers: [.cookie: session.cookie]) { r in
                #expect(r.status == .ok)
                #expect(Array(r.body.readableBytesView.prefix(5)) == Array("%PDF-".utf8))
            }
            try await client.execute(uri: "/breve/ny", method: .post, headers: [.cookie: session.cookie],
                                     body: buffer(PageTests.formBody([("_csrf", session.csrf), ("handling", "zip")] + fields))) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/zip")
            }
        }
    }
}
