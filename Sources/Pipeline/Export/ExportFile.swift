import Foundation
import SECModel

/// The file an exporter writes: created beside its destination under a temporary name, appended
/// to, `fsync`ed, then renamed over the destination — so readers see the old file or the whole new
/// one, never a part. On any failure the temporary file is removed and the destination is untouched.
struct ExportFile {
    /// The destination.
    let path: String
    private let temporary: String
    private let handle: FileHandle

    private init(path: String) throws(ImportError) {
        self.path = path
        temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw Self.failure(path, "cannot create \(path).tmp-\(getpid())") }
        self.handle = handle
    }

    /// Runs `body` with a new export file for `path`, then replaces `path` with what it wrote.
    ///
    /// - Throws: `ImportError` (*unavailable*) when the file cannot be written or renamed; `body`'s
    ///   own `ImportError` unchanged; any other error of `body` wrapped (its category kept).
    static func replace<T>(_ path: String, _ body: (ExportFile) throws -> T) throws(ImportError) -> T {
        let file = try ExportFile(path: path)
        do {
            let result = try body(file)
            try file.handle.synchronize()
            try file.handle.close()
            guard rename(file.temporary, path) == 0 else {
                throw failure(path, "cannot rename \(file.temporary) over it: \(String(cString: strerror(errno)))")
            }
            return result
        } catch {
            try? file.handle.close()
            try? FileManager.default.removeItem(atPath: file.temporary)
            if let failure = error as? ImportError { throw failure }
            throw ImportError(
                category: ErrorCategory(of: error) == .internal ? .unavailable : ErrorCategory(of: error),
                file: path,
                line: nil,
                field: nil,
                message: "cannot write: \(error)",
                importedLines: 0,
                underlyingError: error
            )
        }
    }

    /// Appends `bytes` at the end of the file.
    func append(_ bytes: some DataProtocol) throws {
        try handle.write(contentsOf: bytes)
    }

    static func failure(_ path: String, _ message: String) -> ImportError {
        ImportError(category: .unavailable, file: path, line: nil, field: nil, message: message, importedLines: 0)
    }
}
