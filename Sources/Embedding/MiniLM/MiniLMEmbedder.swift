import CBLAS
import Foundation

/// Sentence embeddings from a BERT-family encoder run natively (OpenBLAS, or the AVX-512 BF16 kernel, for
/// the matrix products; see `MatrixPrecision`):
/// `sentence-transformers/all-MiniLM-L6-v2` by default, or any directory with the same files.
///
/// The directory holds `config.json`, `vocab.txt` (uncased WordPiece) and `model.safetensors`
/// (float32); `1_Pooling/config.json`, when present, must ask for mean pooling. Each text becomes
/// `[CLS] pieces [SEP]` truncated to `maxInputTokens`, the encoder's last hidden states are averaged
/// over those tokens and the mean is scaled to unit length. Documents and queries are embedded alike.
public struct MiniLMEmbedder: Embedder {
    /// Longest input read, in WordPiece tokens including `[CLS]` and `[SEP]` (sentence-transformers'
    /// `max_seq_length` for all-MiniLM-L6-v2).
    public static let tokensMaxDefault = 256
    /// The directory name `make deps` installs, relative to the repository root.
    public static let defaultDirectory = ".models/all-MiniLM-L6-v2"

    public let modelID: String
    public var dimension: Int { encoder.config.hiddenSize }
    public let maxInputTokens: Int
    public let batchSize: Int
    /// The directory the model was loaded from.
    public let directory: URL
    /// How the projections multiply on this machine: `float32` or `bfloat16` (never `automatic`).
    public let precision: MatrixPrecision

    private let tokenizer: WordPieceTokenizer
    private let encoder: BertEncoder

    /// Loads a model directory.
    ///
    /// Side effect: switches OpenBLAS to one thread for the whole process, because the encoder
    /// spreads its work over `VECTORDB_EMBED_WORKERS` / `OPENBLAS_NUM_THREADS` threads of its own.
    ///
    /// - Parameters:
    ///   - directory: the model directory (see the type's documentation for its files).
    ///   - modelID: the id recorded with stored vectors; defaults to the directory's name.
    ///   - batchSize: texts per forward pass, 1...1024.
    ///   - expectedWeightsSHA256: when given, `model.safetensors` must have this SHA-256 (lower-case
    ///     hex); hashing costs about a second per 100 MB in release builds.
    ///   - precision: how the projections multiply (`automatic`: bfloat16 where the CPU has AVX-512
    ///     BF16, else float32); packing the bfloat16 weights takes ~50 MB and a few milliseconds.
    /// - Throws: `EmbeddingError` naming the file (and tensor): `permanent` when the directory or a
    ///   file is missing or `bfloat16` is asked for on a CPU without AVX-512 BF16, `corruption` when a
    ///   file is malformed, truncated, of the wrong shape, or fails the checksum.
    public init(
        directory: URL,
        modelID: String? = nil,
        batchSize: Int = 32,
        expectedWeightsSHA256: String? = nil,
        precision: MatrixPrecision = .automatic,
        threads: Int? = nil
    ) throws(EmbeddingError) {
        precondition((1...1_024).contains(batchSize), "batchSize must be in 1...1024")
        let id = modelID ?? directory.standardizedFileURL.lastPathComponent
        guard let resolvedPrecision = precision.resolved else {
            throw EmbeddingError(
                code: .permanent,
                model: id,
                message: "bfloat16 precision needs a CPU with AVX-512 BF16; use float32 or auto"
            )
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw EmbeddingError(
                code: .permanent,
                model: id,
                message: "the model directory does not exist",
                file: directory.path
            )
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let config = try BertConfig.load(path: path("config.json"), model: id)
        try Self.checkPooling(path: path("1_Pooling/config.json"), model: id)
        let tokenizer = try WordPieceTokenizer(vocabularyPath: path("vocab.txt"), model: id)
        guard tokenizer.vocabularySize == config.vocabularySize else {
            throw EmbeddingError(
                code: .corruption,
                model: id,
                message:
                    "has \(tokenizer.vocabularySize) entries but config.json says vocab_size \(config.vocabularySize)",
                file: path("vocab.txt")
            )
        }
        let weightsPath = path("model.safetensors")
        let file = try SafetensorsFile(path: weightsPath, model: id)
        if let expected = expectedWeightsSHA256 {
            let actual = file.sha256Hex()
            guard actual == expected.lowercased() else {
                throw EmbeddingError(
                    code: .corruption,
                    model: id,
                    message: "SHA-256 \(actual), expected \(expected.lowercased())",
                    file: weightsPath
                )
            }
        }
        // The encoder does its own threading; OpenBLAS must then run each call on the calling thread,
        // or its idle workers spin against ours (measured: ~20 % of CPU in sched_yield).
        let workers = max(1, threads ?? ParallelRows.workerCount)
        guard vectordb_blas_load() == 1 else {
            throw EmbeddingError(
                code: .permanent,
                model: id,
                message: "OpenBLAS (libopenblas.so.0) could not be loaded; install libopenblas0 (make deps)"
            )
        }
        vectordb_blas_set_num_threads(1)
        let weights = try BertWeights(file: file, config: config, precision: resolvedPrecision)
        self.encoder = BertEncoder(weights: weights, workers: workers)
        self.precision = resolvedPrecision
        self.tokenizer = tokenizer
        self.modelID = id
        self.directory = directory
        self.batchSize = batchSize
        self.maxInputTokens = min(Self.tokensMaxDefault, config.maxPositions)
    }

    public func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]] {
        try await offPool { () throws(EmbeddingError) in try vectors(for: documents) }
    }

    public func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]] {
        try await offPool { () throws(EmbeddingError) in try vectors(for: queries) }
    }

    /// Runs the encoder on a Dispatch queue: a batch takes seconds of CPU, which must not hold one of
    /// the few threads of Swift's cooperative pool.
    private func offPool(
        _ work: @escaping @Sendable () throws(EmbeddingError) -> [[Float]]
    ) async throws(EmbeddingError) -> [[Float]] {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<[[Float]], EmbeddingError>, Never>) in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(EmbeddingError) in try work() })
            }
        }
        return try result.get()
    }

    /// Token ids of one text as the encoder reads it: `[CLS] … [SEP]`, at most `maxInputTokens`.
    public func tokenIDs(_ text: String) -> [Int32] {
        tokenizer.encode(text, tokensMax: maxInputTokens)
    }

    /// Tokens of one text before truncation, `[CLS]` and `[SEP]` included: more than `maxInputTokens`
    /// means the model reads only a prefix of it.
    public func tokenCount(_ text: String) -> Int {
        tokenizer.encode(text, tokensMax: Int.max).count
    }

    /// The unit-length embeddings of `texts`, in order, computed `batchSize` texts at a time.
    ///
    /// - Throws: `EmbeddingError` (`badInput`, naming the index) for a text with no tokens (empty or
    ///   only whitespace and control characters).
    public func vectors(for texts: [String]) throws(EmbeddingError) -> [[Float]] {
        var sequences: [[Int32]] = []
        sequences.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            let ids = tokenIDs(text)
            guard ids.count > 2 else {
                throw EmbeddingError(
                    code: .badInput,
                    model: modelID,
                    message: "the text is empty (no tokens after normalisation)",
                    inputIndex: index
                )
            }
            sequences.append(ids)
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < sequences.count {
            let end = min(start + batchSize, sequences.count)
            vectors.append(contentsOf: encoder.embed(Array(sequences[start..<end])))
            start = end
        }
        return vectors
    }

    /// Rejects a sentence-transformers pooling config that asks for anything but mean pooling.
    private static func checkPooling(path: String, model: String) throws(EmbeddingError) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EmbeddingError(code: .corruption, model: model, message: "not a JSON object", file: path)
        }
        guard object["pooling_mode_mean_tokens"] as? Bool ?? true else {
            throw EmbeddingError(
                code: .permanent,
                model: model,
                message: "only mean pooling (pooling_mode_mean_tokens) is supported",
                file: path
            )
        }
    }
}
