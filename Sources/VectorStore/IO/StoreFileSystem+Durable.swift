/// The durable-write mechanism of the store, one implementation over any `StoreFileSystem`. Every
/// `fsync` and directory `fsync` of the store outside the WAL is here (docs/concurrency.md,
/// "Durability"); the WAL's are in `WALWriter` and `GroupCommit`.
extension StoreFileSystem {
    /// Replaces `path` with `bytes` atomically and durably: write `path.tmp`, `fsync` it, `rename` it
    /// over `path`, `fsync` the directory. A crash leaves either the old or the new file, never a mix.
    func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let temporary = path + ".tmp"
        try writeSynced(temporary, with: bytes)
        try renameDurably(temporary, to: path)
    }

    /// Creates or truncates `path` and writes `bytes`, `fsync`ed; the directory entry is not synced
    /// (the caller renames or links the file, then syncs the directory).
    func writeSynced(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let file = try self.openForWriting(path, mode: .createOrTruncate)
        defer { file.close() }
        try file.write(bytes[...], atOffset: 0)
        try file.sync()
    }

    /// Writes `bytes` into the existing file `path` at `offsetBytes` (an append, when it is the
    /// file's end) and `fsync`s it: durable when it returns (the file's entry already is).
    func writeSynced(_ path: String, with bytes: [UInt8], atOffset offsetBytes: Int) throws(StoreError) {
        let file = try self.openForWriting(path, mode: .existing)
        defer { file.close() }
        try file.write(bytes[...], atOffset: offsetBytes)
        try file.sync()
    }

    /// Shrinks the existing file `path` to `sizeBytes` and `fsync`s it (a torn tail cut off for good).
    func truncateSynced(_ path: String, toBytes sizeBytes: Int) throws(StoreError) {
        let file = try self.openForWriting(path, mode: .existing)
        defer { file.close() }
        try file.truncate(toBytes: sizeBytes)
        try file.sync()
    }

    /// Creates `path` (which must not exist) holding `bytes`, durable with its directory entry.
    func createDurably(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let file = try self.openForWriting(path, mode: .createNew)
        defer { file.close() }
        try file.write(bytes[...], atOffset: 0)
        try finishDurably(file)
    }

    /// Makes a new file durable: `fsync` of its bytes, then of its directory entry.
    func finishDurably(_ file: any StoreFile) throws(StoreError) {
        try file.sync()
        try self.syncDirectory(Self.directory(of: file.path))
    }

    /// Renames `path` over `newPath` (atomic) and makes the change durable (directory `fsync`).
    func renameDurably(_ path: String, to newPath: String) throws(StoreError) {
        try self.rename(path, to: newPath)
        try self.syncDirectory(Self.directory(of: newPath))
    }

    /// Gives the file at `existing` a second name `path` (a hard link; a stale `path` is replaced) and
    /// makes the new entry durable. The bytes are shared, so nothing is copied or `fsync`ed again.
    func linkDurably(_ existing: String, as path: String) throws(StoreError) {
        if self.fileExists(path) { try self.remove(path) }
        try self.link(existing, as: path)
        try self.syncDirectory(Self.directory(of: path))
    }

    /// Removes the files `paths` (all in one directory; missing ones are fine), in order, then makes
    /// the removals durable (one directory `fsync`).
    func removeDurably(_ paths: [String]) throws(StoreError) {
        guard let first = paths.first else { return }
        for path in paths { try self.remove(path) }
        try self.syncDirectory(Self.directory(of: first))
    }

    /// Creates the directory `path` and any missing parents, each durably (its parent `fsync`ed).
    func createDirectoryDurably(_ path: String) throws(StoreError) {
        let parent = Self.directory(of: path)
        if !parent.isEmpty, parent != path, !self.fileExists(parent) { try createDirectoryDurably(parent) }
        if try self.createDirectory(path) { try self.syncDirectory(parent) }
    }

    /// The directory part of `path` (`/a/b/c` → `/a/b`; `/a` → `/`).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
