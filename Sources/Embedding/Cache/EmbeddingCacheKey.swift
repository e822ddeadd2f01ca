import SECModel

/// What identifies a cached vector: the model that computed it and the SHA-256 of the embedded text.
public struct EmbeddingCacheKey: Hashable, Sendable {
    /// The embedder's `modelID` (which includes settings that change the vector, such as dimension).
    public let modelID: String
    /// SHA-256 of the text's UTF-8 bytes, 32 bytes.
    public let textDigest: [UInt8]

    public init(modelID: String, textDigest: [UInt8]) {
        self.modelID = modelID
        self.textDigest = textDigest
    }

    /// The key of `text` embedded by `modelID`.
    public init(modelID: String, text: String) {
        self.init(modelID: modelID, textDigest: SHA256.digest(of: text))
    }
}
