import Logging
import ServiceLifecycle

/// The stores' part of the server's lifecycle: at start it opens every tenant's collections
/// (manifests loaded, write-ahead logs recovered) and then reports ready; on graceful shutdown —
/// which reaches it after the HTTP server has drained its in-flight requests — it reports not
/// ready, shuts the engines down (compactions finished or cancelled, collections closed) and
/// closes the audit log.
struct StoreService: Service {
    let api: QueryAPI
    let logger: Logger

    func run() async throws {
        for tenant in api.tenants {
            let engine = api.stores.engine(tenant)
            do {
                for name in try await engine.collectionNames() { _ = try await engine.collection(name) }
            } catch {
                logger.error("cannot open a collection", metadata: ["tenant": "\(tenant.name)", "error": "\(error)"])
            }
        }
        api.readiness.set(true)
        logger.info("ready", metadata: ["tenants": "\(api.tenants.count)"])
        try? await gracefulShutdown()
        api.readiness.set(false)
        await api.stores.shutdown()
        await api.audit?.close()
        logger.notice("stores closed")
    }
}
