/// The embedder that wrote a collection, recorded in `collection.json` so the collection can be
/// searched (and imported into) without the pipeline file: the query embedder is rebuilt from it.
///
/// Never holds a secret: for an HTTP provider it records the *name* of the environment variable
/// that holds the API key, not the key. The store does not interpret the settings; `Pipeline`'s
/// `EmbedderFactory` writes and reads them.
public struct EmbedderRecord: Sendable, Hashable, Codable {
    /// `hashing`, `minilm` or `openai`.
    public var provider: String
    /// The embedder's model id (equals `CollectionInfo.embeddingModel`).
    public var model: String
    /// Components of each vector.
    public var dimension: Int
    /// Longest input the model reads, in its tokens, when it has a limit.
    public var maxInputTokens: Int?
    /// `minilm`: the absolute model directory the collection was written with (one of the places
    /// the query embedder's model is looked for, docs/cli.md "Model directories").
    public var modelDirectory: String?
    /// `minilm`: `auto`, `float32` or `bfloat16`.
    public var precision: String?
    /// `openai`: the server's base URL, e.g. `https://api.openai.com`.
    public var baseURL: String?
    /// `openai`: the model name sent in each request.
    public var requestModel: String?
    /// `openai`: the name of the environment variable holding the API key (never the key).
    public var apiKeyEnvironmentVariable: String?
    /// `openai`: the `dimensions` asked of the server, when set.
    public var requestedDimensions: Int?
    /// `openai`: inputs per request and tokens per request, bounds of one batch.
    public var batchSize: Int?
    public var maxTokensPerBatch: Int?

    public init(
        provider: String,
        model: String,
        dimension: Int,
        maxInputTokens: Int? = nil,
        modelDirectory: String? = nil,
        precision: String? = nil,
        baseURL: String? = nil,
        requestModel: String? = nil,
        apiKeyEnvironmentVariable: String? = nil,
        requestedDimensions: Int? = nil,
        batchSize: Int? = nil,
        maxTokensPerBatch: Int? = nil
    ) {
        self.provider = provider
        self.model = model
        self.dimension = dimension
        self.maxInputTokens = maxInputTokens
        self.modelDirectory = modelDirectory
        self.precision = precision
        self.baseURL = baseURL
        self.requestModel = requestModel
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.requestedDimensions = requestedDimensions
        self.batchSize = batchSize
        self.maxTokensPerBatch = maxTokensPerBatch
    }
}
