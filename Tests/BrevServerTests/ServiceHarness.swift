@testable import BrevServer
import BrevTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A service on a fresh database with one caseworker, driven in-process.
struct ServiceHarness {
    let parts: ServiceParts
    let token: String
    let databasePath: String
    /// The outbox "send" writes to, with the batch journal in it.
    let outboxPath: String

    /// `waiting` 0: a request finding every pipeline busy is refused at once (429).
    init(pipelines: Int = 1, waiting: Int = 0, timeout: Duration = .seconds(60)) throws {
        let folder = try TestSupport.temporaryDirectory()
        databasePath = folder.appendingPathComponent("brev.sqlite").path
        outboxPath = folder.appendingPathComponent("outbox").path
        let settings = ServerSettings(databasePath: databasePath, environment: TestSupport.environment, pipelineCount: pipelines,
                                      waitingLimit: waiting, requestTimeout: timeout, outboxPath: outboxPath)
        parts = try ServiceParts(settings)
        token = try CaseworkerTokens.add(name: "sagsbehandler-1", to: parts.database)
    }

    var application: some ApplicationProtocol { Application(router: buildRouter(parts)) }

    var authorized: HTTPFields { [.authorization: "Bearer \(token)"] }

    func run(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await application.test(.router) { client in try await test(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
    var problem: [String: Any] { json as? [String: Any] ?? [:] }
    var problemItems: [[String: Any]] { problem["problems"] as? [[String: Any]] ?? [] }
}

func buffer(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }
