import BrevCore
import BrevPipeline
import Foundation
import Hummingbird

/// An error as the API shows it: RFC 9457 problem details (`application/problem+json`) with
/// brev's code and, for each problem, its code and JSON path. Built only from codes, paths and
/// brev's own messages (which never hold a case value); never from a Swift error's text.
public struct ProblemDetails: HTTPResponseError, Codable, Sendable {
    public struct Problem: Codable, Sendable, Equatable {
        public var severity: String
        public var code: String
        public var path: String
        public var message: String
    }

    public var type: String
    public var title: String
    public var statusCode: Int
    public var code: String
    public var detail: String
    public var problems: [Problem]
    /// Seconds to wait before asking again (429 only); sent as the Retry-After header too.
    public var retryAfter: Int?

    enum CodingKeys: String, CodingKey {
        case type, title, code, detail, problems
        case statusCode = "status"
        case retryAfter = "retry_after"
    }

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    public init(status: HTTPResponse.Status, code: DiagnosticCode, detail: String, problems: [Problem] = [], retryAfter: Int? = nil) {
        type = "https://brev.example/problems/\(code.rawValue.lowercased().replacingOccurrences(of: "_", with: "-"))"
        title = status.reasonPhrase
        statusCode = status.code
        self.code = code.rawValue
        self.detail = detail
        self.problems = problems
        self.retryAfter = retryAfter
    }

    /// A case with errors: 422, the first error's code, every diagnostic with its path.
    public init(diagnostics: [Diagnostic]) {
        let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
        self.init(status: .unprocessableContent, code: first?.code ?? .invalidValue,
                  detail: "the case has \(diagnostics.filter { $0.severity == .error }.count) error(s); each names its field",
                  problems: diagnostics.map(Problem.init))
    }

    /// A render that failed: the case's own problems are 422, a broken resource 500.
    public init(_ error: BrevError) {
        switch error {
        case .invalid(let diagnostics) where error.exitCode == 1:
            self.init(diagnostics: diagnostics)
        case .layout(let layout) where error.exitCode == 1:
            // The layout's message names a code point and a place, never the text.
            self.init(diagnostics: [.error(layout.code, at: .unknown, layout.description)])
        default:
            self.init(status: .internalServerError, code: .badRequest, detail: "brev could not render this letter: a resource is broken (brev check on the server names it)")
            code = "INTERNAL"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if statusCode == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"brev\"" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: ServerJSON.encode(self))))
    }
}

extension ProblemDetails.Problem {
    init(_ d: Diagnostic) {
        let path: String
        switch d.location {
        case .jsonPath(let p): path = p
        case .file(let file, let line, _): path = "\(file):\(line)"
        case .unknown: path = ""
        }
        self.init(severity: d.severity.rawValue, code: d.code.rawValue, path: path, message: d.message)
    }
}

/// One JSON encoder for every answer: sorted keys, so answers are stable.
enum ServerJSON {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }
}
