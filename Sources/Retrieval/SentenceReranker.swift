import Embedding

/// The second stage of `FilingSearcher`'s ranking: the best candidates' passages (`PassageSplitter`)
/// embedded at query time, without the chunk's context line, and each candidate scored by its
/// passage closest to the question (cosine). A chunk embedding averages 256 tokens and its filer
/// and item; the sentence that answers is sharper than that average.
///
/// Cost: one embedding batch of at most `RankingWeights.rerankDepth × passagesPerChunk` short
/// passages per question.
struct SentenceReranker {
    let embedder: any Embedder
    let passagesPerChunk: Int

    /// The highest passage cosine of each text, in order (`-1` for a text without passages).
    func bestSimilarity(question vector: [Float], texts: [String]) async throws(EmbeddingError) -> [Float] {
        let pieces = texts.map { PassageSplitter.passages($0, limit: passagesPerChunk) }
        let flat = pieces.flatMap { $0 }
        guard !flat.isEmpty else { return texts.map { _ in -1 } }
        var vectors: [[Float]] = []
        var start = 0
        while start < flat.count {
            let end = min(flat.count, start + max(1, embedder.batchSize))
            vectors += try await embedder.embed(documents: Array(flat[start..<end]))
            start = end
        }
        let questionNorm = Self.norm(vector)
        var result: [Float] = []
        var cursor = 0
        for piece in pieces {
            var best: Float = -1
            for _ in piece {
                let candidate = vectors[cursor]
                cursor += 1
                var dot: Float = 0
                for index in 0..<min(candidate.count, vector.count) { dot += candidate[index] * vector[index] }
                best = max(best, dot / max(questionNorm * Self.norm(candidate), .ulpOfOne))
            }
            result.append(best)
        }
        return result
    }

    static func norm(_ vector: [Float]) -> Float { vector.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
