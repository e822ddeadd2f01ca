/// What the ingestion ledger knows of one source document (for the SEC pipeline, a filing keyed by
/// its accession number): the hashes it was ingested with, the document ids it wrote into the
/// collection, and how its last attempt ended (docs/formats/ledger.md).
///
/// Invariant: `documentIDs` lists every id of the collection written for `key` and not deleted since
/// (a superset while `status` is `pending`), so a re-ingest can delete the ids it no longer writes.
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// How the last attempt on a source document ended.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Its documents are being written: recorded before the write, with the ids it may leave
        /// (the previous ones and the new ones). Found at the next run, it means the write was
        /// interrupted: the source document is ingested again.
        case pending
        /// Its documents are durable in the collection (recorded only after the write returned).
        case ingested
        /// It could not be ingested; `failure` says why. Documents of an earlier ingest stay.
        case failed
    }

    /// Why an attempt failed, in the words of the stage that failed.
    public struct Failure: Sendable, Hashable, Codable {
        /// The stage that failed (`parse`, `embed`, …).
        public var stage: String
        /// `ErrorCategory` raw value: `badInput`, `notFound`, `corrupt`, `internal`, …
        public var category: String
        /// The error's description.
        public var message: String

        public init(stage: String, category: String, message: String) {
            self.stage = stage
            self.category = category
            self.message = message
        }
    }

    /// The source document's key: 1 to 1 024 UTF-8 bytes (an accession number).
    public var key: String
    public var status: Status
    /// Hash of the source bytes the attempt read (lower-case hex; the pipeline uses SHA-256).
    public var contentHash: String
    /// Hash of the settings that shape the written documents (lower-case hex).
    public var settingsHash: String
    /// The collection's document ids written for `key` (see the type's invariant).
    public var documentIDs: [String]
    /// Set when `status` is `failed`.
    public var failure: Failure?
    /// When the entry was recorded, ms since 1970 (the store's clock).
    public var recordedAtMs: UInt64

    public init(
        key: String,
        status: Status,
        contentHash: String,
        settingsHash: String,
        documentIDs: [String],
        failure: Failure? = nil,
        recordedAtMs: UInt64 = 0
    ) {
        self.key = key
        self.status = status
        self.contentHash = contentHash
        self.settingsHash = settingsHash
        self.documentIDs = documentIDs
        self.failure = failure
        self.recordedAtMs = recordedAtMs
    }
}
