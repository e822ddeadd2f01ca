import Chunker
import SECDocuments
import SECModel
import VectorStore

extension PipelineRunner {
    /// One filing through the ledger: read its documents, decide from its ledger entry
    /// (`LedgerDecision`), and when it is to be ingested, prepare and write it. A failure confined
    /// to the filing is recorded (ledger and report) and returned from, unless `options.failFast`.
    ///
    /// - Parameter written: filings written so far in this run (counts `TestCrashHook` points).
    func ingest(
        _ filing: SourceFiling,
        settingsHash: String,
        options: RunOptions,
        written: inout Int,
        report: inout RunReport
    ) async throws(PipelineError) {
        let metadata = filing.metadata
        let key = metadata.accession.description
        var contentHash = ""
        do {
            let documents = try await source.documents(of: filing)
            contentHash = SourceDocument.contentHash(of: documents, filing: metadata)
            let entry = await ledger?.entry(for: key)
            let decision = LedgerDecision(
                entry: entry,
                contentHash: contentHash,
                settingsHash: settingsHash,
                mode: options.mode
            )
            switch decision {
            case .skipUnchanged:
                report.filingsUnchanged += 1
            case .skipFailedBefore:
                report.filingsFailedBefore += 1
            case .ingest(let reason, let staleIDs):
                let prepared = try await prepare(documents, filing: metadata, report: &report)
                let hashes = (content: contentHash, settings: settingsHash)
                try await write(prepared, key: key, hashes: hashes, staleIDs: staleIDs, report: &report)
                written += 1
                options.crashHook?.reached(.chunks, filing: written)
                try await record(key: key, status: .ingested, hashes: hashes, ids: prepared.records.map(\.chunk.id))
                options.crashHook?.reached(.ledger, filing: written)
                guard prepared.documentsIngested > 0 else { return }
                report.filingsIngested += 1
                if reason != .new { report.filingsReingested += 1 }
                logger.info(
                    "ingested filing",
                    metadata: [
                        "accession": "\(metadata.accession)", "form": "\(metadata.form)",
                        "company": "\(metadata.companyName)", "documents": "\(prepared.documentsIngested)",
                        "sections": "\(prepared.sections)", "chunks": "\(prepared.records.count)",
                        "reason": "\(reason.rawValue)",
                    ]
                )
            }
        } catch  where error.isConfinedToFiling {
            report.failures.append(FilingFailure(accession: key, error: error))
            logger.warning(
                "filing failed; recorded in the ledger",
                metadata: ["accession": "\(metadata.accession)", "error": "\(error)"]
            )
            let failure = LedgerEntry.Failure(
                stage: error.stage.rawValue,
                category: error.category.rawValue,
                message: error.description
            )
            try await record(
                key: key,
                status: .failed,
                hashes: (contentHash, settingsHash),
                ids: await ledger?.entry(for: key)?.documentIDs ?? [],
                failure: failure
            )
            if options.failFast { throw error }
        }
    }

    /// Writes a prepared filing: a `pending` ledger entry naming every id the write may leave (the
    /// stale ones and the new ones), then the chunks as one batch, then the delete of the stale ids
    /// the new chunks do not reuse. Each step is durable when it returns, so a crash anywhere leaves
    /// an entry whose ids cover what is stored, and the next run replaces them without orphans.
    private func write(
        _ prepared: PreparedFiling,
        key: String,
        hashes: (content: String, settings: String),
        staleIDs: [String],
        report: inout RunReport
    ) async throws(PipelineError) {
        let ids = prepared.records.map(\.chunk.id)
        let fresh = Set(ids)
        let stale = staleIDs.filter { !fresh.contains($0) }
        try await record(key: key, status: .pending, hashes: hashes, ids: ids + stale)
        do {
            if !prepared.records.isEmpty { try await collection.upsert(prepared.records) }
            if !stale.isEmpty { try await collection.delete(stale) }
        } catch {
            throw PipelineError(stage: .store, subject: key, wrapping: error)
        }
        report.chunksWritten += ids.count
        report.chunksDeleted += stale.count
    }

    /// Records a ledger entry, when the runner has a ledger.
    ///
    /// - Throws: `PipelineError` (stage `store`) carrying the `StoreError`.
    private func record(
        key: String,
        status: LedgerEntry.Status,
        hashes: (content: String, settings: String),
        ids: [String],
        failure: LedgerEntry.Failure? = nil
    ) async throws(PipelineError) {
        guard let ledger else { return }
        let entry = LedgerEntry(
            key: key,
            status: status,
            contentHash: hashes.content,
            settingsHash: hashes.settings,
            documentIDs: ids,
            failure: failure
        )
        do {
            try await ledger.record(entry)
        } catch {
            throw PipelineError(stage: .store, subject: ledger.path, wrapping: error, message: "ledger")
        }
    }
}
