import BrevBatch
import BrevCore
import BrevPipeline
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The JSON API under `/api`; `OpenAPIDocument` describes the same routes (tested).
struct APIRoutes: Sendable {
    let pool: PipelinePool
    let catalog: ServiceCatalog
    let audit: AuditLog
    let metrics: ServerMetrics
    let delivery: OutboxDelivery

    /// Seconds a client is asked to wait when every pipeline is busy: a render takes tens of milliseconds.
    static let retryAfterSeconds = 1

    func add(to group: RouterGroup<ServiceContext>) {
        group.get("/api/letter-kinds") { _, _ in ServerJSON.response(catalog.letterKinds) }
        group.get("/api/profiles") { _, _ in ServerJSON.response(catalog.profiles) }
        group.get("/api/templates") { _, _ in ServerJSON.response(catalog.templates) }
        group.get("/api/schemas/case") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/schema+json"], body: .init(byteBuffer: ByteBuffer(bytes: catalog.caseSchema)))
        }
        group.get("/api/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
        }
        group.get("/api/journal") { _, _ in ServerJSON.response(try await audit.entries()) }
        group.post("/api/check") { request, context in try await check(request, context: context) }
        group.post("/api/letters") { request, context in try await render(request, context: context) }
        group.get("/api/letters/{id}") { request, context in try await reopen(request, context: context) }
        group.post("/api/outbox") { request, context in try await send(request, context: context) }
        group.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.prometheusText())))
        }
    }

    struct CheckAnswer: Codable {
        var ok: Bool
        var problems: [ProblemDetails.Problem]
    }

    func check(_ request: Request, context: ServiceContext) async throws -> Response {
        let problems = try await problems(caseJSON: try await caseBody(request, context: context))
        return ServerJSON.response(CheckAnswer(ok: !problems.contains { $0.severity == "error" }, problems: problems))
    }

    /// Every problem with a case, as `brev check` finds them.
    func problems(caseJSON: [UInt8]) async throws -> [ProblemDetails.Problem] {
        let diagnostics = try await pooled { $0.check(caseJSON: caseJSON) }
        metrics.checked()
        return diagnostics.map(ProblemDetails.Problem.init)
    }

    /// The case's problems as `problems` finds them, and its first letter with `outputs` made when
    /// it renders: one render on a pooled pipeline (the caseworker's preview).
    func problemsAndLetter(caseJSON: [UInt8], making outputs: LetterOutputs) async throws
        -> (problems: [ProblemDetails.Problem], letter: RenderedLetter?) {
        let started = ContinuousClock.now
        let checked = try await pooled { pipeline in
            let checked = pipeline.check(caseJSON: caseJSON, making: outputs)
            return (diagnostics: checked.diagnostics, letter: checked.letter)
        }
        metrics.checked()
        if checked.letter != nil { recordRender(since: started) }
        return (checked.diagnostics.map(ProblemDetails.Problem.init), checked.letter)
    }

    func render(_ request: Request, context: ServiceContext) async throws -> Response {
        let name = request.uri.queryParameters["format"].map(String.init) ?? LetterFormat.pdf.rawValue
        guard let format = LetterFormat(rawValue: name) else {
            throw ProblemDetails(status: .badRequest, code: .badRequest,
                                 detail: "format is one of \(LetterFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return try await letterResponse(caseJSON: try await caseBody(request, context: context), format: format,
                                        caseworker: context.caseworker ?? "")
    }

    /// The letter to the citizen with its PDF and `outputs`, rendered on a pooled pipeline; its
    /// problems as a 422, the same whatever `outputs` is (`LetterPipeline.render(caseJSON:making:)`).
    func renderedLetter(caseJSON: [UInt8], making outputs: LetterOutputs) async throws -> ServedLetter {
        let started = ContinuousClock.now
        let result = try await pooled { pipeline in
            Result { () throws(BrevError) in ServedLetter(try pipeline.render(caseJSON: caseJSON, making: outputs)) }
        }
        switch result {
        case .success(let letter):
            recordRender(since: started)
            return letter
        case .failure(let error):
            throw ProblemDetails(error)
        }
    }

    /// A render's time, from its request's wait for a pipeline to its letter, in the metrics.
    private func recordRender(since started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        metrics.rendered(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// The letter in one format as a download, recorded in the audit log.
    func letterResponse(caseJSON: [UInt8], format: LetterFormat, caseworker: String) async throws -> Response {
        let letter = try await renderedLetter(caseJSON: caseJSON, making: format.outputs)
        let bytes: [UInt8]
        let fileName: String
        switch format {
        case .pdf: (bytes, fileName) = (letter.pdf, "\(letter.fileBaseName).pdf")
        case .html: (bytes, fileName) = (Array(letter.html.utf8), "\(letter.fileBaseName).html")
        case .memo:
            guard let message = letter.messages.first(where: { $0.suffix != "kombi.xml" }) else {
                throw ProblemDetails(diagnostics: [.error(.badRequest, at: .jsonPath("$.channel"),
                                                          "this letter is handed over or emailed: it has no Digital Post or print message")])
            }
            (bytes, fileName) = (message.bytes, "\(letter.fileBaseName).\(message.suffix)")
        case .zip:
            (bytes, fileName) = (try ZipArchive.archive(Self.files(of: letter)), "\(letter.fileBaseName).zip")
        }
        metrics.delivered(format: format.rawValue)
        try await audit.record(.rendered, by: caseworker, letterId: letter.letterId, letterKind: letter.fileKind,
                         pdfSHA256: letter.pdfSHA256)
        // The file name is built from the letter id and kind only; it names no person.
        return Response(status: .ok,
                        headers: [.contentType: format.contentType, .contentDisposition: "attachment; filename=\"\(fileName)\"",
                                  HTTPField.Name("Brev-Letter-Id")!: letter.letterId],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Every file of a letter, named as `brev render` names them.
    static func files(of letter: ServedLetter) -> [ZipArchive.File] {
        [ZipArchive.File(name: "\(letter.fileBaseName).pdf", bytes: letter.pdf),
         ZipArchive.File(name: "\(letter.fileBaseName).html", bytes: Array(letter.html.utf8))]
            + letter.messages.map { ZipArchive.File(name: "\(letter.fileBaseName).\($0.suffix)", bytes: $0.bytes) }
    }

    /// The request body, at most the case limit (413 CASE_TOO_LARGE above it).
    func caseBody(_ request: Request, context: ServiceContext) async throws -> [UInt8] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return Array(buffer.readableBytesView)
    }

    /// `work` on a pooled pipeline; 429 when the pool and its waiting line are full, 503 after the deadline.
    func pooled<T: Sendable>(_ work: @escaping @Sendable (LetterPipeline) -> T) async throws -> T {
        switch await pool.run(work) {
        case .done(let value): return value
        case .busy: throw busy()
        case .timedOut:
            metrics.timedOut()
            throw ProblemDetails(status: .serviceUnavailable, code: .requestTimeout,
                                 detail: "the letter was not ready within \(pool.timeout); try again shortly",
                                 retryAfter: APIRoutes.retryAfterSeconds)
        }
    }

    func busy() -> ProblemDetails {
        metrics.wasBusy()
        return ProblemDetails(status: .tooManyRequests, code: .serverBusy, detail: "every letter pipeline is busy; try again shortly",
                              retryAfter: APIRoutes.retryAfterSeconds)
    }
}
