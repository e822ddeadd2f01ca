/// Embeddings from an OpenAI-compatible HTTP endpoint (`POST {base}/v1/embeddings`).
///
/// Splits input into requests of at most `batchSize` inputs and about `maxTokensPerBatch` tokens
/// (characters / 4), asks for base64 float32, retries 429 / 5xx / transport failures per the retry
/// policy (honouring `Retry-After`), and validates every response (count, dimension, finite) before
/// returning anything, so a bad answer never reaches the store.
public struct OpenAICompatibleEmbedder: Embedder {
    /// Largest response body read, in bytes (2,048 vectors × 4,096 float32 in base64 is ~45 MB).
    public static let responseBytesMax = 64 << 20

    public let configuration: OpenAICompatibleConfiguration
    let transport: any EmbeddingHTTPTransport
    let sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - transport: the HTTP seam; async-http-client by default.
    ///   - sleep: waits between attempts; tests inject one that records and returns at once.
    public init(
        configuration: OpenAICompatibleConfiguration,
        transport: any EmbeddingHTTPTransport = AsyncHTTPClientTransport(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleep = sleep
    }

    /// `openai:{model}:{dimension}`; the base URL is left out so the same model served elsewhere
    /// shares cached vectors.
    public var modelID: String { "openai:\(configuration.model):\(configuration.dimension)" }
    public var dimension: Int { configuration.dimension }
    public var maxInputTokens: Int { configuration.maxInputTokens }
    public var batchSize: Int { configuration.batchSize }
    var providerName: String { "openai-compatible \(configuration.endpoint)" }

    public func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]] {
        try await embedAll(documents)
    }

    public func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]] {
        try await embedAll(queries)
    }

    private func embedAll(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        let inputs = try prepared(texts)
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for (batchIndex, range) in batches(inputs).enumerated() {
            vectors += try await send(Array(inputs[range]), batchIndex: batchIndex, firstInput: range.lowerBound)
        }
        return vectors
    }

    /// Rejects empty input and truncates input longer than `maxInputTokens × 4` characters.
    private func prepared(_ texts: [String]) throws(EmbeddingError) -> [String] {
        let charactersMax = configuration.maxInputTokens * 4
        var inputs: [String] = []
        inputs.reserveCapacity(texts.count)
        for (index, text) in texts.enumerated() {
            guard text.contains(where: { !$0.isWhitespace }) else {
                throw EmbeddingError(
                    code: .badInput,
                    model: modelID,
                    message: "empty or whitespace-only input",
                    inputIndex: index,
                    provider: providerName
                )
            }
            inputs.append(text.count > charactersMax ? String(text.prefix(charactersMax)) : text)
        }
        return inputs
    }

    /// Consecutive ranges of at most `batchSize` inputs and about `maxTokensPerBatch` tokens each
    /// (always at least one input).
    func batches(_ inputs: [String]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var tokens = 0
        for (index, input) in inputs.enumerated() {
            let estimate = input.utf8.count / 4 + 1
            if index > start,
                index - start >= configuration.batchSize || tokens + estimate > configuration.maxTokensPerBatch
            {
                ranges.append(start..<index)
                start = index
                tokens = 0
            }
            tokens += estimate
        }
        if start < inputs.count { ranges.append(start..<inputs.count) }
        return ranges
    }
}
