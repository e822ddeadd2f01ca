import Pipeline
import PipelineConfig
import SECDocuments
import VectorStore

/// The body of `POST /v1/collections` (openapi.yaml `CreateCollection`).
struct CreateCollectionBody: Decodable, Sendable {
    /// `"sec"` for the SEC filings schema, or a schema object as `collection.json` holds it.
    enum Schema: Decodable, Sendable {
        case sec
        case custom(CollectionSchema)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                guard name == "sec" else {
                    throw DecodingError.dataCorruptedError(
                        in: container,
                        debugDescription: "the only named schema is \"sec\"; give a schema object otherwise"
                    )
                }
                self = .sec
            } else {
                self = .custom(try container.decode(CollectionSchema.self))
            }
        }
    }

    /// The embedder that embeds documents' `text` and search queries server-side.
    struct Embedder: Decodable, Sendable {
        /// `hashing` or `minilm` (an `openai`-compatible embedder is configured in pipeline files only:
        /// its base URL and key stay out of requests).
        var provider: String
        var dimension: Int?
    }

    var name: String
    var schema: Schema
    var embedder: Embedder?

    static let providers: Set<String> = ["hashing", "minilm"]

    /// The collection to create.
    ///
    /// - Throws: `APIError` 400 for an unknown provider, a schema whose vector dimension is not the
    ///   embedder's, or a collection without embedder whose vectors have no dimension; the embedder's
    ///   error when it cannot be built (a missing MiniLM model is 404).
    func info() throws -> CollectionInfo {
        guard let embedder else {
            guard case .custom(let schema) = schema else {
                throw APIError.badInput("the sec schema needs an embedder (its vectors are the embedder's)")
            }
            return CollectionInfo(name: name, embeddingModel: DocumentImporter.externalModelID, schema: schema)
        }
        guard Self.providers.contains(embedder.provider) else {
            throw APIError.badInput(
                "embedder.provider must be one of: \(Self.providers.sorted().joined(separator: ", "))"
            )
        }
        let settings = PipelineDefinition.EmbedderSettings(
            provider: embedder.provider,
            dimension: embedder.dimension ?? 384,
            modelDirectory: nil,
            precision: "auto",
            openAI: nil
        )
        let made = try EmbedderFactory.make(settings)
        let record = EmbedderFactory.record(of: settings, embedder: made)
        let resolved: CollectionSchema
        switch schema {
        case .sec: resolved = .secFilings(dimension: made.dimension)
        case .custom(let custom):
            guard custom.vectors.first?.dimension == made.dimension else {
                throw APIError.badInput(
                    "the schema's first vector has \(custom.vectors.first?.dimension ?? 0) components; "
                        + "the embedder gives \(made.dimension)"
                )
            }
            resolved = custom
        }
        return CollectionInfo(name: name, embeddingModel: made.modelID, schema: resolved, embedder: record)
    }
}
