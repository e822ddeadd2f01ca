import Synchronization

/// A request to stop, set once (by a graceful shutdown) and read by the work that honours it.
public final class StopSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    /// Whether a stop was requested.
    public var isRequested: Bool { requested.load(ordering: .acquiring) }

    /// Requests the stop; idempotent.
    public func request() { requested.store(true, ordering: .releasing) }
}
