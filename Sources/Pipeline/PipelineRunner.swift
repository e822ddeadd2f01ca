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

    /// Ingests every filing the source offers: each document the source selects (primary document,
    /// exhibits), all of a filing's chunks written as one batch. An exhibit the parser cannot read
    /// (not HTML after all, empty) is skipped with a warning and counted in `documentsSkipped`; the
    /// primary document's failure stops the run.
    ///
    /// - Throws: `PipelineError` naming the stage and the filing; filings before it stay stored.
    public func run() async throws(PipelineError) -> RunReport {
        var report = RunReport()
        for filing in try await source.filings() {
            let metadata = filing.metadata
            var chunks: [MeasuredChunk] = []
            var sections = 0
            var ingested = 0
            for document in try await source.documents(of: filing) {
                try await archive?.put(document.bytes, filing: metadata, document: document.fileName)
                let parsed: (document: ParsedDocument, chunks: [MeasuredChunk])
                do {
                    parsed = try filingChunker.chunks(of: document, filing: metadata)
                } catch  where !document.isPrimary && error.stage == .parse {
                    logger.warning(
                        "skipped an exhibit the parser cannot read",
                        metadata: [
                            "accession": "\(metadata.accession)", "type": "\(document.type)", "error": "\(error)",
                        ]
                    )
                    report.documentsSkipped += 1
                    continue
                }
                chunks += parsed.chunks
                sections += parsed.document.sections.count
                ingested += 1
                report.sourceBytes += document.bytes.count
                if !document.isPrimary { report.exhibitsIngested += 1 }
            }
            guard ingested > 0 else { continue }
            let vectors = try await embed(chunks, accession: metadata.accession, report: &report)
            do {
                try await collection.upsert(zip(chunks, vectors).map { ChunkRecord(chunk: $0.chunk, vector: $1) })
            } catch {
                throw PipelineError(stage: .store, subject: metadata.accession.description, wrapping: error)
            }
            report.filingsIngested += 1
            report.chunksWritten += chunks.count
            logger.info(
                "ingested filing",
                metadata: [
                    "accession": "\(metadata.accession)", "form": "\(metadata.form)",
                    "company": "\(metadata.companyName)", "documents": "\(ingested)",
                    "sections": "\(sections)", "chunks": "\(chunks.count)",
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
