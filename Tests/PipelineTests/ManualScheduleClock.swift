import Foundation
import Pipeline
import Synchronization

/// A wall clock that only moves when the test says so: `sleep(until:)` suspends until `advance(to:)`
/// reaches the deadline (or returns at once when it already has), so a scheduler's ticks happen at
/// exactly the instants its cron computes, however slow the machine.
final class ManualScheduleClock: ScheduleClock {
    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [UInt64: Sleeper] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    init(start: Date) { state = Mutex(State(now: start)) }

    var now: Date { state.withLock { $0.now } }

    func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = state.withLock { state in
                    if Task.isCancelled || deadline <= state.now { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow {
                    if Task.isCancelled {
                        continuation.resume(throwing: CancellationError())
                    } else {
                        continuation.resume()
                    }
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock to `date` (never back) and wakes every sleeper whose deadline it reached.
    func advance(to date: Date) {
        let woken: [Sleeper] = state.withLock { state in
            state.now = max(state.now, date)
            let due = state.sleepers.filter { $0.value.deadline <= state.now }
            for id in due.keys { state.sleepers[id] = nil }
            return Array(due.values)
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}

/// A `ScheduleObserver` whose events a test awaits in order.
final class ScheduleEvents: ScheduleObserver {
    enum Event: Sendable {
        case sleeping(Date)
        case tick(TickReport?, PipelineError?)
    }

    let stream: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Event.self) }

    func tickFinished(at instant: Date, report: TickReport?, error: PipelineError?) async {
        continuation.yield(.tick(report, error))
    }

    func sleeping(until instant: Date) async { continuation.yield(.sleeping(instant)) }

    func finish() { continuation.finish() }
}
