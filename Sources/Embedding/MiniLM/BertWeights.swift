/// The parameters of a BERT encoder, read from a safetensors file and checked against its config.
///
/// Tensors are views into the memory-mapped file, except each layer's query, key and value weights,
/// which are copied side by side into one `[3·hidden, hidden]` matrix so that one matrix product
/// computes all three, and, in `bfloat16` precision, each projection's weight packed for the BF16
/// kernel. Tensor names may carry a `bert.` prefix (checkpoints saved from
/// `BertForPreTraining` and friends); other tensors (pooler, heads) are ignored.
final class BertWeights: @unchecked Sendable {
    struct Layer {
        /// `[3·hidden, hidden]`: query, key, value weights stacked, and their biases.
        var qkv: LinearWeights
        var attentionOutput: LinearWeights
        var attentionNormGamma: UnsafePointer<Float>
        var attentionNormBeta: UnsafePointer<Float>
        var intermediate: LinearWeights
        var output: LinearWeights
        var outputNormGamma: UnsafePointer<Float>
        var outputNormBeta: UnsafePointer<Float>
    }

    let config: BertConfig
    /// `float32` or `bfloat16` (never `automatic`): how the projections multiply.
    let precision: MatrixPrecision
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
    /// The packed bfloat16 weights this object owns.
    private let ownedPacked: [UnsafeMutablePointer<UInt16>]

    /// - Parameter precision: `float32` or `bfloat16` (resolved, never `automatic`).
    /// - Throws: `EmbeddingError` (`corruption`) naming the file and the tensor that is missing or has
    ///   another shape than `config` implies.
    init(file: SafetensorsFile, config: BertConfig, precision: MatrixPrecision) throws(EmbeddingError) {
        precondition(precision != .automatic, "resolve the precision first")
        self.file = file
        self.config = config
        self.precision = precision
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
        var ownedPacked: [UnsafeMutablePointer<UInt16>] = []
        func linear(_ weight: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, out: Int, in: Int) -> LinearWeights {
            var packed: UnsafePointer<UInt16>?
            if precision == .bfloat16, LinearWeights.bfloat16Fits(outFeatures: out) {
                let buffer = LinearWeights.packBFloat16(weight, outFeatures: out, inFeatures: `in`)
                ownedPacked.append(buffer)
                packed = UnsafePointer(buffer)
            }
            return LinearWeights(weight: weight, bias: bias, inFeatures: `in`, outFeatures: out, packedBF16: packed)
        }
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
                        qkv: linear(qkvWeight, qkvBias, out: 3 * hidden, in: hidden),
                        attentionOutput: linear(
                            try tensor(name + "attention.output.dense.weight", [hidden, hidden]),
                            try tensor(name + "attention.output.dense.bias", [hidden]),
                            out: hidden,
                            in: hidden
                        ),
                        attentionNormGamma: try tensor(name + "attention.output.LayerNorm.weight", [hidden]),
                        attentionNormBeta: try tensor(name + "attention.output.LayerNorm.bias", [hidden]),
                        intermediate: linear(
                            try tensor(name + "intermediate.dense.weight", [intermediate, hidden]),
                            try tensor(name + "intermediate.dense.bias", [intermediate]),
                            out: intermediate,
                            in: hidden
                        ),
                        output: linear(
                            try tensor(name + "output.dense.weight", [hidden, intermediate]),
                            try tensor(name + "output.dense.bias", [hidden]),
                            out: hidden,
                            in: intermediate
                        ),
                        outputNormGamma: try tensor(name + "output.LayerNorm.weight", [hidden]),
                        outputNormBeta: try tensor(name + "output.LayerNorm.bias", [hidden])
                    )
                )
            }
        } catch {
            for buffer in owned { buffer.deallocate() }
            for buffer in ownedPacked { buffer.deallocate() }
            throw error
        }
        self.layers = layers
        ownedBuffers = owned
        self.ownedPacked = ownedPacked
    }

    deinit {
        for buffer in ownedBuffers { buffer.deallocate() }
        for buffer in ownedPacked { buffer.deallocate() }
    }
}
