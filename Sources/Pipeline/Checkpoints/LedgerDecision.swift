import VectorStore

/// What a run does with one filing, decided from its ledger entry before anything is parsed.
public enum LedgerDecision: Sendable, Hashable {
    /// Ingested before from the same source bytes with the same settings: left as it is.
    case skipUnchanged
    /// Failed before with bad input on the same bytes and settings: it would fail the same way, so
    /// it is not retried (`--force` retries it).
    case skipFailedBefore
    /// Parse, chunk, embed and write it; `staleIDs` are the ids an earlier ingest (or an interrupted
    /// write) left in the collection, deleted when the new chunks do not reuse them.
    case ingest(Reason, staleIDs: [String])

    /// Why a filing is ingested.
    public enum Reason: String, Sendable, Hashable {
        /// Not in the ledger.
        case new
        /// `--force`.
        case forced
        /// Its last write began and never finished (a `pending` entry: the process died).
        case interrupted
        /// Its source bytes (or filing metadata) changed.
        case changedSource
        /// The settings that shape chunks changed (chunk size, embedder, document selection, schema).
        case changedSettings
        /// It failed before for a reason that may pass now (not bad input), or its bytes or
        /// settings changed since it failed.
        case retry
    }

    /// The decision for a filing whose selected documents hash to `contentHash`, in a run whose
    /// settings hash to `settingsHash`.
    public init(entry: LedgerEntry?, contentHash: String, settingsHash: String, mode: RunOptions.Mode) {
        guard let entry else {
            self = .ingest(.new, staleIDs: [])
            return
        }
        let stale = entry.documentIDs
        let unchanged = entry.contentHash == contentHash && entry.settingsHash == settingsHash
        switch (mode, entry.status) {
        case (.force, _): self = .ingest(.forced, staleIDs: stale)
        case (.resume, .pending): self = .ingest(.interrupted, staleIDs: stale)
        case (.resume, .failed):
            self =
                unchanged && entry.failure?.category == "badInput"
                ? .skipFailedBefore : .ingest(.retry, staleIDs: stale)
        case (.resume, .ingested):
            if entry.contentHash != contentHash {
                self = .ingest(.changedSource, staleIDs: stale)
            } else if entry.settingsHash != settingsHash {
                self = .ingest(.changedSettings, staleIDs: stale)
            } else {
                self = .skipUnchanged
            }
        }
    }
}
