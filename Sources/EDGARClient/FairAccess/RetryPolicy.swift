import SECModel

/// How one HTTP exchange ended, as far as retrying is concerned.
public enum ExchangeOutcome: Equatable, Sendable {
    /// 2xx with a body that is not a throttle page, or 304.
    case success
    /// 429, 403, or a throttle page (any status). `retryAfter` is the server's `Retry-After`.
    case throttled(retryAfter: Duration?)
    /// 5xx, 408, a timeout, a reset connection or a body shorter than its `Content-Length`.
    case transient(reason: String)
    /// Any other status (404, 400, …): retrying cannot help.
    case permanent(status: Int)
}

/// The retry decision for one exchange: a pure function of the outcome, the attempt counts and a
/// seeded random generator, so tests replay any schedule from its seed.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request for transient failures, the first included.
    public var attemptsMax: Int
    /// Backoff before the second attempt; doubles each attempt.
    public var backoffBase: Duration
    /// Upper bound of one backoff.
    public var backoffMax: Duration
    /// Cool-down after a throttle (the SEC blocks for ten minutes).
    public var coolDown: Duration
    /// Throttles tolerated per request before it fails with `EDGARError.Code.throttled`.
    public var throttlesMax: Int

    public init(
        attemptsMax: Int = 5,
        backoffBase: Duration = .milliseconds(500),
        backoffMax: Duration = .seconds(30),
        coolDown: Duration = .seconds(600),
        throttlesMax: Int = 3
    ) {
        self.attemptsMax = max(1, attemptsMax)
        self.backoffBase = backoffBase
        self.backoffMax = backoffMax
        self.coolDown = coolDown
        self.throttlesMax = max(0, throttlesMax)
    }

    /// What to do after an exchange.
    public enum Decision: Equatable, Sendable {
        case done
        /// Stop every request for this long (a global cool-down), then retry.
        case coolDownThenRetry(Duration)
        /// Retry this request after this backoff.
        case retry(after: Duration)
        /// Give up with this error code.
        case fail(EDGARError.Code)
    }

    /// Decides after an exchange.
    ///
    /// - Parameters:
    ///   - attempt: 1-based number of the attempt that just ended, counting transient failures only.
    ///   - throttles: throttles seen for this request, the current one included.
    ///   - random: the seeded generator that draws the jitter.
    public func decide<R: RandomNumberGenerator>(
        after outcome: ExchangeOutcome,
        attempt: Int,
        throttles: Int,
        random: inout R
    ) -> Decision {
        switch outcome {
        case .success:
            return .done
        case .permanent:
            return .fail(.httpStatus)
        case .throttled(let retryAfter):
            guard throttles <= throttlesMax else { return .fail(.throttled) }
            if let retryAfter, retryAfter > coolDown { return .coolDownThenRetry(retryAfter) }
            return .coolDownThenRetry(coolDown)
        case .transient:
            guard attempt < attemptsMax else { return .fail(.retriesExhausted) }
            return .retry(after: backoff(attempt: attempt, random: &random))
        }
    }

    /// "Equal jitter" backoff: half of `min(max, base × 2^(attempt-1))` plus a uniform random share
    /// of the other half, so retries of concurrent requests spread out but never come too soon.
    public func backoff<R: RandomNumberGenerator>(attempt: Int, random: inout R) -> Duration {
        Backoff.equalJitter(base: backoffBase, attempt: attempt, ceiling: backoffMax, random: &random)
    }
}
