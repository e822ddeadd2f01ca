/// The operating-system seam of the store (leveldb's `Env`): every file operation of a collection —
/// reading, creating, writing, `fsync`, renaming, linking, removing, listing, creating and `fsync`ing
/// directories, memory-mapping and the writer lock — goes through one value of this protocol, passed
/// to `LocalStore(fileSystem:)`. `POSIXFileSystem` is the real one; tests pass a simulated disk that
/// injects faults and power loss.
///
/// Calls block; the store makes them off the Swift cooperative pool (dispatch queues) except while it
/// opens a collection. Failures are `StoreError`s naming the file (`io` for environmental failures).
/// Paths are absolute. Nothing is durable by itself: a file's bytes are durable once
/// `StoreFile.sync()` returned, a directory entry (creation, rename, link, removal) once
/// `syncDirectory` of its directory returned (`StoreFileSystem+Durable` pairs them).
public protocol StoreFileSystem: Sendable {
    /// The whole file, or `nil` when it does not exist.
    func readFile(_ path: String) throws(StoreError) -> [UInt8]?

    /// Opens a file for writing (see `StoreFileOpenMode`); the caller closes it.
    func openForWriting(_ path: String, mode: StoreFileOpenMode) throws(StoreError) -> any StoreFile

    /// Renames `path` over `newPath` atomically (replacing it when it exists).
    func rename(_ path: String, to newPath: String) throws(StoreError)

    /// Gives the file at `existing` the second name `newPath`, which must not exist (a hard link).
    func link(_ existing: String, as newPath: String) throws(StoreError)

    /// Removes a file; a missing file is not an error.
    func remove(_ path: String) throws(StoreError)

    /// Creates the directory `path`; returns `false` when it existed already.
    func createDirectory(_ path: String) throws(StoreError) -> Bool

    /// Makes the entries of the directory `path` (creations, renames, links, removals) durable.
    func syncDirectory(_ path: String) throws(StoreError)

    /// The names of the entries of the directory `path`.
    func contentsOfDirectory(_ path: String) throws(StoreError) -> [String]

    /// Whether a file or directory exists at `path`.
    func fileExists(_ path: String) -> Bool

    /// Maps the whole file read-only (segments: vectors are used in place).
    func map(_ path: String) throws(StoreError) -> MappedFile

    /// Takes an exclusive lock on `path` (created when missing) that the operating system releases
    /// when the process dies; `nil` when another process holds it.
    func lockExclusively(_ path: String) throws(StoreError) -> (any StoreFileLock)?
}

/// How `StoreFileSystem.openForWriting` opens a file.
public enum StoreFileOpenMode: Sendable {
    /// Create the file, or truncate it to zero bytes when it exists.
    case createOrTruncate
    /// Create the file; fail when it exists.
    case createNew
    /// Open the existing file as it is; fail when it does not exist.
    case existing
}

/// A file open for writing. Used by one thread at a time (its owner serialises calls).
public protocol StoreFile: AnyObject, Sendable {
    /// The path it was opened with (for messages).
    var path: String { get }

    /// The file's size in bytes.
    func size() throws(StoreError) -> Int

    /// Writes every byte of `bytes` at `offsetBytes` (retrying short writes and interrupts);
    /// throws when the disk refuses (then part of the bytes may have been written).
    func write(_ bytes: ArraySlice<UInt8>, atOffset offsetBytes: Int) throws(StoreError)

    /// Shrinks the file to `sizeBytes`.
    func truncate(toBytes sizeBytes: Int) throws(StoreError)

    /// `fsync`: makes the file's bytes and size durable. After a failure the bytes written since the
    /// last successful sync may be lost even if a later sync succeeds ("fsyncgate").
    func sync() throws(StoreError)

    /// Closes the file; later calls fail.
    func close()
}

/// An exclusive lock taken by `StoreFileSystem.lockExclusively`, held until `unlock`.
public protocol StoreFileLock: AnyObject, Sendable {
    func unlock()
}
