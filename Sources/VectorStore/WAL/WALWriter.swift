import Glibc

/// Appends framed records to the newest WAL file and makes them durable per the `FsyncPolicy`.
///
/// Owned by the collection's writer actor (not thread-safe on its own); only the `fsync`s run
/// elsewhere, in `GroupCommit`.
final class WALWriter: @unchecked Sendable {
    // @unchecked: mutated only by its owning actor; `waitDurable`, which may run while the actor
    // serves other calls, reads only the immutable `policy` and the thread-safe `commit`.
    private(set) var path: String
    private(set) var fileNumber: UInt64
    private var descriptor: Int32
    private let policy: StoreOptions.FsyncPolicy
    private let commit: GroupCommit

    /// Opens an existing WAL file for appending after truncating it to `validBytes` (dropping a torn
    /// tail), or creates it with its file header when `validBytes` is `nil` or smaller than the header.
    init(
        path: String,
        fileNumber: UInt64,
        validBytes: Int?,
        policy: StoreOptions.FsyncPolicy
    ) throws(StoreError) {
        self.path = path
        self.fileNumber = fileNumber
        self.policy = policy
        descriptor = try Self.open(path: path, validBytes: validBytes)
        commit = GroupCommit(descriptor: descriptor, path: path)
    }

    deinit { commit.closeFile() }

    /// Appends one record. Call `waitDurable` with the returned ticket before acknowledging it.
    ///
    /// - Throws: `StoreError.io` when the write fails (the file is truncated back to the record's
    ///   start) or an earlier `fsync` failed.
    func append(_ record: [UInt8]) throws(StoreError) -> UInt64 {
        if let failure = commit.poisoned { throw failure }
        let start = lseek(descriptor, 0, SEEK_END)
        do {
            try StoreFiles.writeAll(descriptor, record, path: path)
        } catch {
            _ = ftruncate(descriptor, start)
            throw error
        }
        let ticket = commit.noteWritten()
        if case .interval(let interval) = policy { commit.scheduleBackgroundSync(after: interval) }
        return ticket
    }

    /// Returns when the record with `ticket` is durable as the policy defines it: after an `fsync`
    /// for `.everyBatch`, at once for `.interval` (the background `fsync` follows).
    func waitDurable(_ ticket: UInt64) async throws(StoreError) {
        switch policy {
        case .everyBatch: try await commit.waitDurable(ticket)
        case .interval:
            if let failure = commit.poisoned { throw failure }
        }
    }

    /// Starts a new, empty WAL file; later appends go there. The old file is `fsync`ed and closed in
    /// the background (a flush makes its contents durable in a segment anyway).
    func rotate(to newPath: String, fileNumber newNumber: UInt64) throws(StoreError) {
        let newDescriptor = try Self.open(path: newPath, validBytes: nil)
        commit.switchFile(descriptor: newDescriptor, path: newPath)
        descriptor = newDescriptor
        path = newPath
        fileNumber = newNumber
    }

    private static func open(path: String, validBytes: Int?) throws(StoreError) -> Int32 {
        if let validBytes, validBytes >= WALRecord.fileHeaderBytes {
            let descriptor = Glibc.open(path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { throw StoreFiles.ioError("open", path) }
            let size = lseek(descriptor, 0, SEEK_END)
            if size > off_t(validBytes) {
                guard ftruncate(descriptor, off_t(validBytes)) == 0, fsync(descriptor) == 0 else {
                    close(descriptor)
                    throw StoreFiles.ioError("truncate", path)
                }
            }
            return descriptor
        }
        try StoreFiles.remove(path)
        try StoreFiles.createDurably(path, with: WALRecord.fileHeader())
        let descriptor = Glibc.open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreFiles.ioError("open", path) }
        return descriptor
    }
}
