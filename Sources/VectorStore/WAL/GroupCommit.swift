import Dispatch
import Foundation

/// The WAL file's writes and `fsync`s, off the Swift cooperative pool. Appends run one at a time on
/// a serial dispatch queue, in the order they are submitted; `fsync`s run on another, so appends go
/// on while one runs. Group commit: writers append, then wait for an `fsync` that covers their
/// record; while one `fsync` runs, every record appended meanwhile waits for the next one, so
/// concurrent writers share `fsync`s instead of queueing one each.
///
/// After a failed write or `fsync` the log is poisoned (after a failed `fsync` the kernel may have
/// dropped the dirty pages — "fsyncgate"; after a failed write the next record's sequence would not
/// follow the file's): every later append and wait fails with the same error until the collection
/// is reopened.
final class GroupCommit: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let appendQueue = DispatchQueue(label: "vectordb.wal.append")
    private let syncQueue = DispatchQueue(label: "vectordb.wal.fsync")
    private var file: any StoreFile
    /// The end of the valid records in `file`: the next append's offset.
    private var endOffset: Int
    /// Tickets count appended records; `durable` is the highest one covered by a finished `fsync`.
    private var written: UInt64 = 0
    private var durable: UInt64 = 0
    private var syncing = false
    private var backgroundSyncScheduled = false
    private var waiters: [(ticket: UInt64, continuation: CheckedContinuation<StoreError?, Never>)] = []
    private var failure: StoreError?

    init(file: any StoreFile, endOffset: Int) {
        self.file = file
        self.endOffset = endOffset
    }

    /// Whether every record appended so far is covered by a finished `fsync` (tests of the
    /// `.interval` policy wait for it).
    var isDurable: Bool { lock.withLock { durable >= written } }

    /// The sticky failure of an earlier write or `fsync`, if any.
    var poisoned: StoreError? { lock.withLock { failure } }

    /// Appends one record at the end of the file (on the append queue, after every append and
    /// rotation submitted before); returns its ticket. A failed write is cut off again (truncated)
    /// and poisons the log. With `backgroundSyncAfter`, a background `fsync` follows that long after
    /// the record was written (`scheduleBackgroundSync`).
    func append(_ record: [UInt8], backgroundSyncAfter interval: Duration?) -> QueuedResult<UInt64> {
        QueuedResult(on: appendQueue) { () throws(StoreError) in
            let (file, start) = try self.current()
            do throws(StoreError) {
                try file.write(record[...], atOffset: start)
            } catch {
                try? file.truncate(toBytes: start)
                self.poison(error)
                throw error
            }
            let ticket = self.lock.withLock {
                self.endOffset = start + record.count
                self.written += 1
                return self.written
            }
            if let interval { self.scheduleBackgroundSync(after: interval) }
            return ticket
        }
    }

    /// Switches to `newFile` (log rotation), on the append queue, so appends submitted before land in
    /// the old file and later ones in the new: first the old file is `fsync`ed (a file that is no
    /// longer the newest must be whole: `WALReader`), then `makeFile` creates the new one. The old
    /// descriptor is closed on the fsync queue, after any `fsync` already running on it.
    func switchFile(
        to makeFile: @escaping @Sendable () throws(StoreError) -> (any StoreFile, Int)
    ) -> QueuedResult<Void> {
        QueuedResult(on: appendQueue) { () throws(StoreError) in
            let (old, _) = try self.current()
            let target = self.lock.withLock { self.written }
            do throws(StoreError) {
                try old.sync()
                let (newFile, endOffset) = try makeFile()
                self.lock.withLock {
                    self.file = newFile
                    self.endOffset = endOffset
                    self.durable = max(self.durable, target)
                }
            } catch {
                self.poison(error)
                throw error
            }
            self.syncQueue.async { old.close() }
        }
    }

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
        syncQueue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            let (file, target) = lock.withLock {
                backgroundSyncScheduled = false
                return (self.file, written)
            }
            finish(target: target, error: Self.sync(file), foreground: false)
        }
    }

    /// Closes the current file on the fsync queue.
    func closeFile() {
        let file = lock.withLock { self.file }
        syncQueue.async { file.close() }
    }

    private func startSyncLocked() {
        syncing = true
        let file = self.file
        let target = written
        syncQueue.async { [self] in finish(target: target, error: Self.sync(file), foreground: true) }
    }

    private static func sync(_ file: any StoreFile) -> StoreError? {
        do {
            try file.sync()
            return nil
        } catch {
            return error
        }
    }

    /// The current file and its end, unless the log is poisoned.
    private func current() throws(StoreError) -> (any StoreFile, Int) {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        return (file, endOffset)
    }

    private func poison(_ error: StoreError) {
        lock.withLock {
            if failure == nil {
                failure = StoreError(
                    code: error.code,
                    message: error.message + "; reopen the collection",
                    file: error.file
                )
            }
        }
    }

    private func finish(target: UInt64, error: StoreError?, foreground: Bool) {
        if let error { poison(error) }
        lock.lock()
        if error == nil { durable = max(durable, target) }
        var ready: [CheckedContinuation<StoreError?, Never>] = []
        waiters.removeAll { waiter in
            guard self.failure != nil || waiter.ticket <= durable else { return false }
            ready.append(waiter.continuation)
            return true
        }
        if foreground {
            syncing = false
            if !waiters.isEmpty { startSyncLocked() }
        }
        let outcome = self.failure
        lock.unlock()
        for continuation in ready { continuation.resume(returning: outcome) }
    }
}
