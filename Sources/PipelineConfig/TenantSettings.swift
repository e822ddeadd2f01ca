/// One `[[tenant]]` of the service configuration: who it is, the SHA-256 hashes of its API keys,
/// and its share of the service (requests per second with a burst, concurrent searches).
public struct TenantSettings: Sendable, Hashable {
    /// How a tenant is placed (`[routing.tenant_mapping] strategy = "TierBased"`).
    public enum Tier: String, Sendable, Hashable, CaseIterable {
        /// Served by shared nodes under QoS.
        case shared
        /// Pinned to dedicated nodes.
        case enterprise
    }

    /// 1-64 characters of `[a-z0-9_-]`: also its directory under the data directory.
    public var name: String
    /// SHA-256 of each API key, 64 lower-case hex digits (`printf %s KEY | sha256sum`).
    public var keySHA256: [String]
    /// Requests per second, sustained (token-bucket refill rate).
    public var ratePerSecond: Double
    /// Requests admitted at once on a full bucket.
    public var burst: Int
    /// Searches running at once; more are answered 429.
    public var concurrentQueriesMax: Int
    public var tier: Tier
    /// May read `/metrics` (every tenant's counters).
    public var isAdmin: Bool

    public init(
        name: String,
        keySHA256: [String],
        ratePerSecond: Double = 50,
        burst: Int = 100,
        concurrentQueriesMax: Int = 8,
        tier: Tier = .shared,
        isAdmin: Bool = false
    ) {
        self.name = name
        self.keySHA256 = keySHA256
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.concurrentQueriesMax = concurrentQueriesMax
        self.tier = tier
        self.isAdmin = isAdmin
    }
}
