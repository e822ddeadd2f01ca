/// A failure to compress or decompress a buffer.
///
/// Codes: `compressFailed` is a programmer or resource error; `corruptInput` means the compressed bytes
/// are damaged or truncated (corruption); `tooLarge` means the declared size exceeds the caller's
/// limit (bad input).
public struct CompressionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case compressFailed
        case corruptInput
        case tooLarge
    }

    public let code: Code
    public let codec: String
    public let message: String

    public init(code: Code, codec: String, message: String) {
        self.code = code
        self.codec = codec
        self.message = message
    }

    public var description: String { "\(codec) \(code.rawValue): \(message)" }
}
