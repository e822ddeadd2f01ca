import Synchronization

/// Per-tenant QoS for the whole process: a `TokenBucket` and a `ConcurrencyLimit` per tenant,
/// created on first use, behind one lock (each decision is a few arithmetic operations). The thin
/// shell around the two state machines: it only reads the injected clock and keeps the state.
public final class TenantQoS: Sendable {
    struct State {
        var bucket: TokenBucket
        var queries: ConcurrencyLimit
    }

    private let clock: QoSClock
    private let states = Mutex<[String: State]>([:])

    public init(clock: QoSClock = .continuous) {
        self.clock = clock
    }

    /// Takes a token of `tenant`'s bucket for one request.
    ///
    /// - Throws: `APIError` 429 `rate_limited` with `Retry-After` (whole seconds, at least 1).
    public func admitRequest(_ tenant: Tenant) throws(APIError) {
        let now = clock.now()
        let decision = states.withLock { states in
            states[tenant.name, default: Self.fresh(tenant, now)].bucket.take(at: now)
        }
        guard case .limited(let retryAfter) = decision else { return }
        throw APIError(
            .tooManyRequests,
            code: "rate_limited",
            message: "tenant '\(tenant.name)' is over its rate of \(tenant.limits.ratePerSecond) requests/s",
            retryAfterSeconds: max(1, Int((retryAfter / .seconds(1)).rounded(.up)))
        )
    }

    /// Runs `body` holding one of `tenant`'s concurrent-query slots.
    ///
    /// - Throws: `APIError` 429 `too_many_queries` (`Retry-After: 1`) when every slot is held;
    ///   otherwise what `body` throws.
    public func withQuerySlot<T: Sendable>(_ tenant: Tenant, _ body: () async throws -> T) async throws -> T {
        let now = clock.now()
        let acquired = states.withLock { states in
            states[tenant.name, default: Self.fresh(tenant, now)].queries.acquire()
        }
        guard acquired else {
            throw APIError(
                .tooManyRequests,
                code: "too_many_queries",
                message: "tenant '\(tenant.name)' already runs \(tenant.limits.concurrentQueriesMax) searches",
                retryAfterSeconds: 1
            )
        }
        defer { states.withLock { $0[tenant.name]?.queries.release() } }
        return try await body()
    }

    /// Searches `tenant` runs now (metrics and tests).
    public func activeQueries(_ tenant: String) -> Int {
        states.withLock { $0[tenant]?.queries.active ?? 0 }
    }

    private static func fresh(_ tenant: Tenant, _ now: Duration) -> State {
        State(
            bucket: TokenBucket(ratePerSecond: tenant.limits.ratePerSecond, burst: tenant.limits.burst, now: now),
            queries: ConcurrencyLimit(max: tenant.limits.concurrentQueriesMax)
        )
    }
}
