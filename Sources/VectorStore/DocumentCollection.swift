/// The collection API every store implementation serves: the seam between the pipeline / query
/// layers and the storage engine.
///
/// Guarantees: when `upsert` returns, the documents are durable (they survive a crash) and visible to
/// `search`; a document with an existing primary key replaces the old one.
public protocol DocumentCollection: Sendable {
    /// Information fixed when the collection was created.
    var info: CollectionInfo { get async }
    /// Number of live documents.
    var count: Int { get async }
    /// Writes a batch atomically: all documents become durable and visible, or none.
    ///
    /// - Throws: `StoreError.badInput` with a `violation`, the document id and the field (unknown
    ///   field, wrong type, missing required field, wrong dimension, NaN/inf, oversized batch)
    ///   before anything is written; `StoreError.io` when the disk refuses.
    func upsert(_ documents: [Document]) async throws(StoreError)
    /// Deletes the records with these ids (ids not present are ignored); durable when it returns.
    func delete(_ ids: [String]) async throws(StoreError)
    /// The `k` records closest to the query vector that satisfy every filter, best first.
    func search(_ request: SearchRequest) async throws(StoreError) -> [SearchHit]
    /// Makes every acknowledged write part of a new committed version (the memtable is flushed to a
    /// segment), so point-in-time search (`asOf`) can name it; nothing happens when nothing is
    /// unflushed, or when a flush is already running (its version, or the next, takes the writes). A
    /// running compaction does not delay it beyond its own manifest commit.
    func commit() async throws(StoreError)
    /// Returns once no background maintenance (compaction) runs, so a process can exit without
    /// abandoning one (an abandoned compaction only leaves a file the next open removes).
    ///
    /// - Throws: the error that failed a flush or compaction; writes are refused until the
    ///   collection is reopened.
    func waitForMaintenance() async throws(StoreError)
}

/// How a search ranks records.
public enum SearchMode: String, Sendable, Hashable, CaseIterable {
    /// Cosine similarity of embeddings: finds paraphrases.
    case vector
    /// BM25 over chunk text: finds exact terms (tickers, defined terms, numbers).
    case lexical
    /// Both, fused with reciprocal rank fusion: `Σ weight / (60 + rank)` over the two rankings.
    case hybrid
}

/// A top-k query: a vector, a text, or both (hybrid), with metadata filters.
public struct SearchRequest: Sendable, Hashable {
    /// The query embedding, of the searched vector field's dimension; required for `vector` and `hybrid`.
    public var vector: [Float]?
    /// The query text; required for `lexical` and `hybrid`.
    public var text: String?
    /// Number of hits wanted, `1...1000`.
    public var k: Int
    /// Conditions every hit satisfies (AND).
    public var filters: [MetadataFilter]
    /// The vector field searched; `nil` for the schema's first.
    public var vectorField: String?
    public var mode: SearchMode
    /// Weight of the vector ranking in hybrid fusion (default 1).
    public var vectorWeight: Float
    /// Weight of the BM25 ranking in hybrid fusion (default 1).
    public var lexicalWeight: Float
    /// Reads a retained committed version instead of the latest state (`nil`, the default: the latest
    /// state, memtable included). An unknown or expired version is `StoreError.badInput`.
    public var asOf: VersionSelector? = nil
    /// How the vector ranking searches each source: the planner's choice (`auto`, the default), or
    /// forced for measurements and tests; every choice returns `min(k, matches)` hits.
    public var strategy: SearchStrategy = .auto

    /// A vector-only request.
    public init(vector: [Float], k: Int, filters: [MetadataFilter] = []) {
        self.init(vector: vector, text: nil, k: k, filters: filters, mode: .vector)
    }

    public init(
        vector: [Float]?,
        text: String?,
        k: Int,
        filters: [MetadataFilter] = [],
        mode: SearchMode,
        vectorWeight: Float = 1,
        lexicalWeight: Float = 1,
        vectorField: String? = nil
    ) {
        self.vectorField = vectorField
        self.vector = vector
        self.text = text
        self.k = k
        self.filters = filters
        self.mode = mode
        self.vectorWeight = vectorWeight
        self.lexicalWeight = lexicalWeight
    }

    /// The largest `k` a request may ask for.
    public static let kMax = 1_000
    /// The constant of reciprocal rank fusion (Cormack et al., 2009).
    public static let fusionRankOffset: Float = 60
}
