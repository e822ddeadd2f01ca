/// The parameters of a BERT encoder, read from a safetensors file and checked against its config.
///
/// Tensors are views into the memory-mapped file, except each layer's query, key and value weights,
/// which are copied side by side into one `[3·hidden, hidden]` matrix so that one matrix product
/// computes all three. Tensor names may carry a `bert.` prefix (checkpoints saved from
/// `BertForPreTraining` and friends); other tensors (pooler, heads) are ignored.
final class BertWeights: @unchecked Sendable {
    struct Layer {
        /// `[3·hidden, hidden]`: query, key, value weights stacked; `qkvBias` likewise `[3·hidden]`.
        var qkvWeight: UnsafePointer<Float>
        var qkvBias: UnsafePointer<Float>
        var attentionOutputWeight: UnsafePointer<Float>
        var attentionOutputBias: UnsafePointer<Float>
        var attentionNormGamma: UnsafePointer<Float>
        var attentionNormBeta: UnsafePointer<Float>
        var intermediateWeight: UnsafePointer<Float>
        var intermediateBias: UnsafePointer<Float>
        var outputWeight: UnsafePointer<Float>
        var outputBias: UnsafePointer<Float>
        var outputNormGamma: UnsafePointer<Float>
        var outputNormBeta: UnsafePointer<Float>
    }

    let config: BertConfig
    let wordEmbeddings: UnsafePointer<Float>
    let positionEmbeddings: UnsafePointer<Float>
    let tokenTypeEmbeddings: UnsafePointer<Float>
    let embeddingNormGamma: UnsafePointer<Float>
    let embeddingNormBeta: UnsafePointer<Float>
    let layers: [Layer]
    /// Keeps the mapping alive as long as the views into it.
    private let file: SafetensorsFile
    /// The stacked query/key/value matrices and biases this object owns.
    private let ownedBuffers: [UnsafeMutablePointer<Float>]

    /// - Throws: `EmbeddingError` (`corruption`) naming the file and the tensor that is missing or has
    ///   another shape than `config` implies.
    init(file: SafetensorsFile, config: BertConfig) throws(EmbeddingError) {
        self.file = file
        self.config = config
        let prefix = file.entries["embeddings.word_embeddings.weight"] == nil ? "bert." : ""
        func tensor(_ name: String, _ shape: [Int]) throws(EmbeddingError) -> UnsafePointer<Float> {
            let buffer = try file.floats(prefix + name, shape: shape)
            guard let base = buffer.baseAddress else {
                throw EmbeddingError(
                    code: .corruption,
                    model: file.model,
                    message: "empty tensor",
                    file: file.path,
                    tensor: prefix + name
                )
            }
            return base
        }
        let hidden = config.hiddenSize
        let intermediate = config.intermediateSize
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [config.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [config.maxPositions, hidden])
        tokenTypeEmbeddings = try tensor("embeddings.token_type_embeddings.weight", [config.tokenTypeCount, hidden])
        embeddingNormGamma = try tensor("embeddings.LayerNorm.weight", [hidden])
        embeddingNormBeta = try tensor("embeddings.LayerNorm.bias", [hidden])

        var layers: [Layer] = []
        var owned: [UnsafeMutablePointer<Float>] = []
        do {
            for index in 0..<config.layerCount {
                let name = "encoder.layer.\(index)."
                let qkvWeight = UnsafeMutablePointer<Float>.allocate(capacity: 3 * hidden * hidden)
                let qkvBias = UnsafeMutablePointer<Float>.allocate(capacity: 3 * hidden)
                owned += [qkvWeight, qkvBias]
                for (part, projection) in ["query", "key", "value"].enumerated() {
                    let weight = try tensor(name + "attention.self.\(projection).weight", [hidden, hidden])
                    let bias = try tensor(name + "attention.self.\(projection).bias", [hidden])
                    (qkvWeight + part * hidden * hidden).update(from: weight, count: hidden * hidden)
                    (qkvBias + part * hidden).update(from: bias, count: hidden)
                }
                layers.append(
                    Layer(
                        qkvWeight: UnsafePointer(qkvWeight),
                        qkvBias: UnsafePointer(qkvBias),
                        attentionOutputWeight: try tensor(name + "attention.output.dense.weight", [hidden, hidden]),
                        attentionOutputBias: try tensor(name + "attention.output.dense.bias", [hidden]),
                        attentionNormGamma: try tensor(name + "attention.output.LayerNorm.weight", [hidden]),
                        attentionNormBeta: try tensor(name + "attention.output.LayerNorm.bias", [hidden]),
                        intermediateWeight: try tensor(name + "intermediate.dense.weight", [intermediate, hidden]),
                        intermediateBias: try tensor(name + "intermediate.dense.bias", [intermediate]),
                        outputWeight: try tensor(name + "output.dense.weight", [hidden, intermediate]),
                        outputBias: try tensor(name + "output.dense.bias", [hidden]),
                        outputNormGamma: try tensor(name + "output.LayerNorm.weight", [hidden]),
                        outputNormBeta: try tensor(name + "output.LayerNorm.bias", [hidden])
                    )
                )
            }
        } catch {
            for buffer in owned { buffer.deallocate() }
            throw error
        }
        self.layers = layers
        ownedBuffers = owned
    }

    deinit {
        for buffer in ownedBuffers { buffer.deallocate() }
    }
}
