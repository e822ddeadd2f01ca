/// The concurrent-query cap of one tenant as a pure state machine: at most `max` holders at once.
///
/// Invariant: `0 <= active <= max`; every successful `acquire()` is paired with one `release()`.
public struct ConcurrencyLimit: Sendable, Hashable {
    public let max: Int
    public private(set) var active = 0

    public init(max: Int) {
        precondition(max >= 1, "a concurrency limit needs at least one slot")
        self.max = max
    }

    /// Takes a slot; `false` (nothing taken) when all `max` are held.
    public mutating func acquire() -> Bool {
        guard active < max else { return false }
        active += 1
        return true
    }

    /// Gives back a slot taken by `acquire()`.
    public mutating func release() {
        precondition(active > 0, "release() without a matching acquire()")
        active -= 1
    }
}
