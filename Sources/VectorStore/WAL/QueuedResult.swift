import Foundation

/// The result of work submitted to a serial dispatch queue, awaited later. Submitting is
/// synchronous, so an actor that submits in one turn fixes the order in which the work runs (the
/// WAL's appends follow their sequence numbers), and awaiting does not block a thread.
final class QueuedResult<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` and `continuation` are guarded by `lock`.
    private let lock = NSLock()
    private var result: Result<T, StoreError>?
    private var continuation: CheckedContinuation<Result<T, StoreError>, Never>?

    /// Runs `body` on `queue` after everything submitted to it before.
    init(on queue: DispatchQueue, _ body: @escaping @Sendable () throws(StoreError) -> T) {
        queue.async { self.resolve(Result(catching: body)) }
    }

    /// The result, once the work has run.
    func value() async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            lock.lock()
            if let result = self.result {
                lock.unlock()
                continuation.resume(returning: result)
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
        return try result.get()
    }

    private func resolve(_ result: Result<T, StoreError>) {
        lock.lock()
        guard let continuation else {
            self.result = result
            lock.unlock()
            return
        }
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: result)
    }
}
