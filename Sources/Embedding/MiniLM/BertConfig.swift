import Foundation

/// The hyper-parameters of a BERT-family encoder, read from a Hugging Face `config.json`.
struct BertConfig: Sendable, Hashable {
    /// Width of every hidden state (384 for MiniLM-L6).
    var hiddenSize: Int
    var layerCount: Int
    var headCount: Int
    /// Width of the feed-forward layer (1536 for MiniLM-L6).
    var intermediateSize: Int
    /// Epsilon added to the variance in every LayerNorm.
    var layerNormEpsilon: Float
    /// Rows of the position-embedding table: the longest sequence the model can read, in tokens.
    var maxPositions: Int
    var vocabularySize: Int
    var tokenTypeCount: Int

    var headSize: Int { hiddenSize / headCount }

    /// Reads and checks `config.json`.
    ///
    /// - Throws: `EmbeddingError` naming the file: `permanent` when it is missing, `corruption` when it
    ///   is not JSON, lacks a key, or describes a model this encoder cannot run (not GELU, absolute
    ///   positions, hidden size divisible by the head count).
    static func load(path: String, model: String) throws(EmbeddingError) -> BertConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EmbeddingError(code: .permanent, model: model, message: "missing or unreadable", file: path)
        }
        func corrupt(_ message: String) -> EmbeddingError {
            EmbeddingError(code: .corruption, model: model, message: message, file: path)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw corrupt("not a JSON object")
        }
        func integer(_ key: String) throws(EmbeddingError) -> Int {
            guard let value = object[key] as? Int, value > 0 else {
                throw corrupt("'\(key)' must be a positive integer")
            }
            return value
        }
        let activation = object["hidden_act"] as? String ?? "gelu"
        guard activation == "gelu" else { throw corrupt("hidden_act '\(activation)' is not supported; expected gelu") }
        let positions = object["position_embedding_type"] as? String ?? "absolute"
        guard positions == "absolute" else {
            throw corrupt("position_embedding_type '\(positions)' is not supported; expected absolute")
        }
        let epsilon = (object["layer_norm_eps"] as? Double) ?? 1e-12
        let config = BertConfig(
            hiddenSize: try integer("hidden_size"),
            layerCount: try integer("num_hidden_layers"),
            headCount: try integer("num_attention_heads"),
            intermediateSize: try integer("intermediate_size"),
            layerNormEpsilon: Float(epsilon),
            maxPositions: try integer("max_position_embeddings"),
            vocabularySize: try integer("vocab_size"),
            tokenTypeCount: try integer("type_vocab_size")
        )
        guard config.hiddenSize % config.headCount == 0 else {
            throw corrupt(
                "hidden_size \(config.hiddenSize) is not divisible by num_attention_heads \(config.headCount)"
            )
        }
        return config
    }
}
