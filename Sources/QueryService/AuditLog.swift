import Foundation
import Logging

/// The audit log: one JSON object per line (`AuditEvent`) for every write and admin call, in the
/// order they finished, appended to one file. Lines are written (not `fsync`ed) before the response
/// is sent; a line that cannot be written is logged as an error and the request still answered.
public actor AuditLog {
    public let path: URL
    private let handle: FileHandle?
    private let logger: Logger

    /// Opens (creating it and its directory when missing) the log at `path` for appending.
    public init(path: URL, logger: Logger) {
        self.path = path
        self.logger = logger
        let manager = FileManager.default
        try? manager.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !manager.fileExists(atPath: path.path) { _ = manager.createFile(atPath: path.path, contents: nil) }
        handle = FileHandle(forWritingAtPath: path.path)
        if handle == nil { logger.error("cannot open the audit log", metadata: ["path": "\(path.path)"]) }
        _ = try? handle?.seekToEnd()
    }

    /// Appends `event` as one line.
    public func record(_ event: AuditEvent) {
        var line = JSONBody.encode(event)
        line.append(UInt8(ascii: "\n"))
        do {
            try handle?.write(contentsOf: line)
        } catch {
            logger.error("cannot write the audit log", metadata: ["path": "\(path.path)", "error": "\(error)"])
        }
    }

    /// Closes the file (at shutdown).
    public func close() {
        try? handle?.close()
    }
}
