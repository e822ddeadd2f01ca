import CKernels

/// The BERT encoder forward pass with mean pooling: token ids in, one L2-normalised vector per
/// sequence out.
///
/// A batch is *packed*: the sequences' tokens are stacked into one `[tokens × hidden]` matrix with no
/// padding, so each projection (query/key/value, attention output, feed-forward) is one `sgemm` over
/// every token of the batch, while attention runs per sequence over its own tokens only. This equals
/// padding to the longest sequence with an attention mask (padding never reaches a real token, and
/// pooling skips it) without computing the padding.
///
/// Threads: `workers` threads split each projection into row blocks and the attention into
/// (sequence, head) tasks; OpenBLAS runs single-threaded inside each (see `MiniLMEmbedder.init`).
struct BertEncoder: Sendable {
    let weights: BertWeights
    /// Threads of one forward pass; OpenBLAS itself is kept single-threaded (see `MiniLMEmbedder`).
    let workers: Int

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

        let scratch = Scratch(tokens: tokens, config: config)
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
        linear(scratch.hidden, rows: tokens, layer.qkv, output: scratch.qkv, scratch: scratch)

        let scale = 1 / Float(headSize).squareRoot()
        // One task per (sequence, head); each worker owns a scratch buffer for the tasks it runs. In
        // bfloat16 precision a head runs in the BF16 kernel (scores, softmax and both products).
        var tasks: [(offset: Int, length: Int, head: Int)] = []
        var offset = 0
        for length in lengths {
            for head in 0..<config.headCount { tasks.append((offset, length, head)) }
            offset += length
        }
        let longest = lengths.max() ?? 0
        let qkv = scratch.qkv
        let context = scratch.context
        if weights.precision == .bfloat16, headSize % 32 == 0 {
            let scratchBytes = vectordb_bf16_attention_scratch_bytes(Int32(longest), Int32(headSize))
            ParallelRows.forEach(rows: tasks.count, workers: workers, rowsPerWorker: 1) { range in
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: scratchBytes, alignment: 64)
                defer { buffer.deallocate() }
                for task in tasks[range] {
                    let query = qkv + task.offset * qkvWidth + task.head * headSize
                    vectordb_bf16_attention(
                        query,
                        query + hidden,
                        query + 2 * hidden,
                        Int32(qkvWidth),
                        Int32(task.length),
                        Int32(headSize),
                        scale,
                        context + task.offset * hidden + task.head * headSize,
                        Int32(hidden),
                        buffer
                    )
                }
            }
        } else {
            ParallelRows.forEach(rows: tasks.count, workers: workers, rowsPerWorker: 1) { range in
                let scores = UnsafeMutablePointer<Float>.allocate(capacity: longest * longest)
                defer { scores.deallocate() }
                for task in tasks[range] {
                    let query = qkv + task.offset * qkvWidth + task.head * headSize
                    BertKernels.matmul(
                        m: task.length,
                        n: task.length,
                        k: headSize,
                        alpha: scale,
                        a: query,
                        lda: qkvWidth,
                        b: query + hidden,
                        ldb: qkvWidth,
                        transposeB: true,
                        c: scores,
                        ldc: task.length
                    )
                    BertKernels.softmax(scores, rows: task.length, width: task.length)
                    BertKernels.matmul(
                        m: task.length,
                        n: headSize,
                        k: task.length,
                        alpha: 1,
                        a: scores,
                        lda: task.length,
                        b: query + 2 * hidden,
                        ldb: qkvWidth,
                        transposeB: false,
                        c: context + task.offset * hidden + task.head * headSize,
                        ldc: hidden
                    )
                }
            }
        }

        linear(scratch.context, rows: tokens, layer.attentionOutput, output: scratch.projected, scratch: scratch)
        addAndNormalize(
            scratch.projected,
            into: scratch.hidden,
            rows: tokens,
            gamma: layer.attentionNormGamma,
            beta: layer.attentionNormBeta
        )

        feedForward(layer, tokens: tokens, scratch: scratch)
        addAndNormalize(
            scratch.projected,
            into: scratch.hidden,
            rows: tokens,
            gamma: layer.outputNormGamma,
            beta: layer.outputNormBeta
        )
    }

    /// `scratch.projected = output(GELU(intermediate(scratch.hidden)))`, row block by row block.
    ///
    /// Each worker takes its rows `feedForwardBlockRows` at a time through both products and the GELU
    /// between them, so the block's `[rows × intermediate]` activations stay in its core's L2
    /// instead of a `[tokens × intermediate]` matrix (50 MB for a batch of 32 × 256 tokens) going
    /// through memory three times.
    private func feedForward(_ layer: BertWeights.Layer, tokens: Int, scratch: Scratch) {
        let width = config.intermediateSize
        let hidden = config.hiddenSize
        let convertedWidth = (max(width, hidden) + 1) & ~1
        let input = scratch.hidden
        let projected = scratch.projected
        let blockRows = Self.feedForwardBlockRows
        ParallelRows.forEach(rows: tokens, workers: workers, rowsPerWorker: 64) { range in
            let activations = UnsafeMutablePointer<Float>.allocate(capacity: blockRows * width)
            let converted = UnsafeMutablePointer<UInt16>.allocate(capacity: blockRows * convertedWidth)
            defer {
                activations.deallocate()
                converted.deallocate()
            }
            for start in stride(from: range.lowerBound, to: range.upperBound, by: blockRows) {
                let rows = min(blockRows, range.upperBound - start)
                BertKernels.linear(
                    input + start * hidden,
                    rows: rows,
                    layer.intermediate,
                    output: activations,
                    converted: converted
                )
                BertKernels.gelu(activations, count: rows * width)
                BertKernels.linear(
                    activations,
                    rows: rows,
                    layer.output,
                    output: projected + start * hidden,
                    converted: converted
                )
            }
        }
    }

    /// Rows per feed-forward block: 96 × 1,536 float32 activations (576 KiB) fit a 1 MiB L2 with
    /// their bfloat16 copy.
    static let feedForwardBlockRows = 96

    /// `BertKernels.linear` with the rows split over the workers (each block is its own product).
    private func linear(
        _ input: UnsafePointer<Float>,
        rows: Int,
        _ layer: LinearWeights,
        output: UnsafeMutablePointer<Float>,
        scratch: Scratch
    ) {
        let converted = scratch.converted
        let width = (layer.inFeatures + 1) & ~1
        ParallelRows.forEach(rows: rows, workers: workers, rowsPerWorker: 64) { range in
            BertKernels.linear(
                input + range.lowerBound * layer.inFeatures,
                rows: range.count,
                layer,
                output: output + range.lowerBound * layer.outFeatures,
                converted: converted + range.lowerBound * width
            )
        }
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
        ParallelRows.forEach(rows: rows, workers: workers) { range in
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
    /// `[tokens × hidden]` (width rounded up to even): a projection's input rounded to bfloat16.
    let converted: UnsafeMutablePointer<UInt16>

    init(tokens: Int, config: BertConfig) {
        hidden = .allocate(capacity: tokens * config.hiddenSize)
        qkv = .allocate(capacity: tokens * 3 * config.hiddenSize)
        context = .allocate(capacity: tokens * config.hiddenSize)
        projected = .allocate(capacity: tokens * config.hiddenSize)
        converted = .allocate(capacity: tokens * ((config.hiddenSize + 1) & ~1))
    }

    func deallocate() {
        for buffer in [hidden, qkv, context, projected] { buffer.deallocate() }
        converted.deallocate()
    }
}
