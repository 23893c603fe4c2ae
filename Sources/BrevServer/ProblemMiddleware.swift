import BrevCase
import BrevCore
import Hummingbird
import Logging

/// The one place where an error becomes what the client sees (style.md habit 5): brev's own
/// problems pass through; Hummingbird's (no route, body too large, wrong method) get a code;
/// anything else is a 500 without its text, which could hold a value from the request.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as ProblemDetails {
            metrics.refused(code: problem.code)
            throw problem
        } catch let error as any HTTPResponseError {
            let problem: ProblemDetails
            switch error.status {
            case .notFound: problem = ProblemDetails(status: .notFound, code: .notFound, detail: "no such route")
            case .contentTooLarge:
                problem = ProblemDetails(status: .contentTooLarge, code: .caseTooLarge,
                                         detail: "the request body is over \(CaseLimits.maximumFileBytes) bytes, the largest case brev reads")
            case .methodNotAllowed: problem = ProblemDetails(status: .methodNotAllowed, code: .badRequest, detail: "this route does not take that method")
            default: problem = ProblemDetails(status: error.status, code: .badRequest, detail: error.status.reasonPhrase)
            }
            metrics.refused(code: problem.code)
            throw problem
        } catch {
            // The error's own text is not logged either: it might quote the request.
            context.logger.error("internal error", metadata: ["type": "\(type(of: error))"])
            metrics.refused(code: "INTERNAL")
            var problem = ProblemDetails(status: .internalServerError, code: .badRequest, detail: "internal error")
            problem.code = "INTERNAL"
            throw problem
        }
    }
}
