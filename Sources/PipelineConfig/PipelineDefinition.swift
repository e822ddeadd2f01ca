import Foundation
import VectorStore

/// A pipeline as a TOML file describes it (see `pipelines/fixtures.toml` and the README for the keys):
/// where filings come from, how they are chunked and embedded, and which collection receives them.
///
/// Every key has an embedded default except `source.root` (for the local kinds) and, for
/// `kind = "edgar"`, which filers to fetch. String values may refer to environment variables as
/// `${NAME}` or `${NAME:-default}`.
public struct PipelineDefinition: Sendable, Hashable {
    /// The file the definition was read from.
    public var file: String
    public var name: String
    public var source: SourceSettings
    public var chunker: ChunkerSettings
    public var embedder: EmbedderSettings
    public var store: StoreSettings
    /// `[parse]`.
    public var parse = ParseSettings()
    /// `[schedule]`, when the file has one (`vectordb schedule` requires it).
    public var schedule: ScheduleSettings?

    /// `[source]`: where filings come from.
    public struct SourceSettings: Sendable, Hashable {
        /// `edgar-archive` (the default), a directory with `submissions/CIK##########.json` and
        /// `Archives/edgar/data/{cik}/{accession}/` folders, as on EDGAR; `edgar-cache`, the raw
        /// cache `vectordb fetch --cache DIR` writes; or `edgar`, EDGAR itself (`edgar`).
        public var kind: String
        /// The directory, resolved against the TOML file's directory when relative; for `edgar`, the
        /// raw cache of fetched filings (`cache_dir`), `nil` for `<data-dir>/edgar-cache`.
        public var root: URL?
        /// Form types to ingest; empty means every form whose primary document is present.
        public var forms: [String]
        /// CIKs to ingest; empty means every filer under `submissions/`.
        public var ciks: [Int]
        /// `documents`: which documents of each filing to ingest (default `["primary", "EX-99*"]`).
        public var documents: DocumentSelection
        /// The `edgar` kind's keys; `nil` for the other kinds.
        public var edgar: EDGARSourceSettings?
    }

    /// `[parse]`: limits of the filing parser.
    public struct ParseSettings: Sendable, Hashable {
        /// `max_input_bytes`: the largest document parsed, 1 MiB...2 GiB (default 256 MiB); a larger
        /// one fails as bad input (and is recorded, the run going on).
        public var maxInputBytes: Int

        public static let maxInputBytesRange = (1 << 20)...(1 << 31)

        public init(maxInputBytes: Int = 256 * 1024 * 1024) { self.maxInputBytes = maxInputBytes }
    }

    /// `[chunker]`: section-aware chunks sized in the embedder's tokens.
    public struct ChunkerSettings: Sendable, Hashable {
        /// `max_tokens`: most tokens of a chunk's embedding input, special tokens included,
        /// 16...100000 (default 256, all-MiniLM-L6-v2's limit).
        public var maxTokens: Int
        /// `overlap_tokens`: most tokens shared by consecutive chunks of one paragraph, less than half
        /// of `maxTokens` (default 32).
        public var overlapTokens: Int

        public init(maxTokens: Int = 256, overlapTokens: Int = 32) {
            self.maxTokens = maxTokens
            self.overlapTokens = overlapTokens
        }
    }

    /// `[embedder]`.
    public struct EmbedderSettings: Sendable, Hashable {
        /// `minilm` (the default when `[embedder]` or its `provider` is absent: all-MiniLM-L6-v2, or
        /// another BERT-family model directory, run natively), `hashing` (lexical, no model files) or
        /// `openai` (an OpenAI-compatible `/v1/embeddings` server).
        public var provider: String
        /// Vector components, 16...4096 (default 384); for `minilm` it must equal the model's width.
        public var dimension: Int
        /// `model_dir` for `minilm`, resolved against the TOML file's directory; `nil` looks in
        /// `$VECTORDB_MODEL_DIR`, the user cache and `./.models/all-MiniLM-L6-v2` (where `make deps`
        /// puts it), in that order (`Pipeline.ModelDirectoryLookup`, docs/cli.md).
        public var modelDirectory: URL?
        /// `precision` for `minilm`: `auto` (default: bfloat16 products where the CPU has AVX-512 BF16,
        /// else float32), `float32` or `bfloat16` (an error on a CPU without AVX-512 BF16).
        public var precision: String
        /// The `openai` provider's keys; `nil` for the other providers.
        public var openAI: OpenAISettings?
        /// `batch_size` for `minilm`: texts per forward pass, 1...1024 (`nil`: 32).
        public var batchSize: Int?
        /// `threads` for `minilm`: threads of one forward pass, 1...256 (`nil`:
        /// `$VECTORDB_EMBED_WORKERS`, else the CPU count).
        public var threads: Int?

        /// The values `precision` takes.
        public static let precisions: Set<String> = ["auto", "float32", "bfloat16"]

        public init(
            provider: String,
            dimension: Int,
            modelDirectory: URL? = nil,
            precision: String = "auto",
            openAI: OpenAISettings? = nil,
            batchSize: Int? = nil,
            threads: Int? = nil
        ) {
            self.provider = provider
            self.dimension = dimension
            self.modelDirectory = modelDirectory
            self.precision = precision
            self.openAI = openAI
            self.batchSize = batchSize
            self.threads = threads
        }
    }

    /// `[embedder]` keys of `provider = "openai"`.
    public struct OpenAISettings: Sendable, Hashable {
        /// `base_url`, e.g. `https://api.openai.com` or `http://127.0.0.1:8000` (required).
        public var baseURL: String
        /// `model`, sent in each request (required).
        public var model: String
        /// `api_key_env`: the name of the environment variable holding the key; `nil` sends none.
        public var apiKeyEnvironmentVariable: String?
        /// `dimensions`: sent to models that can shorten their vectors; when set it is also the
        /// expected width (otherwise `dimension` is).
        public var dimensions: Int?
        /// `batch_size`: inputs per request, 1...2048 (default 256).
        public var batchSize: Int
        /// `max_tokens_per_batch`: approximate tokens (characters / 4) per request (default 100000).
        public var maxTokensPerBatch: Int

        public init(
            baseURL: String,
            model: String,
            apiKeyEnvironmentVariable: String? = nil,
            dimensions: Int? = nil,
            batchSize: Int = 256,
            maxTokensPerBatch: Int = 100_000
        ) {
            self.baseURL = baseURL
            self.model = model
            self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
            self.dimensions = dimensions
            self.batchSize = batchSize
            self.maxTokensPerBatch = maxTokensPerBatch
        }
    }

    /// `[store]`.
    public struct StoreSettings: Sendable, Hashable {
        /// Collection name, `[a-z0-9_-]{1,64}` (default `filings`).
        public var collection: String
        /// The collection schema file (`[store] schema`, e.g. `config/sec-collection.toml`);
        /// `nil` for the built-in SEC schema, which that file equals.
        public var schemaFile: URL?
        /// How new segments compress their metadata blocks (`[store] codec`: `lz4` (default),
        /// `zstd`, `gzip` or `none`).
        public var codec: StoreOptions.Codec
        /// The I/O budget of background compaction, bytes per second (`[store]
        /// compaction_bytes_per_second`, `StoreOptions.compactionBytesPerSecond`): 0 for unlimited,
        /// default 64 MiB/s, at most `compactionBytesPerSecondRange.upperBound`.
        public var compactionBytesPerSecond: Int

        /// The budgets a pipeline file may set (0 = unlimited; 1 TiB/s is beyond any disk).
        public static let compactionBytesPerSecondRange = 0...(1 << 40)

        public init(
            collection: String,
            schemaFile: URL? = nil,
            codec: StoreOptions.Codec = .lz4,
            compactionBytesPerSecond: Int = StoreOptions().compactionBytesPerSecond
        ) {
            self.collection = collection
            self.schemaFile = schemaFile
            self.codec = codec
            self.compactionBytesPerSecond = compactionBytesPerSecond
        }
    }

    static let sourceKinds: Set<String> = ["directory", "edgar", "edgar-archive", "edgar-cache"]
    static let providers: Set<String> = ["hashing", "minilm", "openai"]
    static let openAIKeys: Set<String> = [
        "base_url", "model", "api_key_env", "dimensions", "batch_size", "max_tokens_per_batch",
    ]
}
