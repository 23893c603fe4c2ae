import Foundation

/// Where and how to post SF1601 KombiPostAfsend requests, read from a JSON file
/// (`brev batch --transport-config FILE`): the endpoint and the certificates never appear on the
/// command line, where other users of the machine and shell histories would see them.
///
/// ```json
/// { "endpoint": "https://…/KombiPostAfsend",
///   "client_certificate": "/etc/brev/sf1601.crt.pem", "client_key": "/etc/brev/sf1601.key.pem",
///   "trust_roots": "/etc/brev/serviceplatformen-ca.pem",
///   "attempt_timeout_seconds": 30, "max_attempts": 5, "backoff_seconds": 1, "backoff_max_seconds": 60,
///   "circuit_failures": 5, "circuit_open_seconds": 60 }
/// ```
/// The endpoint must be https. Plain http is accepted only on the loopback interface and only
/// when the file says `"allow_plain_http_on_loopback": true` (the tests' local server).
public struct SF1601Configuration: Sendable, Codable, Equatable {
    public var endpoint: String
    public var clientCertificate: String?
    public var clientKey: String?
    public var trustRoots: String?
    public var allowPlainHTTPOnLoopback: Bool
    /// One request, connect to answer; a request still unanswered then is retried.
    public var attemptTimeoutSeconds: Double
    public var maxAttempts: Int
    /// The wait before the second attempt; it doubles for each one after, up to `backoffMaxSeconds`.
    public var backoffSeconds: Double
    public var backoffMaxSeconds: Double
    /// Letters in a row that failed every attempt before the circuit opens, and how long it stays open.
    public var circuitFailures: Int
    public var circuitOpenSeconds: Double

    enum CodingKeys: String, CodingKey {
        case endpoint
        case clientCertificate = "client_certificate"
        case clientKey = "client_key"
        case trustRoots = "trust_roots"
        case allowPlainHTTPOnLoopback = "allow_plain_http_on_loopback"
        case attemptTimeoutSeconds = "attempt_timeout_seconds"
        case maxAttempts = "max_attempts"
        case backoffSeconds = "backoff_seconds"
        case backoffMaxSeconds = "backoff_max_seconds"
        case circuitFailures = "circuit_failures"
        case circuitOpenSeconds = "circuit_open_seconds"
    }

    public init(endpoint: String, clientCertificate: String? = nil, clientKey: String? = nil, trustRoots: String? = nil,
                allowPlainHTTPOnLoopback: Bool = false, attemptTimeoutSeconds: Double = 30, maxAttempts: Int = 5,
                backoffSeconds: Double = 1, backoffMaxSeconds: Double = 60, circuitFailures: Int = 5,
                circuitOpenSeconds: Double = 60) {
        self.endpoint = endpoint
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.trustRoots = trustRoots
        self.allowPlainHTTPOnLoopback = allowPlainHTTPOnLoopback
        self.attemptTimeoutSeconds = attemptTimeoutSeconds
        self.maxAttempts = maxAttempts
        self.backoffSeconds = backoffSeconds
        self.backoffMaxSeconds = backoffMaxSeconds
        self.circuitFailures = circuitFailures
        self.circuitOpenSeconds = circuitOpenSeconds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SF1601Configuration(endpoint: "")
        self.init(endpoint: try c.decode(String.self, forKey: .endpoint),
                  clientCertificate: try c.decodeIfPresent(String.self, forKey: .clientCertificate),
                  clientKey: try c.decodeIfPresent(String.self, forKey: .clientKey),
                  trustRoots: try c.decodeIfPresent(String.self, forKey: .trustRoots),
                  allowPlainHTTPOnLoopback: try c.decodeIfPresent(Bool.self, forKey: .allowPlainHTTPOnLoopback) ?? false,
                  attemptTimeoutSeconds: try c.decodeIfPresent(Double.self, forKey: .attemptTimeoutSeconds) ?? defaults.attemptTimeoutSeconds,
                  maxAttempts: try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts,
                  backoffSeconds: try c.decodeIfPresent(Double.self, forKey: .backoffSeconds) ?? defaults.backoffSeconds,
                  backoffMaxSeconds: try c.decodeIfPresent(Double.self, forKey: .backoffMaxSeconds) ?? defaults.backoffMaxSeconds,
                  circuitFailures: try c.decodeIfPresent(Int.self, forKey: .circuitFailures) ?? defaults.circuitFailures,
                  circuitOpenSeconds: try c.decodeIfPresent(Double.self, forKey: .circuitOpenSeconds) ?? defaults.circuitOpenSeconds)
    }

    /// Reads and checks the file. Errors name the file and the key, never a value from it.
    public static func load(path: String) throws(TransportError) -> SF1601Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TransportError(parcel: "transport config", reason: "cannot read \(path)")
        }
        let configuration: SF1601Configuration
        do {
            configuration = try JSONDecoder().decode(SF1601Configuration.self, from: data)
        } catch DecodingError.keyNotFound(let key, _) {
            throw TransportError(parcel: "transport config", reason: "\(path): $.\(key.stringValue) is missing")
        } catch DecodingError.typeMismatch(_, let context) {
            throw TransportError(parcel: "transport config", reason: "\(path): \(jsonPath(context.codingPath)) has the wrong type")
        } catch {
            throw TransportError(parcel: "transport config", reason: "\(path) is not a JSON object of transport settings")
        }
        try configuration.check(path: path)
        return configuration
    }

    public func check(path: String = "transport config") throws(TransportError) {
        func refuse(_ key: CodingKeys, _ why: String) -> TransportError {
            TransportError(parcel: "transport config", reason: "\(path): $.\(key.rawValue) \(why)")
        }
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw refuse(.endpoint, "is not an absolute URL")
        }
        switch scheme {
        case "https":
            break
        case "http":
            guard allowPlainHTTPOnLoopback else { throw refuse(.endpoint, "must be https (plain http only with allow_plain_http_on_loopback, for tests)") }
            guard Self.loopbackHosts.contains(host.lowercased()) else { throw refuse(.endpoint, "is plain http on a host that is not loopback") }
        default:
            throw refuse(.endpoint, "must be https")
        }
        if (clientCertificate == nil) != (clientKey == nil) {
            throw refuse(clientCertificate == nil ? .clientCertificate : .clientKey, "is needed with the other half of the client certificate")
        }
        guard attemptTimeoutSeconds > 0, attemptTimeoutSeconds <= 600 else { throw refuse(.attemptTimeoutSeconds, "is between 0 and 600") }
        guard (1...100).contains(maxAttempts) else { throw refuse(.maxAttempts, "is between 1 and 100") }
        guard backoffSeconds >= 0, backoffMaxSeconds >= backoffSeconds, backoffMaxSeconds <= 3600 else {
            throw refuse(.backoffMaxSeconds, "is at least backoff_seconds and at most 3600")
        }
        guard circuitFailures >= 1 else { throw refuse(.circuitFailures, "is at least 1") }
        guard circuitOpenSeconds >= 0, circuitOpenSeconds <= 3600 else { throw refuse(.circuitOpenSeconds, "is between 0 and 3600") }
    }

    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    private static func jsonPath(_ path: [any CodingKey]) -> String {
        "$" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
