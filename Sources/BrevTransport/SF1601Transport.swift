import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Posts each letter's SF1601 KombiPostAfsend request (`<name>.kombi.xml`) to the configured
/// endpoint. A 5xx answer, a timeout or a broken connection is retried with exponential backoff;
/// a 4xx answer is not (the request itself is wrong, sending it again changes nothing). Every
/// attempt carries a new `x-TransaktionsId`; the message inside, and so its messageUUID, is the
/// same in all of them, which is what lets the receiver take a retried message only once: a
/// messageUUID it already accepted is answered with that acceptance (or 409 Conflict), never
/// accepted again. The answer's `TransmissionID` is the receipt, and its `Date` header (the
/// receiver's clock) is the dispatch time the complaint deadline runs from.
public final class SF1601Transport: LetterTransport, @unchecked Sendable {
    public let configuration: SF1601Configuration
    private let client: HTTPClient
    private let breaker: CircuitBreaker
    private let clock: DispatchClock
    public static let requestSuffix = ".kombi.xml"

    public init(configuration: SF1601Configuration, clock: DispatchClock = .system) throws(TransportError) {
        try configuration.check()
        self.configuration = configuration
        self.clock = clock
        breaker = CircuitBreaker(threshold: configuration.circuitFailures, openSeconds: configuration.circuitOpenSeconds,
                                 now: clock.now)
        var settings = HTTPClient.Configuration()
        settings.timeout = HTTPClient.Configuration.Timeout(connect: .milliseconds(Int64(configuration.attemptTimeoutSeconds * 1000)),
                                                            read: .milliseconds(Int64(configuration.attemptTimeoutSeconds * 1000)))
        settings.redirectConfiguration = .disallow
        do {
            settings.tlsConfiguration = try Self.tls(configuration)
        } catch {
            throw TransportError(parcel: "transport config", reason: "cannot load the certificates: \(Self.kind(of: error))")
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
    }

    deinit {
        try? client.syncShutdown()
    }

    private static func tls(_ c: SF1601Configuration) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let certificate = c.clientCertificate, let key = c.clientKey {
            tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
        }
        if let roots = c.trustRoots { tls.trustRoots = .file(roots) }
        return tls
    }

    public func send(name: String, parcelAt: (Date) throws(TransportError) -> Parcel) throws(TransportError) -> DispatchReceipt {
        guard breaker.allow() else {
            throw TransportError(parcel: name, reason: "SF1601 circuit open: the endpoint failed \(configuration.circuitFailures) letters in a row; not tried")
        }
        var lastProblem = ""
        // The first attempt whose answer was lost (a timeout): the endpoint may have taken that one.
        var firstUnanswered: Date?
        for attempt in 1...configuration.maxAttempts {
            if attempt > 1 { clock.sleep(backoff(beforeAttempt: attempt)) }
            let start = clock.startOfAttempt(lasting: configuration.attemptTimeoutSeconds)
            let parcel = try parcelAt(start)
            guard let request = parcel.files.first(where: { $0.name.hasSuffix(Self.requestSuffix) }) else {
                throw TransportError(parcel: name, reason: "no SF1601 request (\(Self.requestSuffix)) to send")
            }
            switch post(request.bytes) {
            case .accepted(let at, let transmissionID, let repeated):
                breaker.succeeded()
                // A repeat: an earlier attempt went in, at the earliest the first one left unanswered
                // (each attempt lies within one day, so that is its day of dispatch).
                let acceptedAt = repeated ? firstUnanswered ?? at : at
                return DispatchReceipt(acceptedAt: acceptedAt, alreadyAccepted: repeated, receipt: transmissionID, attempts: attempt)
            case .unanswered(let problem):
                firstUnanswered = firstUnanswered ?? start
                lastProblem = problem
            case .refused(let status):
                // The endpoint is up and says the request is wrong: not the endpoint's failure.
                breaker.succeeded()
                throw TransportError(parcel: name, reason: "SF1601 refused the request: HTTP \(status) (not retried)")
            case .retry(let problem):
                lastProblem = problem
            }
        }
        breaker.failed()
        throw TransportError(parcel: name, reason: "SF1601 did not accept after \(configuration.maxAttempts) attempt(s); last: \(lastProblem)")
    }

    /// The wait before attempt `n` (2, 3, …): backoff × 2^(n−2), at most the maximum.
    func backoff(beforeAttempt n: Int) -> TimeInterval {
        min(configuration.backoffMaxSeconds, configuration.backoffSeconds * pow(2, Double(n - 2)))
    }

    enum Outcome {
        case accepted(at: Date, transmissionID: String?, repeated: Bool)
        case refused(status: UInt)
        case retry(String)
        /// No answer: the request may or may not have gone in.
        case unanswered(String)
    }

    private func post(_ body: [UInt8]) -> Outcome {
        let request: HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "application/xml; charset=utf-8")
            headers.add(name: "x-TransaktionsId", value: UUID().uuidString.lowercased())
            request = try HTTPClient.Request(url: configuration.endpoint, method: .POST, headers: headers, body: .bytes(body))
        } catch {
            return .retry("cannot build the request")
        }
        let response: HTTPClient.Response
        do {
            response = try client.execute(request: request,
                                          deadline: .now() + .milliseconds(Int64(configuration.attemptTimeoutSeconds * 1000))).wait()
        } catch {
            return .unanswered(Self.kind(of: error))
        }
        let status = response.status.code
        let answer = response.body.map { Array($0.readableBytesView) } ?? []
        let acceptedAt = response.headers.first(name: "Date").flatMap(Self.httpDate) ?? clock.now()
        switch status {
        case 200..<300:
            return .accepted(at: acceptedAt, transmissionID: Self.transmissionID(in: answer), repeated: false)
        case 409:
            // Already accepted by an earlier attempt whose answer was lost: the letter is out.
            return .accepted(at: acceptedAt, transmissionID: Self.transmissionID(in: answer), repeated: true)
        case 408, 429:
            return .retry("HTTP \(status)")
        case 400..<500:
            return .refused(status: status)
        default:
            return .retry("HTTP \(status)")
        }
    }

    /// `<TransmissionID>…</TransmissionID>` in the answer (any namespace prefix).
    static func transmissionID(in answer: [UInt8]) -> String? {
        let text = String(decoding: answer.prefix(65536), as: UTF8.self)
        guard let open = text.range(of: "TransmissionID>") else { return nil }
        let rest = text[open.upperBound...]
        guard let end = rest.firstIndex(of: "<") else { return nil }
        let value = rest[..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        // An id, not free text: letters, digits and dashes only, so nothing else reaches the journal.
        guard !value.isEmpty, value.count <= 128,
              value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return value
    }

    /// RFC 9110's IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.date(from: text)
    }

    /// The kind of a client error, without any text a server sent.
    static func kind(of error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "connection closed by the endpoint"
            default: return "HTTP client error"
            }
        }
        if error is NIOSSLError { return "TLS error" }
        if error is IOError { return "connection failed" }
        return String(describing: type(of: error))
    }
}
