import Glibc

/// A file descriptor open for writing (`POSIXFileSystem.openForWriting`).
final class POSIXFile: StoreFile {
    let path: String
    private let descriptor: Int32

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    func size() throws(StoreError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXFileSystem.ioError("stat", path) }
        return Int(status.st_size)
    }

    func write(_ bytes: ArraySlice<UInt8>, atOffset offsetBytes: Int) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                pwrite(
                    descriptor,
                    buffer.baseAddress.map { $0 + written },
                    bytes.count - written,
                    off_t(offsetBytes + written)
                )
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw POSIXFileSystem.ioError("write", path)
            }
            written += result
        }
    }

    func truncate(toBytes sizeBytes: Int) throws(StoreError) {
        guard ftruncate(descriptor, off_t(sizeBytes)) == 0 else { throw POSIXFileSystem.ioError("truncate", path) }
    }

    func sync() throws(StoreError) {
        guard fsync(descriptor) == 0 else { throw POSIXFileSystem.ioError("fsync", path) }
    }

    func close() { _ = Glibc.close(descriptor) }
}
