import Glibc

/// An index file mapped read-only into memory; the loaded index uses its sections in place and
/// keeps this object alive, so the mapping lasts as long as the index.
final class IndexFileMapping: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init, so sharing it is safe.
    let path: String
    let bytes: UnsafeRawBufferPointer

    /// - Throws: `HNSWError.badInput` when the file cannot be opened, is empty or cannot be mapped.
    init(path: String) throws(HNSWError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure("open", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure("stat", path) }
        let size = Int(status.st_size)
        guard size > 0 else { throw HNSWError(code: .corruption, message: "empty index file", file: path) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Self.failure("mmap", path)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    private static func failure(_ call: String, _ path: String) -> HNSWError {
        HNSWError(code: .badInput, message: "\(call) failed: \(String(cString: strerror(errno)))", file: path)
    }
}
