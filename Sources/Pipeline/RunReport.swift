/// What a pipeline run did.
public struct RunReport: Sendable, Hashable {
    /// Filings parsed, chunked, embedded and stored.
    public var filingsIngested = 0
    /// Exhibits among their documents (each filing's primary document is not counted here).
    public var exhibitsIngested = 0
    /// Exhibits selected but left out because the parser could not read them.
    public var documentsSkipped = 0
    /// Chunks written to the collection.
    public var chunksWritten = 0
    /// Bytes of source documents read.
    public var sourceBytes = 0
    /// Chunks whose vector came from the embedding cache.
    public var embeddingCacheHits = 0
    /// Chunks embedded by the model (not in the cache, or no cache).
    public var embeddingCacheMisses = 0
    /// Live records in the collection after the run.
    public var collectionCount = 0

    public init() {}
}
