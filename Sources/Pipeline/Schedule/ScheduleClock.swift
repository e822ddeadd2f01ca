import Foundation

/// The wall clock a scheduler reads and sleeps on: injected, so tests drive time (`ScheduleService`).
public protocol ScheduleClock: Sendable {
    /// The current wall-clock time.
    var now: Date { get }
    /// Returns once `now` has reached `deadline`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The system's wall clock. Sleeps in steps of at most `stepMax`, reading the wall clock after each,
/// so a clock set forward or back (NTP, a suspended machine) delays a tick by at most one step.
public struct SystemScheduleClock: ScheduleClock {
    /// The longest single sleep.
    public static let stepMax: Duration = .seconds(60)

    public init() {}

    public var now: Date { Date() }

    public func sleep(until deadline: Date) async throws {
        while true {
            let remaining = deadline.timeIntervalSince(Date())
            guard remaining > 0 else { return }
            let step = min(Duration.milliseconds(Int64((remaining * 1_000).rounded(.up))), Self.stepMax)
            try await Task.sleep(for: step)
        }
    }
}
