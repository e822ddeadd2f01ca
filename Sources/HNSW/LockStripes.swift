import Glibc

/// A fixed array of pthread mutexes; node `i` is guarded by stripe `i % count`. A thread never holds
/// two stripes at once, so striping cannot deadlock.
final class LockStripes: @unchecked Sendable {
    private let mutexes: UnsafeMutablePointer<pthread_mutex_t>
    private let count: Int

    init(count: Int) {
        self.count = count
        mutexes = .allocate(capacity: count)
        for index in 0..<count { pthread_mutex_init(mutexes + index, nil) }
    }

    deinit {
        for index in 0..<count { pthread_mutex_destroy(mutexes + index) }
        mutexes.deallocate()
    }

    @inline(__always)
    func lock(_ node: Int) { pthread_mutex_lock(mutexes + node % count) }

    @inline(__always)
    func unlock(_ node: Int) { pthread_mutex_unlock(mutexes + node % count) }

    @inline(__always)
    func withLock<T>(_ node: Int, _ body: () throws -> T) rethrows -> T {
        lock(node)
        defer { unlock(node) }
        return try body()
    }
}
