import Foundation

/// The wall clock of a store: write times and TTL expiry. Injected (`LocalStore(clock:)`) so tests
/// drive time.
public struct StoreClock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    /// The system clock.
    public static let system = StoreClock { Date() }

    var nowMs: UInt64 { Self.milliseconds(now()) }

    /// `date` in whole milliseconds since 1970 (rounded down; 0 before 1970): the store's time unit.
    public static func milliseconds(_ date: Date) -> UInt64 {
        UInt64(max(0, (date.timeIntervalSince1970 * 1_000).rounded(.down)))
    }
}
