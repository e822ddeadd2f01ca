import SECModel

/// When `S3ObjectStore` retries a request: a pure value, so tests replay any schedule from a seed.
///
/// Retried: `throttled` (503 SlowDown, 429), `transient` (other 5xx, timeouts, resets, bodies shorter
/// than declared) and `corruption` found in a response (a whole object whose MD5 is not its ETag:
/// refetched). Everything else is final at once. Backoff is "equal jitter": half of
/// `min(backoffMax, base × 2^(attempt-1))` plus a uniform share of the other half, with a larger
/// `throttleBackoffBase` after a throttle, so concurrent retries spread out.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts per request, the first included; at least 1.
    public var attemptsMax: Int
    /// Backoff before the second attempt after a transient failure; doubles per attempt.
    public var backoffBase: Duration
    /// Backoff before the second attempt after a throttle; doubles per attempt.
    public var throttleBackoffBase: Duration
    /// Upper bound of one backoff.
    public var backoffMax: Duration

    public init(
        attemptsMax: Int = 5,
        backoffBase: Duration = .milliseconds(50),
        throttleBackoffBase: Duration = .milliseconds(500),
        backoffMax: Duration = .seconds(10)
    ) {
        self.attemptsMax = max(1, attemptsMax)
        self.backoffBase = backoffBase
        self.throttleBackoffBase = throttleBackoffBase
        self.backoffMax = backoffMax
    }

    /// A policy that never retries.
    public static let none = RetryPolicy(attemptsMax: 1)

    /// What to do after a failed attempt.
    public enum Decision: Hashable, Sendable {
        case retry(after: Duration)
        case fail
    }

    /// Whether a failure of this code may go away on another attempt.
    public static func isRetryable(_ code: ObjectStoreError.Code) -> Bool {
        code == .throttled || code == .transient || code == .corruption
    }

    /// Decides after attempt number `attempt` (1-based) failed with `code`.
    public func decide<R: RandomNumberGenerator>(
        after code: ObjectStoreError.Code,
        attempt: Int,
        random: inout R
    ) -> Decision {
        guard Self.isRetryable(code), attempt < attemptsMax else { return .fail }
        let base = code == .throttled ? throttleBackoffBase : backoffBase
        return .retry(after: backoff(base: base, attempt: attempt, random: &random))
    }

    /// The jittered backoff after attempt `attempt`, in `[ceiling / 2, ceiling]`.
    public func backoff<R: RandomNumberGenerator>(base: Duration, attempt: Int, random: inout R) -> Duration {
        Backoff.equalJitter(base: base, attempt: attempt, ceiling: backoffMax, random: &random)
    }
}
