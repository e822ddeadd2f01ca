import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Retrieval
import VectorStore

/// The HTTP JSON API (openapi.yaml; docs/service.md): its routes, the state they share, and the
/// router that serves them behind `RequestMiddleware` and `AuthMiddleware`.
public struct QueryAPI: Sendable {
    public typealias Handler = @Sendable (Request, ServiceRequestContext) async throws -> Response

    /// One route: method, path pattern (`{name}` segments, as openapi.yaml writes them) and handler.
    public struct Route: Sendable {
        public var method: HTTPRequest.Method
        public var path: String
        let handler: Handler
    }

    public let stores: TenantStores
    public let limits: ServiceLimits
    public let qos: TenantQoS
    public let metrics: ServiceMetrics
    public let readiness: Readiness
    let audit: AuditLog?
    let searcher: FilingSearcher
    /// Every tenant (for `/metrics`' store gauges and the start-up open).
    public let tenants: [Tenant]

    public init(
        stores: TenantStores,
        limits: ServiceLimits,
        qos: TenantQoS,
        metrics: ServiceMetrics,
        readiness: Readiness,
        audit: AuditLog?,
        tenants: [Tenant],
        searcher: FilingSearcher = FilingSearcher()
    ) {
        self.stores = stores
        self.limits = limits
        self.qos = qos
        self.metrics = metrics
        self.readiness = readiness
        self.audit = audit
        self.tenants = tenants
        self.searcher = searcher
    }

    /// Every route the API serves; openapi.yaml documents exactly these (a test checks).
    public var routes: [Route] {
        [
            Route(method: .get, path: "/healthz", handler: healthz),
            Route(method: .get, path: "/readyz", handler: readyz),
            Route(method: .get, path: "/metrics", handler: metricsText),
            Route(method: .get, path: "/openapi.yaml", handler: openAPI),
            Route(method: .post, path: "/v1/collections", handler: createCollection),
            Route(method: .get, path: "/v1/collections", handler: listCollections),
            Route(method: .get, path: "/v1/collections/{name}", handler: describeCollection),
            Route(method: .delete, path: "/v1/collections/{name}", handler: dropCollection),
            Route(method: .post, path: "/v1/collections/{name}/documents", handler: upsertDocuments),
            Route(method: .get, path: "/v1/collections/{name}/documents/{id}", handler: getDocument),
            Route(method: .delete, path: "/v1/collections/{name}/documents/{id}", handler: deleteDocument),
            Route(method: .post, path: "/v1/collections/{name}/search", handler: search),
            Route(method: .get, path: "/v1/collections/{name}/snapshots", handler: listSnapshots),
        ]
    }

    /// The router: every route behind the request middleware (ids, logs, metrics, errors) and
    /// authentication (`mode`).
    public func router(auth mode: AuthMiddleware.Mode) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestMiddleware(metrics: metrics))
        router.add(middleware: AuthMiddleware(mode: mode, qos: qos))
        for route in routes {
            router.on(RouterPath(route.path), method: route.method, use: route.handler)
        }
        return router
    }

    /// The HTTP/1.1 server the API runs on: Hummingbird's, with `InboundCloseHandler` in each
    /// connection's pipeline (a search is cancelled when its client goes away).
    public static var server: HTTPServerBuilder {
        .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [InboundCloseHandler()]))
    }

    /// The open collection `name` of the caller's tenant.
    ///
    /// - Throws: `APIError` 404 `not_found` when the tenant has no such collection (another
    ///   tenant's of the same name included), 400 for an invalid name.
    func collection(_ caller: Caller, _ name: String) async throws -> LocalCollection {
        do throws(StoreError) {
            return try await stores.engine(caller.tenant).collection(name)
        } catch  where error.code == .notFound {
            throw APIError.noCollection(name)
        }
    }
}
