/// A tenant's share of the service.
public struct QoSLimits: Sendable, Hashable {
    /// Sustained requests per second (the token bucket's refill rate), `> 0`.
    public var ratePerSecond: Double
    /// The bucket's capacity: requests admitted back to back after a quiet period, `>= 1`.
    public var burst: Int
    /// Searches running at once, `>= 1`.
    public var concurrentQueriesMax: Int

    public init(ratePerSecond: Double, burst: Int, concurrentQueriesMax: Int) {
        precondition(ratePerSecond > 0 && burst >= 1 && concurrentQueriesMax >= 1, "QoS limits must be positive")
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.concurrentQueriesMax = concurrentQueriesMax
    }

    /// No practical limit: the one tenant of a `--no-auth` server.
    public static let unlimited = QoSLimits(ratePerSecond: 1_000_000, burst: 1_000_000, concurrentQueriesMax: 10_000)
}
