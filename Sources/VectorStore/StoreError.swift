/// A failure of the vector store.
///
/// Codes: `notFound` and `badInput` are the caller's (no such store, a vector of the wrong dimension,
/// an unknown filter key); `corruption` means persisted bytes fail their checksum or framing (the
/// context names the file and byte offset); `io` is an environmental failure (disk full, permissions).
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound
        case badInput
        case corruption
        case io
    }

    public let code: Code
    public let message: String
    /// The file concerned, when there is one.
    public let file: String?
    /// The byte offset in `file` where the problem starts, when known.
    public let offsetBytes: Int?

    public init(code: Code, message: String, file: String? = nil, offsetBytes: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.offsetBytes = offsetBytes
    }

    public var description: String {
        var text = message
        if let file { text += " (\(file)" + (offsetBytes.map { " at byte \($0)" } ?? "") + ")" }
        return text
    }
}
