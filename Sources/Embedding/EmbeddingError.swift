/// A failure to embed text.
///
/// Codes: `badInput` (the caller's text, e.g. empty), `transient` (retry may succeed), `permanent`
/// (retrying will not help: wrong model, wrong dimension).
public struct EmbeddingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badInput
        case transient
        case permanent
    }

    public let code: Code
    /// The provider's model id.
    public let model: String
    public let message: String

    public init(code: Code, model: String, message: String) {
        self.code = code
        self.model = model
        self.message = message
    }

    public var description: String { "\(model) \(code.rawValue): \(message)" }
}
