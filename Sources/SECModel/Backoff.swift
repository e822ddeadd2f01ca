/// Exponential backoff, the one implementation the HTTP clients' retry policies share (EDGAR,
/// object storage, embeddings).
public enum Backoff {
    /// `min(ceiling, base × 2^(attempt-1))` for the 1-based `attempt` that just failed.
    public static func exponential(base: Duration, attempt: Int, ceiling: Duration) -> Duration {
        let exponent = min(max(0, attempt - 1), 30)
        let uncapped = base * (1 << exponent)
        return uncapped > ceiling ? ceiling : uncapped
    }

    /// "Equal jitter": half of `exponential(base:attempt:ceiling:)` plus a uniform random share of
    /// the other half, drawn from `random` — so concurrent retries spread out but never come too soon.
    public static func equalJitter<R: RandomNumberGenerator>(
        base: Duration,
        attempt: Int,
        ceiling: Duration,
        random: inout R
    ) -> Duration {
        let half = exponential(base: base, attempt: attempt, ceiling: ceiling) / 2
        let halfNanos = max(0, half.components.seconds * 1_000_000_000 + half.components.attoseconds / 1_000_000_000)
        let jitter = halfNanos == 0 ? 0 : Int64.random(in: 0...halfNanos, using: &random)
        return half + .nanoseconds(jitter)
    }
}
