import Synchronization

/// A value computed at most once, on first use, by whichever thread asks first; the others wait for
/// it. A failure is kept too: a corrupt block stays reported as corrupt, it is not re-read.
final class LazyValue<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, StoreError>?>(nil)

    init() {}

    /// The value, computing it with `make` the first time.
    func value(_ make: () throws(StoreError) -> Value) throws(StoreError) -> Value {
        try state.withLock { (slot) throws(StoreError) -> Value in
            if let slot { return try slot.get() }
            let result = Result<Value, StoreError>(catching: make)
            slot = result
            return try result.get()
        }
    }

    /// The value when it was computed successfully already; never computes it.
    var cached: Value? { state.withLock { slot in try? slot?.get() } }
}
