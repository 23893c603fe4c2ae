import BrevCore
import Hummingbird

/// Every route but health and readiness needs a caseworker's token: `Authorization: Bearer <token>`.
struct TokenMiddleware: RouterMiddleware {
    let database: ServerDatabase

    func handle(_ request: Request, context: ServiceContext,
                next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "), header.count > 7 else {
            throw ProblemDetails(status: .unauthorized, code: .tokenMissing, detail: "send a caseworker's token: Authorization: Bearer <token>")
        }
        let token = String(header.dropFirst(7))
        guard let name = try CaseworkerTokens.caseworker(forToken: token, in: database) else {
            throw ProblemDetails(status: .unauthorized, code: .tokenInvalid, detail: "the token belongs to no caseworker")
        }
        var context = context
        context.caseworker = name
        return try await next(request, context)
    }
}
