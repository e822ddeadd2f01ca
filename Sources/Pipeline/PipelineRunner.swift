import AsyncAlgorithms
import Chunker
import Embedding
import FilingParser
import Foundation
import Logging
import SECDocuments
import SECModel
import VectorStore

/// Runs filings through parse → chunk → embed → store, one filing at a time, checkpointed in the
/// collection's ingestion ledger.
///
/// Each filing's chunks are written as one batch, so after a crash a filing is either wholly in the
/// collection or absent; re-running the pipeline rewrites the same chunk ids (idempotent). With a
/// ledger, a re-run skips filings whose source bytes and settings are unchanged without parsing
/// them, and a filing ingested again has the chunks its new ingest does not rewrite deleted
/// (`PipelineRunner+Checkpoint`).
public struct PipelineRunner: Sendable {
    public let source: any FilingSource
    public let archive: RawArchive?
    /// Parse and chunk, as `vectordb chunk --pipeline` shows them.
    public let filingChunker: FilingChunker
    public let embedder: any Embedder
    public let collection: any DocumentCollection
    /// Vectors computed before; `nil` embeds every chunk.
    public let cache: EmbeddingCache?
    /// The collection's ingestion ledger; `nil` ingests every filing and records nothing.
    public let ledger: IngestionLedger?
    /// The pipeline's name, written into the run report.
    public let name: String?
    let logger: Logger

    public init(
        source: any FilingSource,
        archive: RawArchive?,
        parser: HTMLFilingParser = HTMLFilingParser(),
        chunker: SectionChunker,
        embedder: any Embedder,
        collection: any DocumentCollection,
        cache: EmbeddingCache? = nil,
        ledger: IngestionLedger? = nil,
        name: String? = nil,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) {
        self.source = source
        self.archive = archive
        filingChunker = FilingChunker(parser: parser, chunker: chunker)
        self.embedder = embedder
        self.collection = collection
        self.cache = cache
        self.ledger = ledger
        self.name = name
        self.logger = logger
    }

    /// Ingests every filing the source offers: each document the source selects (primary document,
    /// exhibits), all of a filing's chunks written as one batch. An exhibit the parser cannot read
    /// (not HTML after all, empty) is skipped with a warning and counted in `documentsSkipped`. A
    /// filing that fails (its primary document unreadable, …: `PipelineError.isConfinedToFiling`) is
    /// recorded in the ledger and the report's `failures` with its reason, and the run goes on —
    /// unless `options.failFast`. The report is stored with the collection (also when the run stops).
    ///
    /// `progress` hears the run's start, each filing's outcome and the end, in order.
    ///
    /// - Throws: `PipelineError` naming the stage and the filing, for a failure not confined to one
    ///   filing or any failure under `failFast`; filings before it stay stored and recorded.
    public func run(
        _ options: RunOptions = RunOptions(),
        progress: (any RunProgressObserver)? = nil
    ) async throws(PipelineError) -> RunReport {
        let started = ContinuousClock.now
        var report = RunReport()
        report.pipeline = name
        report.collection = await collection.info.name
        report.mode = options.mode
        report.startedAtMs = StoreClock.milliseconds(Date())
        let settingsHash = await ingestionSettings().hash
        report.settingsHash = settingsHash
        do throws(PipelineError) {
            let filings = try await source.filings()
            await progress?.record(
                RunProgressEvent(
                    kind: .started,
                    filingsTotal: filings.count,
                    filingsDone: 0,
                    report: report,
                    elapsedMs: 0
                )
            )
            try await runStages(
                filings,
                settingsHash: settingsHash,
                options: options,
                report: &report,
                progress: progress,
                started: started
            )
            // One version per run: a scheduled ingestion can then be searched as of any earlier run.
            // The compactions the run started finish before it reports.
            do {
                try await collection.commit()
                try await collection.waitForMaintenance()
            } catch {
                throw PipelineError(stage: .store, subject: "commit", wrapping: error)
            }
        } catch {
            report.stoppedBy = error.description
            await storeRunRecord(&report)
            throw error
        }
        report.collectionCount = await collection.count
        await storeRunRecord(&report)
        let filingsDone =
            report.filingsIngested + report.filingsUnchanged + report.filingsFailedBefore
            + report.failures.count
        await progress?.record(
            RunProgressEvent(
                kind: .finished,
                filingsTotal: filingsDone,
                filingsDone: filingsDone,
                report: report,
                elapsedMs: Self.milliseconds(since: started)
            )
        )
        return report
    }

    /// What one filing's ingest did, from the report's counters before and after it.
    static func outcome(before: RunReport, after: RunReport) -> (RunProgressEvent.Outcome, String?) {
        if after.failures.count > before.failures.count { return (.failed, after.failures.last?.reason) }
        if after.filingsIngested > before.filingsIngested { return (.ingested, nil) }
        if after.filingsUnchanged > before.filingsUnchanged { return (.unchanged, nil) }
        if after.filingsFailedBefore > before.filingsFailedBefore { return (.failedBefore, nil) }
        return (.empty, nil)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// The settings of this runner that shape chunks and vectors (hashed into the ledger).
    public func ingestionSettings() async -> IngestionSettings {
        IngestionSettings(
            parserMaxInputBytes: filingChunker.parser.maxInputBytes,
            chunkerMaxTokens: filingChunker.chunker.maxTokens,
            chunkerOverlapTokens: filingChunker.chunker.overlapTokens,
            tokenCounter: String(reflecting: type(of: filingChunker.chunker.counter)),
            embedderModel: embedder.modelID,
            embedderDimension: embedder.dimension,
            documents: source.documentSelection.entries,
            schema: await collection.info.schema
        )
    }
}
