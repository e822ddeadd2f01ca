import Foundation
import SECModel
import VectorStore

/// A chunk and its embedding: the SEC pipeline's view of a `Document` of the SEC schema
/// (`CollectionSchema.secFilings`).
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

    /// The chunk id, the document's primary key.
    public var id: String { chunk.id }

    /// The record as a document of the SEC schema (vector field `embedding`).
    public var document: Document {
        Document(
            id: chunk.id,
            fields: SECChunkMapping.fields(of: chunk),
            vectors: ["embedding": vector],
            expiresAt: expiresAt
        )
    }

    /// The record a document of the SEC schema holds, or `nil` when it lacks an SEC field.
    public init?(_ document: Document) {
        guard let chunk = SECChunkMapping.chunk(document), let vector = document.vectors["embedding"] else {
            return nil
        }
        self.init(chunk: chunk, vector: vector, expiresAt: document.expiresAt)
    }
}
