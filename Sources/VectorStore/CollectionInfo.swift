/// What a collection is: written at creation to `collection.json`, checked on every open, and
/// rewritten (atomically) only when the schema evolves.
public struct CollectionInfo: Sendable, Hashable, Codable {
    /// Version of the on-disk layout: 3 is schema-typed WAL + columnar segments + manifest
    /// (docs/formats/); 2 (chunk JSON rows) and 1 (the walking skeleton's chunk log) are refused
    /// with a message to re-run the pipeline.
    public var formatVersion: Int
    public var name: String
    /// The embedder's model id for the first vector field; queries must be embedded by the same model.
    public var embeddingModel: String
    /// The fields, primary key, vector fields and text field of every document.
    public var schema: CollectionSchema
    /// The embedder that writes the first vector field (provider, model, settings but secrets);
    /// `nil` in files written before it was recorded, and for collections of vectors given by the
    /// caller. An open that knows the embedder records it into a file that lacks it.
    public var embedder: EmbedderRecord?

    public init(
        name: String,
        embeddingModel: String,
        schema: CollectionSchema,
        embedder: EmbedderRecord? = nil,
        formatVersion: Int = Self.currentFormatVersion
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.embeddingModel = embeddingModel
        self.schema = schema
        self.embedder = embedder
    }

    /// Components of the first vector field (the embedder's output).
    public var dimension: Int { schema.vectors.first?.dimension ?? 0 }

    public static let currentFormatVersion = 3
}
