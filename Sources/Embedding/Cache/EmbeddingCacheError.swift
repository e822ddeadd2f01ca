/// A failure of the on-disk embedding cache.
///
/// Codes: `io` (the file could not be opened, read or written — *transient* or an environment
/// problem), `corruption` (a complete record in the middle of the log fails its checksum or does not
/// parse; the file and byte offset say where), `badInput` (a vector to store is not finite or does
/// not fit the record format), `busy` (another process has the cache open — *transient*).
public struct EmbeddingCacheError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case io
        case corruption
        case badInput
        case busy
    }

    public let code: Code
    public let message: String
    /// The cache log file.
    public let file: String
    /// Byte offset of the offending record in `file`, when the error is about one.
    public let offsetBytes: Int?

    public init(code: Code, message: String, file: String, offsetBytes: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.offsetBytes = offsetBytes
    }

    public var description: String {
        var text = "embedding cache \(code.rawValue): \(file)"
        if let offsetBytes { text += " at byte \(offsetBytes)" }
        return text + ": " + message
    }
}
