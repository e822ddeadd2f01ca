import Foundation
import SECModel

/// When to retry an embeddings request: a pure policy, so tests drive it without sleeping.
///
/// 429 and 5xx answers and transport failures are retried with exponential backoff
/// (`baseDelay × 2^(attempt-1)`, capped at `maxDelay`); a `Retry-After` of whole seconds replaces
/// the backoff when it is longer, capped at `retryAfterMax`. Other statuses are permanent.
public struct EmbeddingRetryPolicy: Sendable, Hashable {
    /// Attempts in total, first included.
    public var attemptsMax: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Longest `Retry-After` honoured; a server asking for longer is waited on for this long.
    public var retryAfterMax: Duration

    public init(
        attemptsMax: Int = 6,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        retryAfterMax: Duration = .seconds(120)
    ) {
        self.attemptsMax = max(1, attemptsMax)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.retryAfterMax = retryAfterMax
    }

    /// Whether an HTTP status is worth retrying.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status)
    }

    /// The wait before attempt `attempt + 1` after attempt `attempt` (1-based) failed in a retryable
    /// way, or `nil` when the attempts are used up.
    ///
    /// - Parameter retryAfter: the response's `Retry-After` value, if any (delta-seconds; an HTTP
    ///   date is ignored and the backoff used).
    public func delay(afterAttempt attempt: Int, retryAfter: String?) -> Duration? {
        guard attempt < attemptsMax else { return nil }
        let backoff = Backoff.exponential(base: baseDelay, attempt: attempt, ceiling: maxDelay)
        if let retryAfter, let seconds = Int(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return max(backoff, min(.seconds(seconds), retryAfterMax))
        }
        return backoff
    }
}
