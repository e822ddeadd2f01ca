/// The global smooth rate limiter as a pure state machine: no clock, no sleeping, no locks.
///
/// Invariant: two grants are never closer than `interval`, where `interval = 1 s / rate × (1 +
/// marginFraction)`. Hence any window of one second holds at most `rate` grants, whatever the
/// number of concurrent callers, and there are no bursts after idle periods (an idle limiter
/// grants at once, then spaces the next grant by `interval`). The margin absorbs scheduling jitter
/// between the grant and the moment the request leaves the process, so the SEC, which measures on
/// its side, also never sees more than `rate` requests in a second.
///
/// During a cool-down (after EDGAR throttled the client) nothing is granted until it ends.
public struct RateLimiterState<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// What the caller must do next.
    public enum Action: Equatable, Sendable {
        /// Send the request now; the grant has been recorded.
        case proceed
        /// Sleep until this instant, then ask again.
        case wait(until: Instant)
    }

    /// Minimum spacing of two grants.
    public let interval: Duration
    /// Instant of the most recent grant.
    public private(set) var lastGrant: Instant?
    /// End of the current cool-down, if one was ever started.
    public private(set) var coolDownUntil: Instant?

    /// - Parameters:
    ///   - ratePerSecond: requests per second, in `0 < rate <= 10` (enforced by `FairAccessConfiguration`).
    ///   - marginFraction: extra spacing as a fraction of `1 s / rate` (default 0.05, i.e. 5 %: at rate 10 the spacing is 105 ms, so ten requests span 945 ms plus 50 ms of slack for client scheduling stalls; sustained 9.52 req/s).
    public init(ratePerSecond: Double, marginFraction: Double = 0.05) {
        precondition(ratePerSecond > 0, "rate must be positive")
        let nanos = 1_000_000_000.0 / ratePerSecond * (1 + max(0, marginFraction))
        self.interval = .nanoseconds(Int64(nanos.rounded(.up)))
    }

    /// Asks for permission to send one request at `now`.
    public mutating func acquire(now: Instant) -> Action {
        if let coolDownUntil, now < coolDownUntil { return .wait(until: coolDownUntil) }
        if let lastGrant {
            let earliest = lastGrant.advanced(by: interval)
            if now < earliest { return .wait(until: earliest) }
        }
        lastGrant = now
        return .proceed
    }

    /// Records that EDGAR throttled the client at `now`: nothing is granted for `duration`.
    ///
    /// A cool-down already running that ends later is kept (throttles never shorten it).
    /// - Returns: the instant the cool-down ends.
    @discardableResult
    public mutating func startCoolDown(now: Instant, duration: Duration) -> Instant {
        let end = now.advanced(by: duration)
        if let current = coolDownUntil, current > end { return current }
        coolDownUntil = end
        return end
    }

    /// `true` while a cool-down is running at `now`.
    public func isCoolingDown(now: Instant) -> Bool {
        guard let coolDownUntil else { return false }
        return now < coolDownUntil
    }
}
