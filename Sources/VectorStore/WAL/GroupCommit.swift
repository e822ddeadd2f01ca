import Dispatch
import Foundation
import Glibc

/// Group commit for the WAL: writers append, then wait for an `fsync` that covers their record;
/// while one `fsync` runs, every record appended meanwhile waits for the next one, so concurrent
/// writers share `fsync`s instead of queueing one each.
///
/// `fsync` runs on a private serial dispatch queue, never on the Swift cooperative pool. After a
/// failed `fsync` the log is poisoned (the kernel may have dropped the dirty pages — "fsyncgate"):
/// every later wait fails with the same error until the collection is reopened.
final class GroupCommit: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "vectordb.wal.fsync")
    private var descriptor: Int32
    private var path: String
    /// Tickets count appended records; `durable` is the highest one covered by a finished `fsync`.
    private var written: UInt64 = 0
    private var durable: UInt64 = 0
    private var syncing = false
    private var backgroundSyncScheduled = false
    private var waiters: [(ticket: UInt64, continuation: CheckedContinuation<StoreError?, Never>)] = []
    private var failure: StoreError?

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Records that one more record was appended; returns its ticket.
    func noteWritten() -> UInt64 {
        lock.withLock {
            written += 1
            return written
        }
    }

    /// The sticky failure of an earlier `fsync`, if any.
    var poisoned: StoreError? { lock.withLock { failure } }

    /// Returns once an `fsync` covering `ticket` has finished.
    func waitDurable(_ ticket: UInt64) async throws(StoreError) {
        let error: StoreError? = await withCheckedContinuation { continuation in
            lock.lock()
            if let failure {
                lock.unlock()
                continuation.resume(returning: failure)
            } else if durable >= ticket {
                lock.unlock()
                continuation.resume(returning: nil)
            } else {
                waiters.append((ticket, continuation))
                if !syncing { startSyncLocked() }
                lock.unlock()
            }
        }
        if let error { throw error }
    }

    /// Schedules one background `fsync` of everything written so far, `delay` from now, unless one
    /// is already scheduled (the `.interval` fsync policy).
    func scheduleBackgroundSync(after delay: Duration) {
        lock.lock()
        defer { lock.unlock() }
        guard !backgroundSyncScheduled else { return }
        backgroundSyncScheduled = true
        let nanoseconds =
            Int(delay.components.seconds) * 1_000_000_000 + Int(delay.components.attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            lock.lock()
            backgroundSyncScheduled = false
            let fd = descriptor
            let target = written
            lock.unlock()
            let ok = fsync(fd) == 0
            finish(target: target, ok: ok, errorNumber: errno, foreground: false)
        }
    }

    /// Switches to a new file (log rotation). The old descriptor is closed on the fsync queue after
    /// any `fsync` already running on it, so it is never reused under a running `fsync`.
    func switchFile(descriptor newDescriptor: Int32, path newPath: String) {
        lock.lock()
        let old = descriptor
        descriptor = newDescriptor
        path = newPath
        lock.unlock()
        queue.async {
            _ = fsync(old)
            _ = Glibc.close(old)
        }
    }

    /// Closes the current descriptor on the fsync queue.
    func closeFile() {
        let fd = lock.withLock { descriptor }
        queue.async { _ = Glibc.close(fd) }
    }

    private func startSyncLocked() {
        syncing = true
        let fd = descriptor
        let target = written
        queue.async { [self] in
            let ok = fsync(fd) == 0
            finish(target: target, ok: ok, errorNumber: errno, foreground: true)
        }
    }

    private func finish(target: UInt64, ok: Bool, errorNumber: Int32, foreground: Bool) {
        lock.lock()
        if ok {
            durable = max(durable, target)
        } else if failure == nil {
            failure = StoreError(
                code: .io,
                message: "fsync failed: \(String(cString: strerror(errorNumber))); reopen the collection",
                file: path
            )
        }
        var ready: [CheckedContinuation<StoreError?, Never>] = []
        waiters.removeAll { waiter in
            guard failure != nil || waiter.ticket <= durable else { return false }
            ready.append(waiter.continuation)
            return true
        }
        if foreground {
            syncing = false
            if !waiters.isEmpty { startSyncLocked() }
        }
        let error = failure
        lock.unlock()
        for continuation in ready { continuation.resume(returning: error) }
    }
}
