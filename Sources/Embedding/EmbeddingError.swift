/// A failure to embed text.
///
/// Codes: `badInput` (the caller's text, e.g. empty), `transient` (retry may succeed), `permanent`
/// (retrying will not help: wrong model, wrong dimension, missing model files), `corruption` (model
/// files exist but are unusable: truncated, malformed header, wrong tensor shape, checksum mismatch).
public struct EmbeddingError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badInput
        case transient
        case permanent
        case corruption
    }

    public let code: Code
    /// The provider's model id.
    public let model: String
    public let message: String
    /// The model file concerned, when the error is about one.
    public let file: String?
    /// The tensor concerned, when the error is about one.
    public let tensor: String?
    /// The 0-based index of the offending input in the caller's batch, for `badInput`.
    public let inputIndex: Int?

    public init(
        code: Code,
        model: String,
        message: String,
        file: String? = nil,
        tensor: String? = nil,
        inputIndex: Int? = nil
    ) {
        self.code = code
        self.model = model
        self.message = message
        self.file = file
        self.tensor = tensor
        self.inputIndex = inputIndex
    }

    public var description: String {
        var text = "\(model) \(code.rawValue): "
        if let file { text += "\(file): " }
        if let tensor { text += "tensor '\(tensor)': " }
        if let inputIndex { text += "input \(inputIndex): " }
        return text + message
    }
}
