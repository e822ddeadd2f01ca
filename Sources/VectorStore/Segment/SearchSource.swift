import Foundation
import HNSW

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

    let ids: [String]
    /// Per field ordinal, the value of every row (`nil`: missing). Holds the fields the schema had
    /// when the source was written; later fields read as missing (`value(_:_:)`).
    let columns: [[FieldValue?]]
    let sequences: [UInt64]
    /// Components of each vector field, in schema order.
    let dimensions: [Int]
    /// One matrix per vector field, in schema order.
    let vectors: [Vectors]
    let lexical: LexicalPostings
    /// Per row: write time of its batch and per-document expiry (0 = none), ms since 1970.
    let writtenAtMs: [UInt64]
    let expiresAtMs: [UInt64]
    /// The segment's HNSW graph over the first vector field (large segments only).
    let graph: HNSWIndex?
    /// Filter indexes of the fields the schema declares `index` (loaded or built on first use).
    let filterIndexes: FilterIndexSet

    var rowCount: Int { ids.count }
    /// Components of the first vector field.
    var dimension: Int { dimensions[0] }

    init(
        ids: [String],
        columns: [[FieldValue?]],
        sequences: [UInt64],
        dimensions: [Int],
        vectors: [Vectors],
        lexical: LexicalPostings,
        writtenAtMs: [UInt64],
        expiresAtMs: [UInt64],
        graph: HNSWIndex? = nil,
        filterIndexes: FilterIndexSet = FilterIndexSet()
    ) {
        precondition(
            [sequences.count, lexical.lengths.count, writtenAtMs.count, expiresAtMs.count].allSatisfy {
                $0 == ids.count
            } && columns.allSatisfy { $0.count == ids.count },
            "row counts differ"
        )
        precondition(!dimensions.isEmpty && dimensions.count == vectors.count, "one matrix per vector field")
        self.ids = ids
        self.columns = columns
        self.writtenAtMs = writtenAtMs
        self.expiresAtMs = expiresAtMs
        self.sequences = sequences
        self.dimensions = dimensions
        self.vectors = vectors
        self.lexical = lexical
        self.graph = graph
        self.filterIndexes = filterIndexes
    }

    /// A source holding the live rows of a memtable, in sequence order.
    convenience init(memtable: MemTable, schema: CollectionSchema) {
        let rows = memtable.sortedRows().rows
        self.init(rows: rows, schema: schema)
    }

    /// A source over stored rows (a memtable's, or a segment's being written).
    convenience init(rows: [StoredRow], schema: CollectionSchema) {
        let columns = schema.fields.indices.map { ordinal in
            rows.map { ordinal < $0.record.values.count ? $0.record.values[ordinal] : nil }
        }
        self.init(
            ids: rows.map(\.record.id),
            columns: columns,
            sequences: rows.map(\.sequence),
            dimensions: schema.vectors.map(\.dimension),
            vectors: schema.vectors.indices.map { field in .owned(rows.flatMap { $0.record.vectors[field] }) },
            lexical: LexicalPostings(texts: Self.texts(rows.map(\.record), schema: schema)),
            writtenAtMs: rows.map(\.writtenAtMs),
            expiresAtMs: rows.map(\.record.expiresAtMs)
        )
    }

    /// The BM25 text of each row: its text field, or "" (no text field, or missing).
    static func texts(_ rows: [DocumentRow], schema: CollectionSchema) -> [String] {
        guard let ordinal = schema.textOrdinal else { return rows.map { _ in "" } }
        return rows.map { ordinal < $0.values.count ? $0.values[ordinal]?.stringValue ?? "" : "" }
    }

    /// The stored value of a field (by ordinal) in a row; `nil` when missing or added after the
    /// source was written (callers apply the field's default).
    func value(_ row: Int, _ ordinal: Int) -> FieldValue? {
        ordinal < columns.count ? columns[ordinal][row] : nil
    }

    /// Calls `body` with the `rowCount × dimensions[field]` matrix of a vector field.
    func withVectors<R>(field: Int = 0, _ body: (UnsafeBufferPointer<Float>) -> R) -> R {
        switch vectors[field] {
        case .owned(let matrix):
            return matrix.withUnsafeBufferPointer(body)
        case .mapped(let file, let offset):
            let count = rowCount * dimensions[field]
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

    /// The stored row, copied (values as stored: fields added later are absent).
    func row(_ row: Int) -> DocumentRow {
        var values = columns.map { $0[row] }
        while let last = values.last, last == nil { values.removeLast() }
        return DocumentRow(
            id: ids[row],
            values: values,
            vectors: dimensions.indices.map { vector(row, field: $0) },
            expiresAtMs: expiresAtMs[row]
        )
    }

    /// The document of one row without its vectors (a search hit), defaults applied.
    func hitDocument(_ row: Int, schema: CollectionSchema) -> Document {
        var fields: [String: FieldValue] = [:]
        for (ordinal, field) in schema.fields.enumerated() {
            if let value = value(row, ordinal) ?? field.defaultValue { fields[field.name] = value }
        }
        let expiry = expiresAtMs[row]
        return Document(
            id: ids[row],
            fields: fields,
            expiresAt: expiry == 0 ? nil : Date(timeIntervalSince1970: Double(expiry) / 1_000)
        )
    }

    /// The vector of one row in one vector field, copied.
    func vector(_ row: Int, field: Int = 0) -> [Float] {
        let dimension = dimensions[field]
        return withVectors(field: field) { Array($0[(row * dimension)..<((row + 1) * dimension)]) }
    }
}
