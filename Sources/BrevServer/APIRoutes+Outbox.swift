import BrevBatch
import BrevCore
import BrevPipeline
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// "Send" and "open again": the outbox the batch uses, and the letters that went out through it.
extension APIRoutes {
    struct SendAnswer: Codable {
        struct Letter: Codable {
            var letterId: String
            var name: String
            var pdfSHA256: String
            var dispatchedAt: String
            var alreadySent: Bool
            enum CodingKeys: String, CodingKey {
                case name
                case letterId = "letter_id"
                case pdfSHA256 = "pdf_sha256"
                case dispatchedAt = "dispatched_at"
                case alreadySent = "already_sent"
            }
        }

        var letters: [Letter]
    }

    /// Seconds to wait when a batch holds the outbox: a batch runs for minutes, a send for milliseconds.
    static let outboxBusyRetrySeconds = 5

    func send(_ request: Request, context: ServiceContext) async throws -> Response {
        let outcomes = try await sendToOutbox(caseJSON: try await caseBody(request, context: context),
                                              caseworker: context.caseworker ?? "", logger: context.logger)
        return ServerJSON.response(SendAnswer(letters: outcomes.map {
            .init(letterId: $0.letterId, name: $0.name, pdfSHA256: $0.pdfSHA256,
                  dispatchedAt: UTCTimestamp.string(from: $0.dispatchedAt), alreadySent: $0.alreadySent)
        }))
    }

    /// Puts the case's letters into the outbox through the batch's journal, each letter id once.
    /// A send that outlives the request's deadline still finishes; sending again then finds it sent.
    func sendToOutbox(caseJSON: [UInt8], caseworker: String, logger: Logger) async throws -> [OutboxDelivery.Outcome] {
        let delivery = self.delivery
        let result = try await pooled { pipeline in
            Result { () throws(OutboxDelivery.Failure) in try delivery.send(caseJSON: caseJSON, pipeline: pipeline) }
        }
        switch result {
        case .success(let outcomes):
            for outcome in outcomes where !outcome.alreadySent {
                metrics.delivered(format: "outbox")
                try await audit.record(.sent, by: caseworker, letterId: outcome.letterId,
                                 letterKind: String(outcome.name.dropLast(outcome.letterId.count + 1)), pdfSHA256: outcome.pdfSHA256)
            }
            return outcomes
        case .failure(let failure):
            throw problem(failure, logger: logger)
        }
    }

    func problem(_ failure: OutboxDelivery.Failure, logger: Logger) -> ProblemDetails {
        switch failure {
        case .render(let error):
            return ProblemDetails(error)
        case .outboxBusy:
            return ProblemDetails(status: .serviceUnavailable, code: .outboxBusy,
                                  detail: "a batch is writing the outbox (or another letter is being sent); try again shortly",
                                  retryAfter: APIRoutes.outboxBusyRetrySeconds)
        case .conflict(let letterId):
            return ProblemDetails(status: .conflict, code: .letterConflict,
                                  detail: "letter \(letterId) went out before with other content: the case changed after it was sent; "
                                      + "a changed decision is a new letter (raise letter_version)")
        case .cannotSend(let reason):
            // The reason names the outbox, the journal or an opaque letter name, never a case value.
            logger.error("send failed", metadata: ["reason": "\(reason)"])
            return ProblemDetails(status: .internalServerError, code: .sendFailed,
                                  detail: "the outbox or its journal could not be written; nothing was sent twice (the server's log says why)")
        }
    }

    /// A letter that went out, by its id only: its PDF (or every file of it as a zip) from the outbox.
    func reopen(_ request: Request, context: ServiceContext) async throws -> Response {
        let letterId = context.parameters.get("id") ?? ""
        let name = request.uri.queryParameters["format"].map(String.init) ?? LetterFormat.pdf.rawValue
        guard name == LetterFormat.pdf.rawValue || name == LetterFormat.zip.rawValue else {
            throw ProblemDetails(status: .badRequest, code: .badRequest, detail: "format is pdf or zip")
        }
        let sent = try sentLetter(letterId, logger: context.logger)
        try await audit.record(.opened, by: context.caseworker ?? "", letterId: letterId,
                         letterKind: String(sent.name.dropLast(letterId.count + 1)), pdfSHA256: sent.pdfSHA256)
        let (bytes, format): ([UInt8], LetterFormat) = name == LetterFormat.zip.rawValue
            ? (try ZipArchive.archive(sent.files.map { ZipArchive.File(name: $0.name, bytes: $0.bytes) }), .zip)
            : (sent.pdf, .pdf)
        return Response(status: .ok,
                        headers: [.contentType: format.contentType,
                                  .contentDisposition: "attachment; filename=\"\(sent.name).\(format.rawValue)\"",
                                  HTTPField.Name("Brev-Letter-Id")!: letterId],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The stored files of a sent letter; 404 when no letter of that id went out.
    func sentLetter(_ letterId: String, logger: Logger) throws -> OutboxDelivery.SentFiles {
        let found: OutboxDelivery.SentFiles?
        do {
            found = try delivery.sentFiles(letterId: letterId)
        } catch .cannotSend(let reason) {
            logger.error("cannot open a sent letter", metadata: ["reason": "\(reason)"])
            throw ProblemDetails(status: .gone, code: .notFound,
                                 detail: "the letter went out, but its files are no longer in the outbox as sent (the server's log says why)")
        } catch {
            throw problem(error, logger: logger)
        }
        guard let found else {
            throw ProblemDetails(status: .notFound, code: .notFound, detail: "no letter with this id went out")
        }
        return found
    }
}
