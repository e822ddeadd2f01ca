#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of a whole file, unmapped when the last reference goes away.
///
/// The bytes never change after `init`, so the mapping is safe to share between threads.
final class MappedFile: @unchecked Sendable {
    /// The file's path, for error messages.
    let path: String
    /// The mapped bytes; empty for an empty file.
    let bytes: UnsafeRawBufferPointer

    /// Maps `path` read-only.
    ///
    /// - Throws: `EmbeddingError` (`permanent`) when the file cannot be opened, sized or mapped.
    init(path: String, model: String) throws(EmbeddingError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw EmbeddingError(code: .permanent, model: model, message: Self.reason("cannot open"), file: path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw EmbeddingError(code: .permanent, model: model, message: Self.reason("cannot stat"), file: path)
        }
        let sizeBytes = Int(status.st_size)
        guard sizeBytes > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, sizeBytes, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw EmbeddingError(code: .permanent, model: model, message: Self.reason("cannot map"), file: path)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: sizeBytes)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    private static func reason(_ action: String) -> String {
        "\(action) the file: \(String(cString: strerror(errno)))"
    }
}
