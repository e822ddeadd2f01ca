import Foundation
import Hummingbird
import Logging
import Synchronization

/// The outermost middleware: gives every request an id (the client's `X-Request-Id` when it is
/// 1-64 characters of `[A-Za-z0-9._-]`, else a fresh one), puts it in the logger's metadata and in
/// the response, turns any error into the API's error document (`APIError.from`, the one mapping),
/// logs one line per request (method, route, status, tenant, milliseconds) and counts it in the
/// metrics.
struct RequestMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    let metrics: ServiceMetrics
    private let counter = Counter()

    init(metrics: ServiceMetrics) {
        self.metrics = metrics
    }

    /// Request ids of this process: a random prefix and a sequence number.
    final class Counter: Sendable {
        private let prefix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        private let next = Atomic<UInt64>(0)

        func make() -> String { "\(prefix)-\(next.add(1, ordering: .relaxed).newValue)" }
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let given = RequestTrace.requestIDHeader.flatMap { request.headers[$0] }
        let id = given.flatMap(Self.acceptable) ?? counter.make()
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        context.logger.debug(
            "request started",
            metadata: ["method": "\(request.method)", "path": "\(request.uri.path)"]
        )
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let api = APIError.from(error)
            if api.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            response = api.response()
        }
        if let name = RequestTrace.requestIDHeader { response.headers[name] = id }
        let elapsed = started.duration(to: .now)
        let route = context.endpointPath ?? "NotFound"
        let tenant = context.trace.tenant ?? "-"
        metrics.recordRequest(
            route: route,
            method: request.method.rawValue,
            tenant: tenant,
            status: Int(response.status.code),
            duration: elapsed
        )
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)", "route": "\(route)", "status": "\(response.status.code)",
                "tenant": "\(tenant)", "ms": "\(elapsed / .milliseconds(1))",
            ]
        )
        return response
    }

    private static func acceptable(_ id: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        return (1...64).contains(id.count) && id.allSatisfy { allowed.contains($0) } ? id : nil
    }
}
