import Foundation
import SECModel

/// A chunk and its embedding: the unit the store writes and returns.
public struct ChunkRecord: Sendable, Hashable {
    public var chunk: Chunk
    /// The embedding; `dimension` finite components, L2-normalised for cosine search.
    public var vector: [Float]
    /// Per-document TTL: the record is hidden from reads from this moment on (and dropped by
    /// compaction); `nil` for no per-document expiry. Stored with millisecond precision.
    public var expiresAt: Date?

    public init(chunk: Chunk, vector: [Float], expiresAt: Date? = nil) {
        self.chunk = chunk
        self.vector = vector
        self.expiresAt = expiresAt.map { Date(timeIntervalSince1970: Double(StoreClock.milliseconds($0)) / 1_000) }
    }

    /// Milliseconds since 1970 of `expiresAt`, 0 for none (the stored form).
    var expiresAtMs: UInt64 { expiresAt.map(StoreClock.milliseconds) ?? 0 }
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
