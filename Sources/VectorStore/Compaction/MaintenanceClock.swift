/// The monotonic clock background maintenance paces its I/O with
/// (`StoreOptions.compactionBytesPerSecond`). Injected (`LocalStore(maintenanceClock:)`) so tests
/// pace, and hold, a compaction without real sleeps.
public struct MaintenanceClock: Sendable {
    /// Time since a fixed, arbitrary origin; never decreases.
    public let now: @Sendable () -> Duration
    /// Suspends the calling task for a duration; throws `CancellationError` when the task is
    /// cancelled meanwhile (the collection is closing).
    public let sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// `ContinuousClock`: real time, real sleeps.
    public static let continuous: MaintenanceClock = {
        let origin = ContinuousClock.now
        return MaintenanceClock(
            now: { origin.duration(to: ContinuousClock.now) },
            sleep: { try await Task.sleep(for: $0) }
        )
    }()
}
