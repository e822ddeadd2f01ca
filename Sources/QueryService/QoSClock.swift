/// The time the QoS state machines are given: the duration since the clock was made, read from an
/// injected `Clock` (`ContinuousClock` in the server, a manual clock in tests).
public struct QoSClock: Sendable {
    /// The time since this clock's origin.
    public let now: @Sendable () -> Duration

    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
    }

    /// The server's clock.
    public static var continuous: QoSClock { QoSClock(ContinuousClock()) }
}
