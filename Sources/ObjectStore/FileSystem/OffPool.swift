import Foundation

/// Runs blocking file work (`open`, `pread`, `fsync`, `flock`, `rename`) on a dispatch queue, off the
/// Swift cooperative thread pool, as the vector store's own `offload` does (VectorStore is built on
/// ObjectStore's layer, not below it, so that helper is not reachable from here).
enum OffPool {
    static func run<T: Sendable>(
        _ body: @escaping @Sendable () throws(ObjectStoreError) -> T
    ) async throws(ObjectStoreError) -> T {
        let result: Result<T, ObjectStoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result(catching: body)) }
        }
        return try result.get()
    }
}
