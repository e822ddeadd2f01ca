import Chunker
import SECDocuments
import SECModel

/// A filing's documents archived, parsed and chunked (the first stage's work), not yet embedded.
struct ChunkedFiling: Sendable {
    var chunks: [MeasuredChunk]
    /// Documents parsed into chunks (exhibits the parser could not read are not counted).
    var documentsIngested: Int
    var sections: Int
    /// The first stage's report counters (documents parsed and skipped, source bytes, exhibits),
    /// added to the run's report by the second stage, in the source's order.
    var counts: StageCounts
}

/// Report counters the first stage contributes for one filing.
struct StageCounts: Sendable, Hashable {
    var documentsParsed = 0
    var documentsSkipped = 0
    var sourceBytes = 0
    var exhibitsIngested = 0
    /// Time spent reading, deciding, archiving, parsing and chunking the filing, ms.
    var readAndChunkMs = 0

    func add(to report: inout RunReport) {
        report.readAndChunkMs += readAndChunkMs
        report.documentsParsed += documentsParsed
        report.documentsSkipped += documentsSkipped
        report.sourceBytes += sourceBytes
        report.exhibitsIngested += exhibitsIngested
    }
}

/// A filing parsed, chunked and embedded, ready to be written as one batch.
struct PreparedFiling: Sendable {
    var records: [ChunkRecord]
    var documentsIngested: Int
    var sections: Int
}

extension PipelineRunner {
    /// Archives, parses and chunks a filing's documents. An exhibit the parser cannot read is
    /// skipped with a warning (`documentsSkipped`); the primary document's failure is thrown.
    ///
    /// - Throws: `PipelineError` of the `archive` or `parse` stage.
    func chunk(
        _ documents: [SourceDocument],
        filing metadata: FilingMetadata,
        counts: inout StageCounts
    ) async throws(PipelineError) -> ChunkedFiling {
        var chunks: [MeasuredChunk] = []
        var sections = 0
        var ingested = 0
        for document in documents {
            try await archive?.put(document.bytes, filing: metadata, document: document.fileName)
            counts.documentsParsed += 1
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
                counts.documentsSkipped += 1
                continue
            }
            chunks += parsed.chunks
            sections += parsed.document.sections.count
            ingested += 1
            counts.sourceBytes += document.bytes.count
            if !document.isPrimary { counts.exhibitsIngested += 1 }
        }
        return ChunkedFiling(chunks: chunks, documentsIngested: ingested, sections: sections, counts: counts)
    }

    /// Embeds a chunked filing (cached vectors reused).
    ///
    /// - Throws: `PipelineError` of the `embed` stage.
    func embed(
        _ chunked: ChunkedFiling,
        filing metadata: FilingMetadata,
        report: inout RunReport
    )
        async throws(PipelineError) -> PreparedFiling
    {
        let vectors = try await embed(chunked.chunks, accession: metadata.accession, report: &report)
        return PreparedFiling(
            records: zip(chunked.chunks, vectors).map { ChunkRecord(chunk: $0.chunk, vector: $1) },
            documentsIngested: chunked.documentsIngested,
            sections: chunked.sections
        )
    }
}
