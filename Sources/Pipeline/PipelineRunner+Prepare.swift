import Chunker
import SECDocuments
import SECModel

/// A filing parsed, chunked and embedded, ready to be written as one batch.
struct PreparedFiling: Sendable {
    var records: [ChunkRecord]
    /// Documents parsed into chunks (exhibits the parser could not read are not counted).
    var documentsIngested: Int
    var sections: Int
}

extension PipelineRunner {
    /// Archives, parses, chunks and embeds a filing's documents. An exhibit the parser cannot read
    /// is skipped with a warning (`documentsSkipped`); the primary document's failure is thrown.
    ///
    /// - Throws: `PipelineError` of the `archive`, `parse` or `embed` stage.
    func prepare(
        _ documents: [SourceDocument],
        filing metadata: FilingMetadata,
        report: inout RunReport
    ) async throws(PipelineError) -> PreparedFiling {
        var chunks: [MeasuredChunk] = []
        var sections = 0
        var ingested = 0
        for document in documents {
            try await archive?.put(document.bytes, filing: metadata, document: document.fileName)
            report.documentsParsed += 1
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
        let vectors = try await embed(chunks, accession: metadata.accession, report: &report)
        return PreparedFiling(
            records: zip(chunks, vectors).map { ChunkRecord(chunk: $0.chunk, vector: $1) },
            documentsIngested: ingested,
            sections: sections
        )
    }
}
