import Chunker
import Embedding
import FilingParser
import Logging
import SECDocuments
import SECModel
import VectorStore

/// Runs filings through parse → chunk → embed → store, one filing at a time.
///
/// Each filing's chunks are written as one batch, so after a crash a filing is either wholly in the
/// collection or absent; re-running the pipeline rewrites the same chunk ids (idempotent).
public struct PipelineRunner: Sendable {
    public let source: any FilingSource
    public let archive: RawArchive?
    /// Parse and chunk, as `vectordb chunk --pipeline` shows them.
    public let filingChunker: FilingChunker
    public let embedder: any Embedder
    public let collection: any DocumentCollection
    /// Vectors computed before; `nil` embeds every chunk.
    public let cache: EmbeddingCache?
    let logger: Logger

    public init(
        source: any FilingSource,
        archive: RawArchive?,
        parser: HTMLFilingParser = HTMLFilingParser(),
        chunker: SectionChunker,
        embedder: any Embedder,
        collection: any DocumentCollection,
        cache: EmbeddingCache? = nil,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) {
        self.source = source
        self.archive = archive
        filingChunker = FilingChunker(parser: parser, chunker: chunker)
        self.embedder = embedder
        self.collection = collection
        self.cache = cache
        self.logger = logger
    }

    /// Ingests every filing the source offers.
    ///
    /// - Throws: `PipelineError` naming the stage and the filing; filings before it stay stored.
    public func run() async throws(PipelineError) -> RunReport {
        var report = RunReport()
        for filing in try await source.filings() {
            let metadata = filing.metadata
            let bytes = try await source.primaryDocument(of: filing)
            try await archive?.put(bytes, filing: metadata)
            let (document, chunks) = try filingChunker.chunks(of: bytes, filing: metadata, source: filing.location)
            let vectors = try await embed(chunks, accession: metadata.accession, report: &report)
            do {
                try await collection.upsert(zip(chunks, vectors).map { ChunkRecord(chunk: $0.chunk, vector: $1) })
            } catch {
                throw PipelineError(stage: .store, subject: metadata.accession.description, wrapping: error)
            }
            report.filingsIngested += 1
            report.chunksWritten += chunks.count
            report.sourceBytes += bytes.count
            logger.info(
                "ingested filing",
                metadata: [
                    "accession": "\(metadata.accession)", "form": "\(metadata.form)",
                    "company": "\(metadata.companyName)",
                    "sections": "\(document.sections.count)", "chunks": "\(chunks.count)",
                ]
            )
        }
        // One version per run: a scheduled ingestion can then be searched as of any earlier run. The
        // compactions the run started finish before it reports.
        do {
            try await collection.commit()
            try await collection.waitForMaintenance()
        } catch {
            throw PipelineError(stage: .store, subject: "commit", wrapping: error)
        }
        report.collectionCount = await collection.count
        return report
    }
}
