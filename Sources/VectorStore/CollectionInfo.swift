/// What a collection is: written once at creation to `collection.json` and checked on every open.
public struct CollectionInfo: Sendable, Hashable, Codable {
    /// Version of the on-disk layout: 2 is WAL + segments + manifest (docs/formats/); 1, the
    /// walking skeleton's chunk log, is refused with a message to re-run the pipeline.
    public var formatVersion: Int
    public var name: String
    /// The embedder's model id; queries must be embedded by the same model.
    public var embeddingModel: String
    /// Vector components.
    public var dimension: Int

    public init(name: String, embeddingModel: String, dimension: Int, formatVersion: Int = Self.currentFormatVersion) {
        self.formatVersion = formatVersion
        self.name = name
        self.embeddingModel = embeddingModel
        self.dimension = dimension
    }

    public static let currentFormatVersion = 2
}
