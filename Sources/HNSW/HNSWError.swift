/// A failure of a vector index.
///
/// Codes: `badInput` (wrong dimension, non-finite components, capacity exceeded, bad parameters);
/// `corruption` (a persisted index or vector file fails its framing; the context names the file and
/// byte offset).
public struct HNSWError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badInput
        case corruption
    }

    public let code: Code
    public let message: String
    public let file: String?
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
