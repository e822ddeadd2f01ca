/// A failure of an object store.
///
/// Codes: `invalidKey` is bad input; `io` is a transient or environmental failure (disk full,
/// permissions), carrying the path and `errno` text.
public struct ObjectStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidKey
        case io
    }

    public let code: Code
    public let key: String
    public let message: String

    public init(code: Code, key: String, message: String) {
        self.code = code
        self.key = key
        self.message = message
    }

    public var description: String { "object '\(key)': \(code.rawValue): \(message)" }
}
