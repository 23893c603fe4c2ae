import BrevCore
@testable import BrevTransport
import BrevTestSupport
import Foundation
import Testing

/// The SF1601 transport against a local server that fails, times out and answers slowly on purpose.
@Suite(.serialized) struct SF1601TransportTests {
    func configuration(_ server: SF1601TestServer, timeout: Double = 2, attempts: Int = 5, circuitFailures: Int = 5) -> SF1601Configuration {
        SF1601Configuration(endpoint: server.endpoint, allowPlainHTTPOnLoopback: true, attemptTimeoutSeconds: timeout,
                            maxAttempts: attempts, backoffSeconds: 0.05, backoffMaxSeconds: 0.2,
                            circuitFailures: circuitFailures, circuitOpenSeconds: 60)
    }

    func parcel(_ uuid: String) -> Parcel {
        let body = "<kombi_request><memo:messageUUID>\(uuid)</memo:messageUUID></kombi_request>"
        return Parcel(name: "afgoerelse-\(uuid.prefix(8))", files: [
            Parcel.File(name: "afgoerelse.pdf", bytes: Array("%PDF".utf8)),
            Parcel.File(name: "afgoerelse\(SF1601Transport.requestSuffix)", bytes: Array(body.utf8)),
        ])
    }

    @Test func fiveHundredsAreRetriedWithANewTransactionIdAndTheMessageIsTakenOnce() throws {
        let server = try SF1601TestServer { _, attempt in attempt <= 2 ? .status(503, delay: 0) : .accept(delay: 0) }
        defer { server.shutdown() }
        let transport = try SF1601Transport(configuration: configuration(server))
        let uuid = UUID().uuidString.lowercased()
        let receipt = try transport.send(parcel(uuid))
        #expect(receipt.attempts == 3)
        #expect(!receipt.alreadyAccepted)
        #expect(server.attempts[uuid] == 3)
        #expect(server.acceptCountsByUUID[uuid] == 1)
        #expect(receipt.receipt == server.acceptances[uuid]?.transmissionID)
        let ids = server.transactionIDsSeen
        #expect(ids.count == 3 && Set(ids).count == 3 && ids.allSatisfy { UUID(uuidString: $0) != nil })
    }

    @Test func anAnswerLostToATimeoutIsNotTakenTwice() throws {
        // The server takes the message and answers after the client gave up; the retry is a repeat.
        let server = try SF1601TestServer { _, _ in .accept(delay: 1.5) }
        defer { server.shutdown() }
        let transport = try SF1601Transport(configuration: configuration(server, timeout: 0.5))
        let uuid = UUID().uuidString.lowercased()
        let before = Date()
        let receipt = try transport.send(parcel(uuid))
        #expect(receipt.alreadyAccepted)
        #expect(receipt.attempts == 2)
        #expect(server.acceptCountsByUUID[uuid] == 1)
        let accepted = try #require(server.acceptances[uuid])
        #expect(receipt.receipt == accepted.transmissionID)
        // Dispatched when the first attempt went in, not when the repeat was answered.
        #expect(receipt.acceptedAt >= before && receipt.acceptedAt <= accepted.at)
    }

    @Test func aSlowAnswerWithinTheTimeoutIsOneAttempt() throws {
        let server = try SF1601TestServer { _, _ in .accept(delay: 0.4) }
        defer { server.shutdown() }
        let transport = try SF1601Transport(configuration: configuration(server, timeout: 3))
        let uuid = UUID().uuidString.lowercased()
        let receipt = try transport.send(parcel(uuid))
        #expect(receipt.attempts == 1 && !receipt.alreadyAccepted)
        #expect(server.requestCount == 1)
        // The server's Date header (whole seconds) is the dispatch time.
        let accepted = try #require(server.acceptances[uuid])
        #expect(abs(receipt.acceptedAt.timeIntervalSince(accepted.at)) < 1)
    }

    @Test func aFourHundredIsNotRetried() throws {
        let server = try SF1601TestServer { _, _ in .status(400, delay: 0) }
        defer { server.shutdown() }
        let transport = try SF1601Transport(configuration: configuration(server))
        let uuid = UUID().uuidString.lowercased()
        let error = #expect(throws: TransportError.self) { try transport.send(parcel(uuid)) }
        #expect(error?.reason.contains("HTTP 400") == true)
        #expect(server.attempts[uuid] == 1)
        #expect(server.acceptCountsByUUID.isEmpty)
    }

    @Test func theCircuitOpensAfterLettersInARowFailAndThenSendsNothing() throws {
        let server = try SF1601TestServer { _, _ in .status(503, delay: 0) }
        defer { server.shutdown() }
        let transport = try SF1601Transport(configuration: configuration(server, attempts: 2, circuitFailures: 2))
        for _ in 0..<2 {
            #expect(throws: TransportError.self) { try transport.send(parcel(UUID().uuidString.lowercased())) }
        }
        #expect(server.requestCount == 4)
        let error = #expect(throws: TransportError.self) { try transport.send(parcel(UUID().uuidString.lowercased())) }
        #expect(error?.reason.contains("circuit open") == true)
        #expect(server.requestCount == 4, "an open circuit sends nothing")
    }

    @Test func theCircuitLetsATrialThroughWhenItsTimeIsUpAndClosesOnSuccess() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        let breaker = CircuitBreaker(threshold: 1, openSeconds: 10, now: clock.now)
        breaker.failed()
        #expect(!breaker.allow())
        clock.advance(11)
        #expect(breaker.allow(), "the trial")
        #expect(!breaker.allow(), "one trial at a time")
        breaker.succeeded()
        #expect(breaker.allow() && !breaker.isOpen)
    }

    @Test func anAttemptNeverStraddlesMidnight() {
        // 23:59:58 in Copenhagen (UTC+1 in winter).
        let nearMidnight = CopenhagenTime.instant(fromISO: "2026-11-30T23:59:58+01:00")!
        let clock = TestClock(nearMidnight)
        let dispatch = DispatchClock(now: clock.now, sleep: { clock.advance($0) })
        let start = dispatch.startOfAttempt(lasting: 5)
        #expect(CopenhagenTime.date(of: start) == CivilDate(year: 2026, month: 12, day: 1))
        #expect(start.timeIntervalSince(nearMidnight) < 5)
        let morning = CopenhagenTime.instant(fromISO: "2026-12-01T09:00:00+01:00")!
        #expect(DispatchClock(now: { morning }).startOfAttempt(lasting: 30) == morning)
    }

    @Test func theEndpointMustBeHTTPSUnlessTheConfigAllowsLoopbackHTTP() throws {
        #expect(throws: Never.self) { try SF1601Configuration(endpoint: "https://sf1601.example/KombiPostAfsend").check() }
        let plain = #expect(throws: TransportError.self) { try SF1601Configuration(endpoint: "http://127.0.0.1:8080/k").check() }
        #expect(plain?.reason.contains("$.endpoint must be https") == true)
        let remote = #expect(throws: TransportError.self) {
            try SF1601Configuration(endpoint: "http://sf1601.example/k", allowPlainHTTPOnLoopback: true).check()
        }
        #expect(remote?.reason.contains("not loopback") == true)
        #expect(throws: Never.self) { try SF1601Configuration(endpoint: "http://127.0.0.1:8080/k", allowPlainHTTPOnLoopback: true).check() }
        let half = #expect(throws: TransportError.self) {
            try SF1601Configuration(endpoint: "https://sf1601.example/k", clientCertificate: "/c.pem").check()
        }
        #expect(half?.reason.contains("$.client_key") == true)
    }

    @Test func theConfigFileNamesTheKeyThatIsWrongAndNoValue() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("sf1601.json").path
        try Data(#"{"client_key": "/secret/key.pem"}"#.utf8).write(to: URL(fileURLWithPath: path))
        let missing = #expect(throws: TransportError.self) { try SF1601Configuration.load(path: path) }
        #expect(missing?.reason.contains("$.endpoint is missing") == true)
        try Data(#"{"endpoint": "https://sf1601.example/k", "max_attempts": "many"}"#.utf8).write(to: URL(fileURLWithPath: path))
        let wrong = #expect(throws: TransportError.self) { try SF1601Configuration.load(path: path) }
        #expect(wrong?.reason.contains("$.max_attempts has the wrong type") == true)
        #expect(wrong?.reason.contains("many") == false)
        try Data(#"{"endpoint": "https://sf1601.example/k", "max_attempts": 3}"#.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try SF1601Configuration.load(path: path)
        #expect(loaded.maxAttempts == 3 && loaded.attemptTimeoutSeconds == 30)
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: @Sendable () -> Date { { [self] in lock.withLock { current } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
