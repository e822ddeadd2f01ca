import Foundation
import Glibc

/// An `ObjectStore` in a local directory — the embedded default: each object is the file
/// `root/key`, the store's own files live under `root/.objectstore/` (names no key can take).
///
/// Guarantees (docs/object-store.md, "File-system store"):
/// - A put writes a temporary file beside the target, records its ETag, `fsync`s it, moves it into
///   place with `rename` (unconditional, put-if-match) or `link` (put-if-absent) and `fsync`s the
///   directory: an acknowledged write survives a crash, a reader never sees a partial object.
/// - **Put-if-absent** is `link(2)`, which fails when the name exists: of any number of racing
///   writers, in any number of processes, exactly one creates the object.
/// - **Put-if-match** compares the stored ETag and renames while holding the key's lock stripe
///   (`KeyLocks`, `flock`), which every write of that key takes, so no write slips in between.
/// - **ETags** are MD5s (S3's, for single-part and multipart objects alike), recorded with the file
///   (`ETagRecord`); stable until the object is replaced.
///
/// Every blocking call runs off the cooperative pool (`OffPool`).
public struct FileSystemObjectStore: ObjectStore {
    /// The directory holding the objects.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    var rootPath: String { root.path }
    var internalDirectory: String { rootPath + "/.objectstore" }
    var locks: KeyLocks { KeyLocks(directory: internalDirectory + "/locks") }

    func files(for key: String) -> LocalFiles { LocalFiles(root: rootPath, key: key) }

    func path(of key: ObjectKey) -> String { rootPath + "/" + key.rawValue }

    public func get(_ key: ObjectKey, range: ByteRange?) async throws(ObjectStoreError) -> ObjectRead {
        let files = files(for: key.rawValue)
        let path = path(of: key)
        return try await OffPool.run { () throws(ObjectStoreError) -> ObjectRead in
            let descriptor = try files.openObject(path)
            defer { close(descriptor) }
            let size = try files.size(descriptor, path: path)
            let etag = try ETagRecord.read(descriptor: descriptor, sizeBytes: size, files: files, path: path)
            guard let range else {
                return ObjectRead(
                    bytes: try files.read(descriptor, offset: 0, count: size, path: path),
                    etag: etag,
                    objectSizeBytes: size
                )
            }
            guard range.offsetBytes < size else {
                throw files.failure(.badInput, "range \(range) starts at or past the end of \(size) bytes")
            }
            let count = min(range.lengthBytes, size - range.offsetBytes)
            let bytes = try files.read(descriptor, offset: range.offsetBytes, count: count, path: path)
            return ObjectRead(bytes: bytes, etag: etag, objectSizeBytes: size)
        }
    }

    public func head(_ key: ObjectKey) async throws(ObjectStoreError) -> ObjectInfo {
        let files = files(for: key.rawValue)
        let path = path(of: key)
        return try await OffPool.run { () throws(ObjectStoreError) -> ObjectInfo in try Self.info(key, path, files) }
    }

    /// The size and ETag of the file at `path`.
    static func info(_ key: ObjectKey, _ path: String, _ files: LocalFiles) throws(ObjectStoreError) -> ObjectInfo {
        let descriptor = try files.openObject(path)
        defer { close(descriptor) }
        let size = try files.size(descriptor, path: path)
        let etag = try ETagRecord.read(descriptor: descriptor, sizeBytes: size, files: files, path: path)
        return ObjectInfo(key: key, sizeBytes: size, etag: etag)
    }
}
