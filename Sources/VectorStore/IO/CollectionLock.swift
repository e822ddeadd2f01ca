import Foundation
import Glibc

/// The writer lock of a collection directory: an exclusive `flock` on `{dir}/LOCK`, held for as
/// long as any `LocalCollection` of this process has the directory open for writing. The kernel
/// drops it when the process dies (also on SIGKILL), so a crash never leaves a stale lock.
///
/// Within one process, opens of the same directory share the lock (tests reopen a collection while
/// the first instance is idle); a second *process* gets `nil` and opens the collection read-only.
final class CollectionLock: Sendable {
    let path: String

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: (descriptor: Int32, holders: Int)] = [:]

    private init(path: String) { self.path = path }

    /// How long a busy lock is retried before the open falls back to read-only. A lock can look busy
    /// for a moment after this process released it: a child being spawned by another thread holds a
    /// copy of the descriptor until its `exec` closes it (`O_CLOEXEC`).
    static let busyRetries = 25
    static let busyRetryIntervalMicroseconds: UInt32 = 10_000

    /// Takes the lock, or returns `nil` when another process holds it.
    static func acquire(directory: String) throws(StoreError) -> CollectionLock? {
        let path = directory + "/LOCK"
        registryLock.lock()
        defer { registryLock.unlock() }
        if let held = registry[path] {
            registry[path] = (held.descriptor, held.holders + 1)
            return CollectionLock(path: path)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreFiles.ioError("open", path) }
        var attempt = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            if busy, attempt < busyRetries {
                attempt += 1
                usleep(busyRetryIntervalMicroseconds)
                continue
            }
            let error = StoreFiles.ioError("flock", path)
            close(descriptor)
            if busy { return nil }
            throw error
        }
        registry[path] = (descriptor, 1)
        return CollectionLock(path: path)
    }

    deinit {
        Self.registryLock.lock()
        defer { Self.registryLock.unlock() }
        guard let held = Self.registry[path] else { return }
        if held.holders > 1 {
            Self.registry[path] = (held.descriptor, held.holders - 1)
        } else {
            Self.registry[path] = nil
            close(held.descriptor)
        }
    }
}
