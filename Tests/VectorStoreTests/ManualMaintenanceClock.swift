import Foundation

@testable import VectorStore

/// A `MaintenanceClock` the test drives: a sleep advances virtual time at once and is recorded, or,
/// while the clock is held, suspends until `release()` — the gate that holds a compaction inside
/// its paced write. Cancelling a held sleep ends it with `CancellationError`, as `Task.sleep` does.
final class ManualMaintenanceClock: @unchecked Sendable {
    // @unchecked: every field is guarded by `lock`.
    private let lock = NSLock()
    private var current = Duration.zero
    private var recorded: [Duration] = []
    private var isHeld = false
    private var heldSleeps: [UUID: CheckedContinuation<Void, any Error>] = [:]
    private var heldWatchers: [CheckedContinuation<Void, Never>] = []

    var clock: MaintenanceClock {
        MaintenanceClock(now: { [self] in now }, sleep: { [self] in try await sleep($0) })
    }

    var now: Duration { lock.withLock { current } }
    /// Every pause asked for, in order.
    var pauses: [Duration] { lock.withLock { recorded } }

    /// Later sleeps suspend until `release()`.
    func hold() { lock.withLock { isHeld = true } }

    /// Ends every held sleep (advancing time by its duration) and stops holding.
    func release() {
        let sleeps = lock.withLock {
            isHeld = false
            defer { heldSleeps = [:] }
            return Array(heldSleeps.values)
        }
        for sleep in sleeps { sleep.resume() }
    }

    /// Returns once some sleep is held.
    func waitUntilHeld() async {
        await withCheckedContinuation { watcher in
            let ready = lock.withLock {
                if heldSleeps.isEmpty { heldWatchers.append(watcher) }
                return !heldSleeps.isEmpty
            }
            if ready { watcher.resume() }
        }
    }

    private func sleep(_ duration: Duration) async throws {
        let held = lock.withLock {
            recorded.append(duration)
            return isHeld
        }
        if held {
            let id = UUID()
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (sleep: CheckedContinuation<Void, any Error>) in
                    let watchers = lock.withLock {
                        heldSleeps[id] = sleep
                        defer { heldWatchers = [] }
                        return heldWatchers
                    }
                    for watcher in watchers { watcher.resume() }
                    if Task.isCancelled { cancel(id) }
                }
            } onCancel: {
                cancel(id)
            }
        }
        lock.withLock { current += duration }
    }

    private func cancel(_ id: UUID) {
        lock.withLock { heldSleeps.removeValue(forKey: id) }?.resume(throwing: CancellationError())
    }
}
