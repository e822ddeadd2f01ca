import Foundation

/// Reads a command's input file into one byte array, refusing it before reading when it is larger
/// than the limit.
///
/// Why not `FileManager.contents(atPath:)`: that returns `Data`, and turning it into `[UInt8]` for the
/// parsers copies it, so a 200 MB filing cost 400 MB before parsing began.
enum InputFile {
    /// The whole file, read with `read(2)` straight into the array's storage.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - maxBytes: the largest size accepted, in bytes; the option named in the error is `--max-bytes`.
    /// - Throws: `CLIFailure` when the file is missing, unreadable, or larger than `maxBytes`.
    static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CLIFailure("\(path): no such file or not readable", category: .notFound) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw CLIFailure("\(path): not a regular file")
        }
        let sizeBytes = Int(status.st_size)
        guard sizeBytes <= maxBytes else {
            throw CLIFailure(
                "\(path): the file is \(sizeBytes) bytes, more than the limit of \(maxBytes) bytes"
                    + " (raise it with --max-bytes)"
            )
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: sizeBytes) { buffer, count in
            while count < sizeBytes {
                let got = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, sizeBytes - count)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { break }
                count += got
            }
            failed = count != sizeBytes
        }
        if failed {
            throw CLIFailure(
                "\(path): read \(bytes.count) of \(sizeBytes) bytes; the file changed while read",
                category: .unavailable
            )
        }
        return bytes
    }
}
