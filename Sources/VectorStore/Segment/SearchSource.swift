import HNSW
import SECModel

#if _endian(big)
#error("segment vectors are little-endian float32 used in place; big-endian hosts are not supported")
#endif

/// One immutable, searchable set of rows: an open segment or a frozen copy of the memtable. Shared
/// by every snapshot that includes it; never mutated.
final class SearchSource: Sendable {
    /// Row-major `rowCount × dimension` float32s: owned (memtable) or in a segment's mapping.
    enum Vectors: Sendable {
        case owned([Float])
        case mapped(MappedFile, offsetBytes: Int)
    }

    let chunks: [Chunk]
    let sequences: [UInt64]
    let dimension: Int
    let vectors: Vectors
    let lexical: LexicalPostings
    /// Per row: write time of its batch and per-document expiry (0 = none), ms since 1970.
    let writtenAtMs: [UInt64]
    let expiresAtMs: [UInt64]
    /// The segment's HNSW graph over `vectors` (large segments only).
    let graph: HNSWIndex?

    var rowCount: Int { chunks.count }

    init(
        chunks: [Chunk],
        sequences: [UInt64],
        dimension: Int,
        vectors: Vectors,
        lexical: LexicalPostings,
        writtenAtMs: [UInt64],
        expiresAtMs: [UInt64],
        graph: HNSWIndex? = nil
    ) {
        precondition(
            [sequences.count, lexical.lengths.count, writtenAtMs.count, expiresAtMs.count].allSatisfy {
                $0 == chunks.count
            },
            "row counts differ"
        )
        self.writtenAtMs = writtenAtMs
        self.expiresAtMs = expiresAtMs
        self.chunks = chunks
        self.sequences = sequences
        self.dimension = dimension
        self.vectors = vectors
        self.lexical = lexical
        self.graph = graph
    }

    /// A source holding the live rows of a memtable, in sequence order.
    convenience init(memtable: MemTable, dimension: Int) {
        let rows = memtable.sortedRows().rows
        self.init(
            chunks: rows.map(\.record.chunk),
            sequences: rows.map(\.sequence),
            dimension: dimension,
            vectors: .owned(rows.flatMap(\.record.vector)),
            lexical: LexicalPostings(texts: rows.map(\.record.chunk.text)),
            writtenAtMs: rows.map(\.writtenAtMs),
            expiresAtMs: rows.map(\.record.expiresAtMs)
        )
    }

    /// Calls `body` with the `rowCount × dimension` matrix.
    func withVectors<R>(_ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        switch vectors {
        case .owned(let matrix):
            return matrix.withUnsafeBufferPointer(body)
        case .mapped(let file, let offset):
            let count = rowCount * dimension
            guard count > 0, let base = file.bytes.baseAddress else {
                return body(UnsafeBufferPointer(start: nil, count: 0))
            }
            // The block starts 64-byte aligned in a page-aligned mapping, so the floats are aligned.
            let floats = (base + offset).assumingMemoryBound(to: Float.self)
            return body(UnsafeBufferPointer(start: floats, count: count))
        }
    }

    /// The effective expiry of a row, ms since 1970, under a collection TTL; `UInt64.max` for never.
    func expiryMs(_ row: Int, ttlMs: UInt64?) -> UInt64 {
        let document = expiresAtMs[row] == 0 ? UInt64.max : expiresAtMs[row]
        let collection = ttlMs.map { writtenAtMs[row] &+ $0 } ?? UInt64.max
        return min(document, collection)
    }

    /// The record of one row, copied.
    func record(_ row: Int) -> ChunkRecord {
        ChunkRecord(chunk: chunks[row], vector: vector(row), expiresAtMs: expiresAtMs[row])
    }

    /// The vector of one row, copied.
    func vector(_ row: Int) -> [Float] {
        withVectors { Array($0[(row * dimension)..<((row + 1) * dimension)]) }
    }
}
