import SECModel

/// A chunk and its embedding: the unit the store writes and returns.
public struct ChunkRecord: Sendable, Hashable {
    public var chunk: Chunk
    /// The embedding; `dimension` finite components, L2-normalised for cosine search.
    public var vector: [Float]

    public init(chunk: Chunk, vector: [Float]) {
        self.chunk = chunk
        self.vector = vector
    }
}

/// One search result.
public struct SearchHit: Sendable, Hashable {
    public var chunk: Chunk
    /// Higher is better. Vector mode: cosine similarity in `-1...1`; lexical: the BM25 score;
    /// hybrid: the reciprocal-rank-fusion score.
    public var score: Float

    public init(chunk: Chunk, score: Float) {
        self.chunk = chunk
        self.score = score
    }
}
