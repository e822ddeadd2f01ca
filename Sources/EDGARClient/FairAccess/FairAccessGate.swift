import Logging
import SECModel

/// The I/O shell around `RateLimiterState`: one per process, shared by every task, sleeping on an
/// injected clock so tests control time.
public actor FairAccessGate<C: Clock> where C.Duration == Duration {
    private var state: RateLimiterState<C.Instant>
    private var random: SeededRandom
    private let clock: C
    private let logger: Logger
    /// Number of cool-downs started; for tests and the fetch summary.
    public private(set) var coolDownCount = 0
    /// Number of grants; for tests and benchmarks.
    public private(set) var grantCount = 0

    /// - Parameters:
    ///   - ratePerSecond: the configured rate (validated by `EDGARClientConfiguration`).
    ///   - seed: seeds the backoff jitter.
    public init(ratePerSecond: Double, marginFraction: Double = 0.05, seed: UInt64, clock: C, logger: Logger) {
        self.state = RateLimiterState(ratePerSecond: ratePerSecond, marginFraction: marginFraction)
        self.random = SeededRandom(seed: seed)
        self.clock = clock
        self.logger = logger
    }

    /// Waits until a request may be sent, then records the grant.
    ///
    /// - Returns: the instant of the grant on the gate's clock (what tests check the spacing of).
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    @discardableResult
    public func acquire() async throws -> C.Instant {
        while true {
            let now = clock.now
            switch state.acquire(now: now) {
            case .proceed:
                grantCount += 1
                return now
            case .wait(let until):
                try await clock.sleep(until: until, tolerance: nil)
            }
        }
    }

    /// Stops every request for `duration` because EDGAR throttled `url`, and says so loudly.
    public func coolDown(for duration: Duration, url: String, status: Int) {
        let wasCooling = state.isCoolingDown(now: clock.now)
        state.startCoolDown(now: clock.now, duration: duration)
        guard !wasCooling else { return }
        coolDownCount += 1
        logger.critical(
            "EDGAR throttled this client; pausing ALL requests",
            metadata: ["url": "\(url)", "status": "\(status)", "coolDown": "\(duration)"]
        )
    }

    /// Sleeps on the injected clock (a retry backoff).
    public func sleep(for delay: Duration) async throws {
        try await clock.sleep(until: clock.now.advanced(by: delay), tolerance: nil)
    }

    /// Draws a decision with the seeded generator.
    func decide(policy: RetryPolicy, outcome: ExchangeOutcome, attempt: Int, throttles: Int) -> RetryPolicy.Decision {
        policy.decide(after: outcome, attempt: attempt, throttles: throttles, random: &random)
    }
}
