import CoreMetrics
import Metrics
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (no process-wide `MetricsSystem`
/// bootstrap, so several servers in one test process keep separate counts), served at `/metrics`:
///
/// - `vectordb_http_requests_total{route,method,tenant,status}` — requests answered;
/// - `vectordb_http_request_duration_seconds{route,tenant}` — latency histogram;
/// - `vectordb_collection_documents{tenant,collection}` and `vectordb_collections_open{tenant}` —
///   store gauges, refreshed on each scrape.
///
/// `route` is the route pattern (`/v1/collections/{name}/search`), never the raw path, so a caller
/// cannot mint label values; a path no route matches is `NotFound` (Hummingbird's name).
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2), .seconds(5), .seconds(10),
        ]
        self.factory = factory
    }

    /// Counts one answered request and records its latency.
    public func recordRequest(route: String, method: String, tenant: String, status: Int, duration: Duration) {
        Counter(
            label: "vectordb_http_requests_total",
            dimensions: [("route", route), ("method", method), ("tenant", tenant), ("status", String(status))],
            factory: factory
        ).increment()
        Timer(
            label: "vectordb_http_request_duration_seconds",
            dimensions: [("route", route), ("tenant", tenant)],
            factory: factory
        ).recordNanoseconds(Int64(duration / .nanoseconds(1)))
    }

    /// Sets the store gauges of one tenant.
    public func recordStore(tenant: String, documents: [String: Int], open: Int) {
        for (collection, count) in documents {
            Gauge(
                label: "vectordb_collection_documents",
                dimensions: [("tenant", tenant), ("collection", collection)],
                factory: factory
            ).record(count)
        }
        Gauge(label: "vectordb_collections_open", dimensions: [("tenant", tenant)], factory: factory).record(open)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String { registry.emitToString() }
}
