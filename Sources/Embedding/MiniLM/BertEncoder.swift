/// The BERT encoder forward pass with mean pooling: token ids in, one L2-normalised vector per
/// sequence out.
///
/// A batch is *packed*: the sequences' tokens are stacked into one `[tokens × hidden]` matrix with no
/// padding, so each projection (query/key/value, attention output, feed-forward) is one `sgemm` over
/// every token of the batch, while attention runs per sequence over its own tokens only. This equals
/// padding to the longest sequence with an attention mask (padding never reaches a real token, and
/// pooling skips it) without computing the padding.
struct BertEncoder: Sendable {
    let weights: BertWeights

    var config: BertConfig { weights.config }

    /// Mean-pooled, L2-normalised embeddings of `sequences` (token ids, `[CLS]` and `[SEP]` included,
    /// token type 0), in order.
    ///
    /// - Precondition: every sequence is non-empty, at most `config.maxPositions` long, and its ids are
    ///   below `config.vocabularySize` (the tokenizer guarantees all three).
    func embed(_ sequences: [[Int32]]) -> [[Float]] {
        let hidden = config.hiddenSize
        let lengths = sequences.map(\.count)
        let tokens = lengths.reduce(0, +)
        let longest = lengths.max() ?? 0
        guard tokens > 0 else { return [] }
        precondition(longest <= config.maxPositions, "sequence longer than the position table")

        let scratch = Scratch(tokens: tokens, longest: longest, config: config)
        defer { scratch.deallocate() }
        embedTokens(sequences, into: scratch.hidden)
        for layer in weights.layers {
            runLayer(layer, lengths: lengths, tokens: tokens, scratch: scratch)
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        var offset = 0
        for length in lengths {
            vectors.append(Self.meanPool(scratch.hidden + offset * hidden, rows: length, width: hidden))
            offset += length
        }
        return vectors
    }

    /// Word + position + token-type-0 embeddings, then LayerNorm.
    private func embedTokens(_ sequences: [[Int32]], into output: UnsafeMutablePointer<Float>) {
        let hidden = config.hiddenSize
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                precondition(id >= 0 && Int(id) < config.vocabularySize, "token id \(id) outside the vocabulary")
                let target = output + row * hidden
                let word = weights.wordEmbeddings + Int(id) * hidden
                let place = weights.positionEmbeddings + position * hidden
                let type = weights.tokenTypeEmbeddings
                for index in 0..<hidden { target[index] = word[index] + place[index] + type[index] }
                row += 1
            }
        }
        BertKernels.layerNorm(
            output,
            rows: row,
            width: hidden,
            gamma: weights.embeddingNormGamma,
            beta: weights.embeddingNormBeta,
            epsilon: config.layerNormEpsilon
        )
    }

    /// One transformer layer, in place on `scratch.hidden`.
    private func runLayer(_ layer: BertWeights.Layer, lengths: [Int], tokens: Int, scratch: Scratch) {
        let hidden = config.hiddenSize
        let headSize = config.headSize
        let qkvWidth = 3 * hidden
        BertKernels.linear(
            scratch.hidden,
            rows: tokens,
            inFeatures: hidden,
            weight: layer.qkvWeight,
            bias: layer.qkvBias,
            outFeatures: qkvWidth,
            output: scratch.qkv
        )

        let scale = 1 / Float(headSize).squareRoot()
        var offset = 0
        for length in lengths {
            let base = scratch.qkv + offset * qkvWidth
            let area = length * length
            // Scores of every head first, so that one parallel softmax covers all of them.
            for head in 0..<config.headCount {
                let query = base + head * headSize
                BertKernels.matmul(
                    m: length,
                    n: length,
                    k: headSize,
                    alpha: scale,
                    a: query,
                    lda: qkvWidth,
                    b: query + hidden,
                    ldb: qkvWidth,
                    transposeB: true,
                    c: scratch.scores + head * area,
                    ldc: length
                )
            }
            let scores = scratch.scores
            ParallelRows.forEach(rows: config.headCount * length) { range in
                BertKernels.softmax(scores + range.lowerBound * length, rows: range.count, width: length)
            }
            for head in 0..<config.headCount {
                BertKernels.matmul(
                    m: length,
                    n: headSize,
                    k: length,
                    alpha: 1,
                    a: scratch.scores + head * area,
                    lda: length,
                    b: base + 2 * hidden + head * headSize,
                    ldb: qkvWidth,
                    transposeB: false,
                    c: scratch.context + offset * hidden + head * headSize,
                    ldc: hidden
                )
            }
            offset += length
        }

        BertKernels.linear(
            scratch.context,
            rows: tokens,
            inFeatures: hidden,
            weight: layer.attentionOutputWeight,
            bias: layer.attentionOutputBias,
            outFeatures: hidden,
            output: scratch.projected
        )
        BertKernels.add(scratch.projected, into: scratch.hidden, count: tokens * hidden)
        BertKernels.layerNorm(
            scratch.hidden,
            rows: tokens,
            width: hidden,
            gamma: layer.attentionNormGamma,
            beta: layer.attentionNormBeta,
            epsilon: config.layerNormEpsilon
        )

        BertKernels.linear(
            scratch.hidden,
            rows: tokens,
            inFeatures: hidden,
            weight: layer.intermediateWeight,
            bias: layer.intermediateBias,
            outFeatures: config.intermediateSize,
            output: scratch.intermediate
        )
        let intermediate = scratch.intermediate
        let width = config.intermediateSize
        ParallelRows.forEach(rows: tokens) { range in
            BertKernels.gelu(intermediate + range.lowerBound * width, count: range.count * width)
        }
        BertKernels.linear(
            scratch.intermediate,
            rows: tokens,
            inFeatures: config.intermediateSize,
            weight: layer.outputWeight,
            bias: layer.outputBias,
            outFeatures: hidden,
            output: scratch.projected
        )
        BertKernels.add(scratch.projected, into: scratch.hidden, count: tokens * hidden)
        BertKernels.layerNorm(
            scratch.hidden,
            rows: tokens,
            width: hidden,
            gamma: layer.outputNormGamma,
            beta: layer.outputNormBeta,
            epsilon: config.layerNormEpsilon
        )
    }

    /// `hidden = LayerNorm(hidden + residual)` row by row, in parallel.
    private func addAndNormalize(
        _ residual: UnsafeMutablePointer<Float>,
        into hidden: UnsafeMutablePointer<Float>,
        rows: Int,
        gamma: UnsafePointer<Float>,
        beta: UnsafePointer<Float>
    ) {
        let width = config.hiddenSize
        let epsilon = config.layerNormEpsilon
        ParallelRows.forEach(rows: rows) { range in
            let start = range.lowerBound * width
            BertKernels.add(residual + start, into: hidden + start, count: range.count * width)
            BertKernels.layerNorm(
                hidden + start,
                rows: range.count,
                width: width,
                gamma: gamma,
                beta: beta,
                epsilon: epsilon
            )
        }
    }

    /// The mean of `rows` rows, scaled to unit length (left as is if it is the zero vector).
    static func meanPool(_ rows: UnsafePointer<Float>, rows count: Int, width: Int) -> [Float] {
        var vector = [Float](repeating: 0, count: width)
        vector.withUnsafeMutableBufferPointer { output in
            for row in 0..<count {
                let line = rows + row * width
                for index in 0..<width { output[index] += line[index] }
            }
            var squares: Float = 0
            for index in 0..<width { squares += output[index] * output[index] }
            let norm = squares.squareRoot()
            if norm > 0 { for index in 0..<width { output[index] /= norm } }
        }
        return vector
    }
}

/// Working memory of one forward pass, sized for its batch.
private struct Scratch {
    /// `[tokens × hidden]`: the hidden states, updated layer by layer.
    let hidden: UnsafeMutablePointer<Float>
    /// `[tokens × 3·hidden]`: query, key and value of every token.
    let qkv: UnsafeMutablePointer<Float>
    /// `[tokens × hidden]`: attention output before its projection.
    let context: UnsafeMutablePointer<Float>
    /// `[tokens × hidden]`: a projection's output before the residual add.
    let projected: UnsafeMutablePointer<Float>
    /// `[tokens × intermediate]`: the feed-forward activations.
    let intermediate: UnsafeMutablePointer<Float>
    /// `[heads × longest × longest]`: every head's attention probabilities for one sequence.
    let scores: UnsafeMutablePointer<Float>

    init(tokens: Int, longest: Int, config: BertConfig) {
        hidden = .allocate(capacity: tokens * config.hiddenSize)
        qkv = .allocate(capacity: tokens * 3 * config.hiddenSize)
        context = .allocate(capacity: tokens * config.hiddenSize)
        projected = .allocate(capacity: tokens * config.hiddenSize)
        intermediate = .allocate(capacity: tokens * config.intermediateSize)
        scores = .allocate(capacity: config.headCount * longest * longest)
    }

    func deallocate() {
        for buffer in [hidden, qkv, context, projected, intermediate, scores] { buffer.deallocate() }
    }
}
