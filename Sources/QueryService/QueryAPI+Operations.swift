import Foundation
import Hummingbird

extension QueryAPI {
    struct Status: Encodable {
        var status: String
    }

    @Sendable func healthz(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        JSONBody.response(Status(status: "ok"))
    }

    /// 200 once every tenant's collections are open, 503 `not_ready` before and during shutdown.
    @Sendable func readyz(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        guard readiness.isReady else {
            throw APIError(.serviceUnavailable, code: "not_ready", message: "the collections are not open yet")
        }
        return JSONBody.response(Status(status: "ready"))
    }

    /// The Prometheus text exposition; only for admin tenants (it names every tenant).
    @Sendable func metricsText(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        guard caller.tenant.isAdmin else {
            throw APIError(.forbidden, code: "forbidden", message: "/metrics needs the key of an admin tenant")
        }
        for tenant in tenants {
            let engine = stores.engine(tenant)
            var counts: [String: Int] = [:]
            for name in await engine.openCollectionNames {
                counts[name] = try? await engine.snapshot(of: name).count
            }
            metrics.recordStore(tenant: tenant.name, documents: counts, open: counts.count)
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4"
        return Response(
            status: .ok,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition()))
        )
    }

    /// The committed OpenAPI document.
    @Sendable func openAPI(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw APIError(.internalServerError, code: "internal", message: "openapi.yaml is missing from the build")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/yaml"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
