/// Appends framed records to the newest WAL file and makes them durable per the `FsyncPolicy`.
///
/// Owned by the collection's writer actor (not thread-safe on its own); the writes and `fsync`s run
/// off the cooperative pool, in `GroupCommit`.
final class WALWriter: @unchecked Sendable {
    // @unchecked: mutated only by its owning actor; `waitDurable`, which may run while the actor
    // serves other calls, reads only the immutable `policy` and the thread-safe `commit`.
    private(set) var path: String
    private(set) var fileNumber: UInt64
    private let policy: StoreOptions.FsyncPolicy
    private let commit: GroupCommit
    private let fileSystem: any StoreFileSystem

    /// Opens an existing WAL file for appending after truncating it to `validBytes` (dropping a torn
    /// tail), or creates it with its file header when `validBytes` is `nil` or smaller than the header.
    init(
        path: String,
        fileNumber: UInt64,
        validBytes: Int?,
        policy: StoreOptions.FsyncPolicy,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) {
        self.path = path
        self.fileNumber = fileNumber
        self.policy = policy
        self.fileSystem = fileSystem
        let (file, endOffset) = try Self.open(path: path, validBytes: validBytes, fileSystem: fileSystem)
        commit = GroupCommit(file: file, endOffset: endOffset)
    }

    deinit { commit.closeFile() }

    /// Whether every record appended so far is durable (an `fsync` covering it has finished).
    var isDurable: Bool { commit.isDurable }

    /// Queues one record for appending (written off the cooperative pool, in the order of the
    /// calls); its value is the ticket to pass to `waitDurable` before acknowledging the record.
    /// The value throws `StoreError.io` when the write fails (the file is truncated back to the
    /// record's start and the log is poisoned) or an earlier write or `fsync` failed.
    func append(_ record: [UInt8]) -> QueuedResult<UInt64> {
        guard case .interval(let interval) = policy else { return commit.append(record, backgroundSyncAfter: nil) }
        return commit.append(record, backgroundSyncAfter: interval)
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

    /// Starts a new, empty WAL file; appends submitted after this call go there. The old file is
    /// `fsync`ed first, so only the newest file can end in a torn write. Call it with no append in
    /// flight whose record must go to the old file. The value throws when the old file's `fsync` or
    /// the new file's creation fails (the log is then poisoned).
    func rotate(to newPath: String, fileNumber newNumber: UInt64) -> QueuedResult<Void> {
        let fileSystem = self.fileSystem
        path = newPath
        fileNumber = newNumber
        return commit.switchFile { () throws(StoreError) in
            try Self.open(path: newPath, validBytes: nil, fileSystem: fileSystem)
        }
    }

    /// The truncation of a torn tail is not `fsync`ed here: the next `fsync` of this file covers it,
    /// and one always comes before the file stops being the newest (group commit, or `rotate`), so
    /// until then a torn tail that reappears after power loss is dropped again.
    private static func open(
        path: String,
        validBytes: Int?,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) -> (any StoreFile, Int) {
        if let validBytes, validBytes >= WALRecord.fileHeaderBytes {
            let file = try fileSystem.openForWriting(path, mode: .existing)
            do {
                if try file.size() > validBytes { try file.truncate(toBytes: validBytes) }
            } catch {
                file.close()
                throw error
            }
            return (file, validBytes)
        }
        try fileSystem.remove(path)
        try fileSystem.createDurably(path, with: WALRecord.fileHeader())
        return (try fileSystem.openForWriting(path, mode: .existing), WALRecord.fileHeaderBytes)
    }
}
