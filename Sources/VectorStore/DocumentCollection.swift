/// The collection API every store implementation serves: the seam between the pipeline / query
/// layers and the storage engine.
///
/// Guarantees: when `upsert` returns, the records are durable (they survive a crash) and visible to
/// `search`; a record with an existing chunk id replaces the old one.
public protocol DocumentCollection: Sendable {
    /// Information fixed when the collection was created.
    var info: CollectionInfo { get async }
    /// Number of live records.
    var count: Int { get async }
    /// Writes a batch atomically: all records become durable and visible, or none.
    ///
    /// - Throws: `StoreError.badInput` (wrong dimension, non-finite component) before anything is
    ///   written; `StoreError.io` when the disk refuses.
    func upsert(_ records: [ChunkRecord]) async throws(StoreError)
    /// The `k` records closest to the query vector that satisfy every filter, best first.
    func search(_ request: SearchRequest) async throws(StoreError) -> [SearchHit]
}

/// A top-k similarity query.
public struct SearchRequest: Sendable, Hashable {
    /// The query embedding, of the collection's dimension.
    public var vector: [Float]
    /// Number of hits wanted, `1...1000`.
    public var k: Int
    /// Conditions every hit satisfies (AND).
    public var filters: [MetadataFilter]

    public init(vector: [Float], k: Int, filters: [MetadataFilter] = []) {
        self.vector = vector
        self.k = k
        self.filters = filters
    }

    /// The largest `k` a request may ask for.
    public static let kMax = 1_000
}
