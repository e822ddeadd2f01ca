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
    /// The provider (`minilm`, `openai` with its base URL, ...), when it is not evident from `model`.
    public let provider: String?
    /// The 0-based index of the failed request batch within one `embed` call, for HTTP providers.
    public let batchIndex: Int?

    public init(
        code: Code,
        model: String,
        message: String,
        file: String? = nil,
        tensor: String? = nil,
        inputIndex: Int? = nil,
        provider: String? = nil,
        batchIndex: Int? = nil
    ) {
        self.code = code
        self.model = model
        self.message = message
        self.file = file
        self.tensor = tensor
        self.inputIndex = inputIndex
        self.provider = provider
        self.batchIndex = batchIndex
    }

    public var description: String {
        var text = (provider.map { "\($0) " } ?? "") + "\(model) \(code.rawValue): "
        if let batchIndex { text += "batch \(batchIndex): " }
        if let file { text += "\(file): " }
        if let tensor { text += "tensor '\(tensor)': " }
        if let inputIndex { text += "input \(inputIndex): " }
        return text + message
    }
}
