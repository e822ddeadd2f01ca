import Foundation
import Glibc

/// The POSIX calls of `FileSystemObjectStore`, each failing with an `ObjectStoreError` that names
/// the key, the store's root and the `errno` text. Every call blocks: run them through `OffPool`.
struct LocalFiles: Sendable {
    /// The store's root directory (for messages).
    let root: String
    /// The key the current call is about (for messages).
    let key: String

    func failure(_ code: ObjectStoreError.Code, _ message: String) -> ObjectStoreError {
        ObjectStoreError(code: code, key: key, location: root, message: message)
    }

    /// An `io` error (`notFound` for ENOENT) for a failed call, from the current `errno`.
    func posixFailure(_ operation: String, _ path: String) -> ObjectStoreError {
        let number = errno
        let code: ObjectStoreError.Code = number == ENOENT || number == ENOTDIR ? .notFound : .io
        return failure(code, "\(operation) \(path): \(String(cString: strerror(number)))")
    }

    /// Opens an object's file for reading; `notFound` when there is none (or a directory is there).
    func openObject(_ path: String) throws(ObjectStoreError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixFailure("open", path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw failure(.notFound, "no object at \(path)")
        }
        return descriptor
    }

    /// Creates `path` and its missing parents.
    func createDirectories(_ path: String) throws(ObjectStoreError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw failure(.io, "cannot create \(path): \(error)")
        }
    }

    /// Writes a new file whose bytes and ETag record reach the disk before returning.
    func writeDurably(_ bytes: [UInt8], etag: ETag, to path: String) throws(ObjectStoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixFailure("open", path) }
        defer { close(descriptor) }
        try writeAll(bytes[...], to: descriptor, path: path)
        try ETagRecord.write(etag, sizeBytes: bytes.count, descriptor: descriptor, files: self, path: path)
        guard fsync(descriptor) == 0 else { throw posixFailure("fsync", path) }
    }

    func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws(ObjectStoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw posixFailure("write", path)
            }
            written += result
        }
    }

    /// Reads exactly `count` bytes at `offset`, failing on a short read (the file shrank).
    func read(_ descriptor: Int32, offset: Int, count: Int, path: String) throws(ObjectStoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw posixFailure("pread", path)
            }
            guard result > 0 else { throw failure(.io, "\(path) ended at byte \(offset + done) of \(offset + count)") }
            done += result
        }
        return bytes
    }

    /// The size of an open file.
    func size(_ descriptor: Int32, path: String) throws(ObjectStoreError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw posixFailure("fstat", path) }
        return Int(status.st_size)
    }

    /// Makes the entries of directory `path` durable.
    func syncDirectory(_ path: String) throws(ObjectStoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw posixFailure("open", path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw posixFailure("fsync", path) }
    }

    /// Removes a file; a missing file is not an error.
    func remove(_ path: String) throws(ObjectStoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw posixFailure("unlink", path) }
    }
}
