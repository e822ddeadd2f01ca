import VectorStore

/// A collection as `GET /v1/collections[/{name}]` describes it (openapi.yaml `Collection`).
struct CollectionBody: Encodable, Sendable {
    var name: String
    var embeddingModel: String
    var dimension: Int
    var documents: Int
    var schema: CollectionSchema
    var embedder: EmbedderRecord?

    init(_ snapshot: ReadSnapshot) {
        let info = snapshot.info
        name = info.name
        embeddingModel = info.embeddingModel
        dimension = info.dimension
        documents = snapshot.count
        schema = info.schema
        embedder = info.embedder
    }
}
