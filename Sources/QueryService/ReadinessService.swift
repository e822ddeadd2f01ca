import ServiceLifecycle

/// The first service of the group to hear of a graceful shutdown (services shut down in reverse
/// order; this one is listed last): it turns `/readyz` to 503 at once, so a load balancer stops
/// sending requests while the HTTP server drains the ones it has.
struct ReadinessService: Service {
    let readiness: Readiness

    func run() async throws {
        try? await gracefulShutdown()
        readiness.set(false)
    }
}
