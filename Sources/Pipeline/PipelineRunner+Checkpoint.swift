import Chunker
import SECDocuments
import SECModel
import VectorStore

/// A filing after the first stage — documents read, ledger consulted, parsed and chunked — with
/// what the second stage (embed, write, record) is to do with it.
struct StagedFiling: Sendable {
    enum Step: Sendable {
        case skipUnchanged
        case skipFailedBefore
        /// A failure confined to the filing, met in the first stage.
        case failed(PipelineError)
        case ingest(ChunkedFiling, reason: LedgerDecision.Reason, staleIDs: [String])
    }

    var filing: SourceFiling
    var contentHash: String
    var step: Step
}

extension PipelineRunner {
    /// The first stage of one filing: read its documents, decide from its ledger entry
    /// (`LedgerDecision`), and when it is to be ingested, archive, parse and chunk it. Writes nothing
    /// to the collection or the ledger.
    ///
    /// - Throws: `PipelineError` not confined to the filing (`isConfinedToFiling`); a confined one
    ///   is returned as `.failed` for the second stage to record.
    func stage(
        _ filing: SourceFiling,
        settingsHash: String,
        options: RunOptions
    ) async throws(PipelineError)
        -> StagedFiling
    {
        let metadata = filing.metadata
        let started = ContinuousClock.now
        var contentHash = ""
        do {
            let documents = try await source.documents(of: filing)
            contentHash = SourceDocument.contentHash(of: documents, filing: metadata)
            let decision = LedgerDecision(
                entry: await ledger?.entry(for: metadata.accession.description),
                contentHash: contentHash,
                settingsHash: settingsHash,
                mode: options.mode
            )
            switch decision {
            case .skipUnchanged:
                return StagedFiling(filing: filing, contentHash: contentHash, step: .skipUnchanged)
            case .skipFailedBefore:
                return StagedFiling(filing: filing, contentHash: contentHash, step: .skipFailedBefore)
            case .ingest(let reason, let staleIDs):
                var counts = StageCounts()
                var chunked = try await chunk(documents, filing: metadata, counts: &counts)
                chunked.counts.readAndChunkMs = Self.milliseconds(since: started)
                return StagedFiling(
                    filing: filing,
                    contentHash: contentHash,
                    step: .ingest(chunked, reason: reason, staleIDs: staleIDs)
                )
            }
        } catch  where error.isConfinedToFiling {
            return StagedFiling(filing: filing, contentHash: contentHash, step: .failed(error))
        }
    }

    /// The second stage of one filing, in the source's order: embed and write it (`pending` entry,
    /// one batch, stale ids deleted, `ingested` entry), or count its skip, or record its failure. A
    /// failure confined to the filing is recorded (ledger and report) and returned from, unless
    /// `options.failFast`.
    ///
    /// - Parameter written: filings written so far in this run (counts `TestCrashHook` points).
    func complete(
        _ staged: StagedFiling,
        settingsHash: String,
        options: RunOptions,
        written: inout Int,
        report: inout RunReport
    ) async throws(PipelineError) {
        let metadata = staged.filing.metadata
        let key = metadata.accession.description
        let hashes = (content: staged.contentHash, settings: settingsHash)
        do throws(PipelineError) {
            switch staged.step {
            case .skipUnchanged:
                report.filingsUnchanged += 1
            case .skipFailedBefore:
                report.filingsFailedBefore += 1
            case .failed(let error):
                throw error
            case .ingest(let chunked, let reason, let staleIDs):
                chunked.counts.add(to: &report)
                let embedding = ContinuousClock.now
                let prepared = try await embed(chunked, filing: metadata, report: &report)
                let writing = ContinuousClock.now
                report.embedMs += Self.milliseconds(since: embedding)
                try await write(prepared, key: key, hashes: hashes, staleIDs: staleIDs, report: &report)
                written += 1
                options.crashHook?.reached(.chunks, filing: written)
                try await record(key: key, status: .ingested, hashes: hashes, ids: prepared.records.map(\.chunk.id))
                report.writeMs += Self.milliseconds(since: writing)
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
                hashes: hashes,
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
