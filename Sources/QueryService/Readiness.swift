import Synchronization

/// Whether the server is ready (`/readyz`): set once every tenant's collections are open (their
/// manifests loaded and recovered), cleared when shutdown starts.
public final class Readiness: Sendable {
    private let ready = Atomic<Bool>(false)

    public init() {}

    public var isReady: Bool { ready.load(ordering: .acquiring) }

    public func set(_ value: Bool) { ready.store(value, ordering: .releasing) }
}
