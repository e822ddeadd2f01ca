import Synchronization

/// A clock whose time only moves when a task sleeps: `sleep(until:)` advances it to the deadline
/// (if later) at once. A limiter driven by it grants at exactly the instants its state machine
/// computes, however loaded the machine is, so tests assert on those instants instead of wall time.
final class VirtualClock: Clock, Sendable {
    private let current = Mutex(TestInstant(offset: .zero))

    var now: TestInstant { current.withLock { $0 } }
    var minimumResolution: Duration { .nanoseconds(1) }

    func sleep(until deadline: TestInstant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        current.withLock { now in now = max(now, deadline) }
        await Task.yield()
    }
}
