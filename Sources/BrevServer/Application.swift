import BrevBatch
import BrevPipeline
import Hummingbird
import Logging
import NIOCore

/// The service as one value: `brev serve` runs it, the tests drive it with `app.test(.router)`.
public func buildApplication(_ settings: ServerSettings) async throws -> some ApplicationProtocol {
    var logger = Logger(label: "brev")
    logger.logLevel = .info
    return Application(router: buildRouter(try ServiceParts(settings)),
                       server: .http1(configuration: .init(idleTimeout: ServiceParts.idleTimeout)),
                       configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "brev"),
                       logger: logger)
}

/// What the routes share, made once at start: a broken resource stops brev here, before it listens.
struct ServiceParts: Sendable {
    /// A connection that sends nothing for this long is closed: a client that trickles its body
    /// (or holds a connection open) cannot tie the service up. The request timeout covers the render.
    static let idleTimeout: TimeAmount = .seconds(30)

    let database: ServerDatabase
    let metrics: ServerMetrics
    let pool: PipelinePool
    let catalog: ServiceCatalog
    let form: CaseFormSchema
    let delivery: OutboxDelivery

    init(_ settings: ServerSettings) throws {
        database = try ServerDatabase(path: settings.databasePath)
        metrics = ServerMetrics()
        pool = try PipelinePool(environment: settings.environment, size: settings.pipelineCount, waitingLimit: settings.waitingLimit,
                                timeout: settings.requestTimeout)
        catalog = try ServiceCatalog(environment: settings.environment)
        form = try CaseFormSchema(schemaJSON: catalog.caseSchema)
        delivery = try OutboxDelivery(outbox: settings.outboxPath, environment: settings.environment)
    }
}

func buildRouter(_ parts: ServiceParts) -> Router<ServiceContext> {
    let router = Router(context: ServiceContext.self)
    router.add(middleware: ProblemMiddleware(metrics: parts.metrics))
    // Health and readiness answer without a token, so a load balancer can ask.
    router.get("/health") { _, _ in ServerJSON.response(["status": "ok"]) }
    router.get("/ready") { _, _ in ServerJSON.response(["status": "ready", "pipelines": String(parts.pool.size)]) }
    let routes = APIRoutes(pool: parts.pool, catalog: parts.catalog, audit: AuditLog(database: parts.database), metrics: parts.metrics,
                           delivery: parts.delivery)
    routes.add(to: router.group().add(middleware: TokenMiddleware(database: parts.database)))
    PageRoutes(api: routes, sessions: Sessions(database: parts.database), form: parts.form, database: parts.database).add(to: router)
    return router
}
