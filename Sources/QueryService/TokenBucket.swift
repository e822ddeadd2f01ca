/// The rate limit of one tenant as a pure state machine: a bucket of `burst` tokens refilled at
/// `ratePerSecond`; each request takes one token or is refused with the time until one is there.
///
/// Time is given, never read: `now` is the time since any fixed origin, so tests drive it.
/// Invariant: `0 <= tokens <= burst`; time going backwards refills nothing.
public struct TokenBucket: Sendable, Hashable {
    /// What a request gets.
    public enum Decision: Sendable, Hashable {
        case admitted
        /// Refused: a token is back after `retryAfter`.
        case limited(retryAfter: Duration)
    }

    public let ratePerSecond: Double
    public let burst: Int
    public private(set) var tokens: Double
    private var refilledAt: Duration

    /// A full bucket at `now`.
    public init(ratePerSecond: Double, burst: Int, now: Duration) {
        precondition(ratePerSecond > 0 && burst >= 1, "a token bucket needs a positive rate and burst")
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        tokens = Double(burst)
        refilledAt = now
    }

    /// Takes a token at `now`, or says how long until one is there.
    public mutating func take(at now: Duration) -> Decision {
        refill(at: now)
        if tokens >= 1 {
            tokens -= 1
            return .admitted
        }
        let seconds = (1 - tokens) / ratePerSecond
        return .limited(retryAfter: .nanoseconds(Int64((seconds * 1e9).rounded(.up))))
    }

    private mutating func refill(at now: Duration) {
        guard now > refilledAt else { return }
        tokens = min(Double(burst), tokens + (now - refilledAt) / .seconds(1) * ratePerSecond)
        refilledAt = now
    }
}
