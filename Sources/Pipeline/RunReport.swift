/// What a pipeline run did; stored with the collection as `runs/run-{startedAtMs}.json`
/// (docs/formats/ledger.md, "Run records").
public struct RunReport: Sendable, Hashable, Codable {
    /// The pipeline's `[pipeline] name`, when the runner was built from a pipeline file.
    public var pipeline: String?
    /// The collection written.
    public var collection: String?
    /// `resume` or `force`.
    public var mode: RunOptions.Mode = .resume
    /// When the run started and finished, ms since 1970.
    public var startedAtMs: UInt64 = 0
    public var finishedAtMs: UInt64 = 0
    /// The error that stopped the run before its end (a `--fail-fast` failure, an unavailable store
    /// or embedder); `nil` when it went through every filing.
    public var stoppedBy: String?
    /// The settings hash of the run (`IngestionSettings.hash`).
    public var settingsHash: String?
    /// Filings parsed, chunked, embedded and stored.
    public var filingsIngested = 0
    /// Of those, filings the ledger had seen: changed bytes or settings, an interrupted write, a retry,
    /// `--force`.
    public var filingsReingested = 0
    /// Filings the ledger found unchanged (same source bytes, same settings): not parsed, nothing written.
    public var filingsUnchanged = 0
    /// Filings that failed before with bad input on the same bytes and settings: not retried.
    public var filingsFailedBefore = 0
    /// Exhibits among their documents (each filing's primary document is not counted here).
    public var exhibitsIngested = 0
    /// Exhibits selected but left out because the parser could not read them.
    public var documentsSkipped = 0
    /// Documents (primary and exhibits) handed to the parser.
    public var documentsParsed = 0
    /// Chunks written to the collection.
    public var chunksWritten = 0
    /// Chunks of earlier ingests deleted because the filing's new chunks do not reuse their ids.
    public var chunksDeleted = 0
    /// Bytes of source documents read for the filings ingested.
    public var sourceBytes = 0
    /// Chunks whose vector came from the embedding cache.
    public var embeddingCacheHits = 0
    /// Chunks embedded by the model (not in the cache, or no cache).
    public var embeddingCacheMisses = 0
    /// Live records in the collection after the run.
    public var collectionCount = 0
    /// The filings this run could not ingest, in source order, each with its reason.
    public var failures: [FilingFailure] = []
    /// Busy time of each stage, milliseconds summed over filings: reading, archiving, parsing and
    /// chunking (`readAndChunkMs`, which overlaps the others), embedding (`embedMs`, cache lookups
    /// included) and writing chunks and ledger entries (`writeMs`). With the stages overlapped, the
    /// run's wall time approaches the largest of them.
    public var readAndChunkMs = 0
    public var embedMs = 0
    public var writeMs = 0

    public init() {}
}
