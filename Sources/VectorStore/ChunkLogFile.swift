import Foundation
import Glibc

/// The append-only file behind a `LocalCollection`: whole-batch appends, each followed by `fsync`.
///
/// Owned by exactly one `LocalCollection` actor; not thread-safe on its own.
final class ChunkLogFile {
    let path: String
    private let descriptor: Int32

    /// Opens (creating if needed) the log and truncates it to `validBytes`, dropping a torn tail.
    init(path: String, validBytes: Int) throws(StoreError) {
        self.path = path
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw Self.ioError("open", path) }
        descriptor = opened
        let size = lseek(descriptor, 0, SEEK_END)
        if size > off_t(validBytes) {
            guard ftruncate(descriptor, off_t(validBytes)) == 0, fsync(descriptor) == 0 else {
                close(descriptor)
                throw Self.ioError("truncate", path)
            }
        }
        guard lseek(descriptor, off_t(validBytes), SEEK_SET) >= 0 else {
            close(descriptor)
            throw Self.ioError("seek", path)
        }
    }

    deinit { close(descriptor) }

    /// Appends `bytes` and makes them durable before returning.
    func append(_ bytes: [UInt8]) throws(StoreError) {
        let start = lseek(descriptor, 0, SEEK_CUR)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let error = Self.ioError("write", path)
                _ = ftruncate(descriptor, start)
                _ = lseek(descriptor, start, SEEK_SET)
                throw error
            }
            written += result
        }
        guard fsync(descriptor) == 0 else { throw Self.ioError("fsync", path) }
    }

    /// Reads a whole file, or `[]` when it does not exist.
    static func readAll(_ path: String) throws(StoreError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw ioError("read", path) }
        return [UInt8](data)
    }

    private static func ioError(_ operation: String, _ path: String) -> StoreError {
        StoreError(code: .io, message: "\(operation) failed: \(String(cString: strerror(errno)))", file: path)
    }
}
