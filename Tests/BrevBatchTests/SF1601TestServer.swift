import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local stand-in for the SF1601 KombiPostAfsend endpoint, on 127.0.0.1 and an ephemeral port.
/// It takes a message at most once by its messageUUID (a repeat is answered 409 with the first
/// TransmissionID), and misbehaves on purpose as `behaviour` says: fails with 5xx, refuses with
/// 4xx, answers slowly, or takes the message and answers only after the client gave up.
final class SF1601TestServer: @unchecked Sendable {
    enum Action: Sendable {
        /// Take the message; answer after `delay` seconds (0: at once; more than the client's timeout: it never hears).
        case accept(delay: TimeInterval)
        /// Answer this status without taking the message.
        case status(UInt, delay: TimeInterval)
    }

    struct Acceptance: Sendable {
        var transmissionID: String
        var at: Date
        var body: [UInt8]
    }

    /// `attempt`: 1 for the first request carrying this messageUUID.
    typealias Behaviour = @Sendable (_ messageUUID: String, _ attempt: Int) -> Action

    private let lock = NSLock()
    private var acceptancesByUUID: [String: Acceptance] = [:]
    private var acceptCounts: [String: Int] = [:]
    private var attemptsByUUID: [String: Int] = [:]
    private var transactionIDs: [String] = []
    private let behaviour: Behaviour
    let now: @Sendable () -> Date
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private var channel: (any Channel)?
    private(set) var port = 0

    init(now: @escaping @Sendable () -> Date = { Date() }, behaviour: @escaping Behaviour) throws {
        self.behaviour = behaviour
        self.now = now
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(server: self))
                }
            }
        let channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    var endpoint: String { "http://127.0.0.1:\(port)/KombiPostAfsend" }

    func shutdown() {
        try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    var acceptances: [String: Acceptance] { lock.withLock { acceptancesByUUID } }
    /// How often each messageUUID was taken: 1 each, or the server took a message twice.
    var acceptCountsByUUID: [String: Int] { lock.withLock { acceptCounts } }
    var attempts: [String: Int] { lock.withLock { attemptsByUUID } }
    var transactionIDsSeen: [String] { lock.withLock { transactionIDs } }
    var requestCount: Int { lock.withLock { transactionIDs.count } }

    struct Reply {
        var status: HTTPResponseStatus
        var body: String
        var date: Date
        var delay: TimeInterval
    }

    func handle(transactionID: String?, body: [UInt8]) -> Reply {
        let uuid = Self.messageUUID(in: body) ?? "-"
        return lock.withLock {
            transactionIDs.append(transactionID ?? "")
            attemptsByUUID[uuid, default: 0] += 1
            let time = now()
            if let earlier = acceptancesByUUID[uuid] {
                return Reply(status: .conflict, body: Self.answer(earlier.transmissionID), date: time, delay: 0)
            }
            switch behaviour(uuid, attemptsByUUID[uuid]!) {
            case .accept(let delay):
                let acceptance = Acceptance(transmissionID: UUID().uuidString.lowercased(), at: time, body: body)
                acceptancesByUUID[uuid] = acceptance
                acceptCounts[uuid, default: 0] += 1
                return Reply(status: .ok, body: Self.answer(acceptance.transmissionID), date: time, delay: delay)
            case .status(let code, let delay):
                return Reply(status: HTTPResponseStatus(statusCode: Int(code)), body: "<Fejl>test</Fejl>", date: time, delay: delay)
            }
        }
    }

    static func answer(_ transmissionID: String) -> String {
        "<KombiPostAfsendSvar><TransmissionID>\(transmissionID)</TransmissionID></KombiPostAfsendSvar>"
    }

    static func messageUUID(in body: [UInt8]) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        for element in ["memo:messageUUID", "fjernprint:AfsendelseIdentifikator"] {
            if let open = text.range(of: "<\(element)>"), let close = text.range(of: "</\(element)>", range: open.upperBound..<text.endIndex) {
                return String(text[open.upperBound..<close.lowerBound])
            }
        }
        return nil
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

private final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: SF1601TestServer
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(server: SF1601TestServer) {
        self.server = server
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            let reply = server.handle(transactionID: head.headers.first(name: "x-TransaktionsId"), body: body)
            if reply.delay > 0 {
                context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
                    self.write(reply, version: head.version, context: context)
                }
            } else {
                write(reply, version: head.version, context: context)
            }
        }
    }

    private func write(_ reply: SF1601TestServer.Reply, version: HTTPVersion, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/xml")
        headers.add(name: "Content-Length", value: "\(reply.body.utf8.count)")
        headers.add(name: "Date", value: SF1601TestServer.httpDate(reply.date))
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: reply.status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: reply.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
