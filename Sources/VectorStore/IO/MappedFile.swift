import Glibc

/// A whole file mapped read-only into memory. Segment vectors are used in place from the mapping,
/// never parsed or copied; the mapping lives as long as the last reader holding this object.
final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init, so sharing it is safe.
    let path: String
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(StoreError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreFiles.ioError("open", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw StoreFiles.ioError("stat", path) }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw StoreFiles.ioError("mmap", path)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    /// A copy of `range` as an array (for small blocks that are decoded, not used in place).
    func copy(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }
}
