import Chunker
import Embedding
import SECModel

extension PipelineRunner {
    /// The vectors of `chunks` in order (each embedded from its `embeddingInput`): cached ones reused, the rest embedded in batches of the
    /// embedder's `batchSize` and added to the cache. Counts hits and misses in `report`.
    ///
    /// - Throws: `PipelineError` (stage `embed`) naming the filing, carrying the embedder's or the
    ///   cache's error. Vectors are validated (count, dimension, finite) before anything is cached.
    func embed(
        _ chunks: [MeasuredChunk],
        accession: AccessionNumber,
        report: inout RunReport
    ) async throws(PipelineError) -> [[Float]] {
        let keys = chunks.map { EmbeddingCacheKey(modelID: embedder.modelID, text: $0.embeddingInput) }
        var vectors: [[Float]?]
        do {
            vectors = try await cache?.vectors(for: keys) ?? Array(repeating: nil, count: chunks.count)
        } catch {
            throw PipelineError(stage: .embed, subject: accession.description, wrapping: error)
        }
        let missing = vectors.indices.filter { vectors[$0] == nil || vectors[$0]?.count != embedder.dimension }
        report.embeddingCacheHits += chunks.count - missing.count
        report.embeddingCacheMisses += missing.count
        var start = 0
        while start < missing.count {
            let indices = Array(missing[start..<min(start + max(1, embedder.batchSize), missing.count)])
            let embedded = try await embedBatch(indices.map { chunks[$0].embeddingInput }, accession: accession)
            for (index, vector) in zip(indices, embedded) { vectors[index] = vector }
            do {
                try await cache?.store(zip(indices, embedded).map { (key: keys[$0], vector: $1) })
            } catch {
                throw PipelineError(stage: .embed, subject: accession.description, wrapping: error)
            }
            start += indices.count
        }
        return vectors.map { $0 ?? [] }
    }

    private func embedBatch(_ texts: [String], accession: AccessionNumber) async throws(PipelineError) -> [[Float]] {
        do {
            let embedded = try await embedder.embed(documents: texts)
            guard embedded.count == texts.count else {
                throw EmbeddingError(
                    code: .permanent,
                    model: embedder.modelID,
                    message: "returned \(embedded.count) vectors for \(texts.count) inputs"
                )
            }
            for (index, vector) in embedded.enumerated()
            where vector.count != embedder.dimension || !vector.allSatisfy(\.isFinite) {
                throw EmbeddingError(
                    code: .permanent,
                    model: embedder.modelID,
                    message: "returned a vector of \(vector.count) components (expected \(embedder.dimension)) "
                        + "or with a non-finite component",
                    inputIndex: index
                )
            }
            return embedded
        } catch {
            throw PipelineError(stage: .embed, subject: accession.description, wrapping: error)
        }
    }
}
