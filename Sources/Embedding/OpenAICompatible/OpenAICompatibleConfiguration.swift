/// Settings of an OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, vLLM, llama.cpp server,
/// Ollama, text-embeddings-inference).
public struct OpenAICompatibleConfiguration: Sendable, Hashable {
    /// Largest `input` array OpenAI accepts in one request.
    public static let batchSizeMax = 2_048

    /// Scheme, host and optional path prefix, without `/v1/embeddings`, e.g. `https://api.openai.com`.
    public var baseURL: String
    /// The `model` field of each request.
    public var model: String
    /// Bearer token; `nil` sends no `Authorization` header (local servers).
    public var apiKey: String?
    /// Components each returned vector must have.
    public var dimension: Int
    /// Sent as `dimensions` (models that can shorten their output); `nil` leaves it out.
    public var requestedDimensions: Int?
    /// Inputs per request, 1...2048.
    public var batchSize: Int
    /// Approximate token budget per request, estimated as characters / 4 (no tokenizer for remote
    /// models).
    public var maxTokensPerBatch: Int
    /// Longest input in approximate tokens (characters / 4); longer input is truncated.
    public var maxInputTokens: Int
    /// Time allowed for one request, including the response body.
    public var requestTimeout: Duration
    public var retry: EmbeddingRetryPolicy

    public init(
        baseURL: String,
        model: String,
        apiKey: String? = nil,
        dimension: Int,
        requestedDimensions: Int? = nil,
        batchSize: Int = 256,
        maxTokensPerBatch: Int = 100_000,
        maxInputTokens: Int = 8_191,
        requestTimeout: Duration = .seconds(120),
        retry: EmbeddingRetryPolicy = EmbeddingRetryPolicy()
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.dimension = dimension
        self.requestedDimensions = requestedDimensions
        self.batchSize = min(max(1, batchSize), Self.batchSizeMax)
        self.maxTokensPerBatch = max(1, maxTokensPerBatch)
        self.maxInputTokens = max(1, maxInputTokens)
        self.requestTimeout = requestTimeout
        self.retry = retry
    }

    /// The endpoint URL: `{baseURL}/v1/embeddings` (a trailing `/` or `/v1` on the base is tolerated).
    public var endpoint: String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/v1") { base.removeLast(3) }
        return base + "/v1/embeddings"
    }
}
