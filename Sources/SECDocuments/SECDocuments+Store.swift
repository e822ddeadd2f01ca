import SECModel
import VectorStore

extension CollectionInfo {
    /// A collection of the SEC schema (`CollectionSchema.secFilings`) with `dimension`-component embeddings.
    public init(name: String, embeddingModel: String, dimension: Int) {
        self.init(name: name, embeddingModel: embeddingModel, schema: .secFilings(dimension: dimension))
    }
}

extension DocumentCollection {
    /// Writes SEC chunk records as documents of the SEC schema (`ChunkRecord.document`).
    public func upsert(_ records: [ChunkRecord]) async throws(StoreError) {
        try await upsert(records.map(\.document))
    }
}

extension SearchHit {
    /// The chunk, for collections of the SEC schema; `nil` when the document lacks an SEC field.
    public var chunk: Chunk? { SECChunkMapping.chunk(document) }
}

extension ReadSnapshot {
    /// Every live document of the SEC schema as a `ChunkRecord` (tests and tools; O(rows)).
    public func records() -> [ChunkRecord] { documents().compactMap(ChunkRecord.init) }
}

extension LocalCollection {
    /// Every live record of the SEC schema now (tests and tools; O(rows)).
    public func records() -> [ChunkRecord] { readSnapshot().records() }
}

extension MetadataFilter {
    /// Parses `KEY OP VALUE` against the SEC schema (`CollectionSchema.secFilings`), with its
    /// aliases (`year`, `ticker`); see `init(parsing:schema:aliases:)`.
    public init(parsing expression: String) throws(StoreError) {
        try self.init(
            parsing: expression,
            schema: .secFilings(dimension: 1),
            aliases: CollectionSchema.secFilterAliases
        )
    }
}
