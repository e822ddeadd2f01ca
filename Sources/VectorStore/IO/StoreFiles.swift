import Foundation
import Glibc

/// All operating-system file access of the store goes through here (leveldb's `Env`): one seam for
/// reading, atomic replacement, directory sync and removal, so failures carry a `StoreError` with the
/// file, and tests can find every I/O call in one place.
enum StoreFiles {
    /// Reads a whole file, or `nil` when it does not exist.
    static func readFile(_ path: String) throws(StoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw ioError("open", path)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ioError("read", path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces `path` with `bytes` atomically: write a temporary file, `fsync` it, `rename` it over
    /// `path`, `fsync` the directory. A crash leaves either the old or the new file, never a mix.
    static func replaceAtomically(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let temporary = path + ".tmp"
        try writeDurably(temporary, with: bytes)
        try rename(temporary, to: path)
    }

    /// Creates or truncates `path` and writes `bytes`, `fsync`ed; the directory entry is not synced
    /// (the caller renames or links the file, then syncs the directory).
    static func writeDurably(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ioError("open", path) }
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
        guard fsync(descriptor) == 0 else { throw ioError("fsync", path) }
    }

    /// Renames `path` over `newPath` (atomic) and makes the change durable (directory `fsync`).
    static func rename(_ path: String, to newPath: String) throws(StoreError) {
        guard Glibc.rename(path, newPath) == 0 else { throw ioError("rename", path) }
        try syncDirectory(of: newPath)
    }

    /// Creates `path` (which must not exist) holding `bytes`, durable with its directory entry.
    static func createDurably(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let descriptor = try createExclusive(path)
        defer { close(descriptor) }
        try writeAll(descriptor, bytes, path: path)
        try finishDurably(descriptor, path: path)
    }

    /// Creates `path`, which must not exist, for writing; the caller closes the descriptor.
    static func createExclusive(_ path: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ioError("create", path) }
        return descriptor
    }

    /// Closes a descriptor this module opened (`createExclusive`).
    static func close(_ descriptor: Int32) { _ = Glibc.close(descriptor) }

    /// Makes a new file durable: `fsync` of its bytes, then of its directory entry.
    static func finishDurably(_ descriptor: Int32, path: String) throws(StoreError) {
        guard fsync(descriptor) == 0 else { throw ioError("fsync", path) }
        try syncDirectory(of: path)
    }

    /// Gives the file at `existing` a second name `path` (a hard link; a stale `path` is replaced) and
    /// makes the new entry durable. The bytes are shared, so nothing is copied or `fsync`ed again.
    static func link(_ existing: String, as path: String) throws(StoreError) {
        if Glibc.link(existing, path) != 0 {
            guard errno == EEXIST else { throw ioError("link", path) }
            try remove(path)
            guard Glibc.link(existing, path) == 0 else { throw ioError("link", path) }
        }
        try syncDirectory(of: path)
    }

    /// Creates the directory `path` when missing, durably (its parent is `fsync`ed).
    static func createDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o755) != 0 {
            guard errno == EEXIST else { throw ioError("mkdir", path) }
            return
        }
        try syncDirectory(of: path)
    }

    /// Makes the directory entries (creations, renames, removals) in `path`'s directory durable.
    static func syncDirectory(of path: String) throws(StoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ioError("open directory", directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw ioError("fsync directory", directory) }
    }

    /// Writes every byte of `bytes` at the descriptor's position, retrying short writes and `EINTR`.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        try writeAll(descriptor, bytes[...], path: path)
    }

    /// Writes every byte of `bytes` at the descriptor's position, retrying short writes and `EINTR`.
    static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>, path: String) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw ioError("write", path)
            }
            written += result
        }
    }

    /// Removes a file; a missing file is not an error.
    static func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw ioError("unlink", path) }
    }

    /// The names of the entries of a directory.
    static func list(_ directory: String) throws(StoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw StoreError(code: .io, message: "cannot list directory: \(error)", file: directory)
        }
    }

    static func ioError(_ operation: String, _ path: String) -> StoreError {
        StoreError(code: .io, message: "\(operation) failed: \(String(cString: strerror(errno)))", file: path)
    }
}
