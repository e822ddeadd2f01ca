import Foundation

/// The writer lock of a collection directory: an exclusive lock on `{dir}/LOCK`
/// (`StoreFileSystem.lockExclusively`, `flock` on a real disk), held for as long as any
/// `LocalCollection` of this process has the directory open for writing. The kernel drops it when
/// the process dies (also on SIGKILL), so a crash never leaves a stale lock.
///
/// Within one process, opens of the same directory share the lock (tests reopen a collection while
/// the first instance is idle); a second *process* gets `nil` and opens the collection read-only.
final class CollectionLock: Sendable {
    let path: String

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [String: (lock: any StoreFileLock, holders: Int)] = [:]

    private init(path: String) { self.path = path }

    /// Takes the lock, or returns `nil` when another process holds it.
    static func acquire(directory: String, fileSystem: any StoreFileSystem) throws(StoreError) -> CollectionLock? {
        let path = directory + "/LOCK"
        registryLock.lock()
        defer { registryLock.unlock() }
        if let held = registry[path] {
            registry[path] = (held.lock, held.holders + 1)
            return CollectionLock(path: path)
        }
        guard let lock = try fileSystem.lockExclusively(path) else { return nil }
        registry[path] = (lock, 1)
        return CollectionLock(path: path)
    }

    deinit {
        Self.registryLock.lock()
        defer { Self.registryLock.unlock() }
        guard let held = Self.registry[path] else { return }
        if held.holders > 1 {
            Self.registry[path] = (held.lock, held.holders - 1)
        } else {
            Self.registry[path] = nil
            held.lock.unlock()
        }
    }
}
