import Foundation
import HNSW

#if _endian(big)
#error("segment vectors are little-endian float32 used in place; big-endian hosts are not supported")
#endif

/// One immutable, searchable set of rows: an open segment or a frozen copy of the memtable. Shared
/// by every snapshot that includes it; never mutated.
///
/// A segment's rows are decoded lazily (`SegmentRows`): a block on first use, one chunk for one row.
/// The accessors here cannot throw: a block that fails verification reads as empty (missing values,
/// no postings) and its error is kept in `failure`, which fails every search over the source
/// (`CollectionSnapshot.checkIntegrity`).
final class SearchSource: Sendable {
    /// Row-major `rowCount × dimension` float32s: owned (memtable) or in a segment's mapping.
    enum Vectors: Sendable {
        case owned([Float])
        case mapped(MappedFile, offsetBytes: Int)
    }

    /// The rows of a memtable, in memory.
    struct MemoryRows: Sendable {
        var ids: [String]
        /// Per field ordinal, the value of every row (`nil`: missing).
        var columns: [[FieldValue?]]
        var sequences: [UInt64]
        var lexical: LexicalPostings
        var writtenAtMs: [UInt64]
        var expiresAtMs: [UInt64]
    }

    /// The earliest times a TTL can act on (a stale snapshot is refreshed; a segment whose stats
    /// cannot be read reports "now", so its rows are checked and its failure recorded).
    var expiryStats: SegmentFormat.ExpiryStats {
        switch rows {
        case .memory(let memory):
            return SegmentFormat.ExpiryStats(
                writtenAtMsMin: memory.writtenAtMs.min() ?? .max,
                expiresAtMsMin: memory.expiresAtMs.filter { $0 != 0 }.min() ?? .max
            )
        case .segment(let segment):
            return segment.reading(
                segment.expiryStats,
                else: SegmentFormat.ExpiryStats(writtenAtMsMin: 0, expiresAtMsMin: 0)
            )
        }
    }

    enum Rows: Sendable {
        case memory(MemoryRows)
        case segment(SegmentRows)
    }

    let rowCount: Int
    let rows: Rows
    /// Components of each vector field, in schema order.
    let dimensions: [Int]
    /// One matrix per vector field, in schema order.
    let vectors: [Vectors]
    /// Filter indexes of the fields the schema declares `index` (read or built on first use).
    let filterIndexes: FilterIndexSet

    /// Components of the first vector field.
    var dimension: Int { dimensions[0] }

    init(
        rowCount: Int,
        rows: Rows,
        dimensions: [Int],
        vectors: [Vectors],
        filterIndexes: FilterIndexSet = FilterIndexSet()
    ) {
        precondition(!dimensions.isEmpty && dimensions.count == vectors.count, "one matrix per vector field")
        if case .memory(let memory) = rows {
            precondition(
                [
                    memory.ids.count, memory.sequences.count, memory.lexical.lengths.count, memory.writtenAtMs.count,
                    memory.expiresAtMs.count,
                ].allSatisfy { $0 == rowCount }
                    && memory.columns.allSatisfy { $0.count == rowCount },
                "row counts differ"
            )
        }
        self.rowCount = rowCount
        self.rows = rows
        self.dimensions = dimensions
        self.vectors = vectors
        self.filterIndexes = filterIndexes
    }

    /// The first verification error met reading this source's blocks, if any.
    var failure: StoreError? {
        guard case .segment(let segment) = rows else { return nil }
        return segment.blocks.failure
    }

    /// Primary key of every row (decodes the segment's whole id block on first use).
    var ids: [String] {
        switch rows {
        case .memory(let memory): memory.ids
        case .segment(let segment): segment.reading(segment.ids, else: Array(repeating: "", count: rowCount))
        }
    }

    /// Primary key of one row (decodes only its chunk when the ids are not decoded yet).
    func id(_ row: Int) -> String {
        switch rows {
        case .memory(let memory): memory.ids[row]
        case .segment(let segment): segment.reading({ () throws(StoreError) in try segment.id(row) }, else: "")
        }
    }

    /// Sequence of every row.
    var sequences: [UInt64] {
        switch rows {
        case .memory(let memory): memory.sequences
        case .segment(let segment): segment.reading(segment.sequences, else: Array(repeating: 0, count: rowCount))
        }
    }

    /// The BM25 index: a memtable's postings in memory; a segment's read per term from its mapping
    /// (opened on first use; the whole kind-5 block of an earlier segment is decoded instead). A
    /// segment whose index fails verification reads as holding no term (failure recorded).
    var lexical: any LexicalIndex {
        switch rows {
        case .memory(let memory): memory.lexical
        case .segment(let segment):
            segment.reading(
                segment.lexical,
                else: LexicalPostings(texts: Array(repeating: "", count: rowCount), analyzer: .current)
            )
        }
    }

    /// The posting list of one analysed term (empty when no row holds it): a segment reads that
    /// list alone. A list that fails its checks reads as empty, its error kept in `failure`.
    func postings(for term: String) -> [LexicalPostings.Posting] {
        switch rows {
        case .memory(let memory): return memory.lexical.postings(for: term)
        case .segment(let segment):
            return segment.reading({ () throws(StoreError) in try segment.lexical().postings(for: term) }, else: [])
        }
    }

    /// Per row: write time of its batch, ms since 1970.
    var writtenAtMs: [UInt64] {
        switch rows {
        case .memory(let memory): memory.writtenAtMs
        case .segment(let segment): segment.reading(segment.times, else: Self.zeroTimes(rowCount)).writtenAtMs
        }
    }

    /// Per row: per-document expiry (0 = none), ms since 1970.
    var expiresAtMs: [UInt64] {
        switch rows {
        case .memory(let memory): memory.expiresAtMs
        case .segment(let segment): segment.reading(segment.times, else: Self.zeroTimes(rowCount)).expiresAtMs
        }
    }

    private static func zeroTimes(_ count: Int) -> SegmentRows.Times {
        SegmentRows.Times(
            writtenAtMs: Array(repeating: 0, count: count),
            expiresAtMs: Array(repeating: 0, count: count)
        )
    }

    /// The segment's HNSW graph over the first vector field (large segments only; loaded on first use).
    var graph: HNSWIndex? {
        guard case .segment(let segment) = rows else { return nil }
        return segment.reading(segment.graph, else: nil)
    }

    /// A source holding the live rows of a memtable, in sequence order.
    convenience init(memtable: MemTable, schema: CollectionSchema) {
        let contents = memtable.sortedRows()
        self.init(rows: contents.rows, schema: schema, lexical: contents.lexical)
    }

    /// A source over stored rows (a memtable's, or a segment's being written); `lexical`, the
    /// rows' postings when known (otherwise their text is analysed).
    convenience init(rows: [StoredRow], schema: CollectionSchema, lexical: LexicalPostings? = nil) {
        let columns = schema.fields.indices.map { ordinal in
            rows.map { ordinal < $0.record.values.count ? $0.record.values[ordinal] : nil }
        }
        let memory = MemoryRows(
            ids: rows.map(\.record.id),
            columns: columns,
            sequences: rows.map(\.sequence),
            lexical: lexical
                ?? LexicalPostings(texts: Self.texts(rows.map(\.record), schema: schema), analyzer: schema.textAnalyzer),
            writtenAtMs: rows.map(\.writtenAtMs),
            expiresAtMs: rows.map(\.record.expiresAtMs)
        )
        self.init(
            rowCount: rows.count,
            rows: .memory(memory),
            dimensions: schema.vectors.map(\.dimension),
            vectors: schema.vectors.indices.map { field in .owned(rows.flatMap { $0.record.vectors[field] }) }
        )
    }

    /// The BM25 text of each row: its text field, or "" (no text field, or missing).
    static func texts(_ rows: [DocumentRow], schema: CollectionSchema) -> [String] {
        rows.map { MemTable.text($0, textOrdinal: schema.textOrdinal) }
    }

    /// The stored value of a field (by ordinal) in a row; `nil` when missing or added after the
    /// source was written (callers apply the field's default).
    func value(_ row: Int, _ ordinal: Int) -> FieldValue? {
        switch rows {
        case .memory(let memory):
            return ordinal < memory.columns.count ? memory.columns[ordinal][row] : nil
        case .segment(let segment):
            guard ordinal < segment.fields.count else { return nil }
            return segment.reading({ () throws(StoreError) in try segment.column(ordinal)[row] }, else: nil)
        }
    }

    /// Every row's stored value of a field (a segment decodes the whole column on first use);
    /// `nil` when the source stores no column for it (added later) or the column fails
    /// verification (recorded in `failure`).
    func column(_ ordinal: Int) -> [FieldValue?]? {
        switch rows {
        case .memory(let memory):
            return ordinal < memory.columns.count ? memory.columns[ordinal] : nil
        case .segment(let segment):
            guard ordinal < segment.fields.count else { return nil }
            return segment.reading({ () throws(StoreError) in try segment.column(ordinal) }, else: nil)
        }
    }

    /// Number of fields the source stores a column for (fields added later read as missing).
    var storedFieldCount: Int {
        switch rows {
        case .memory(let memory): memory.columns.count
        case .segment(let segment): segment.fields.count
        }
    }

    /// The stored value of one row for a hit or a copy: decodes only the chunk holding the row when
    /// the column is not decoded yet.
    func rowValue(_ row: Int, _ ordinal: Int) -> FieldValue? {
        guard case .segment(let segment) = rows else { return value(row, ordinal) }
        return segment.reading({ () throws(StoreError) in try segment.value(row, ordinal) }, else: nil)
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
        let (written, expires) = times(row)
        let document = expires == 0 ? UInt64.max : expires
        let collection = ttlMs.map { written &+ $0 } ?? UInt64.max
        return min(document, collection)
    }

    /// Write time and per-document expiry (0 = none) of one row, ms since 1970.
    func times(_ row: Int) -> (writtenAtMs: UInt64, expiresAtMs: UInt64) {
        switch rows {
        case .memory(let memory): return (memory.writtenAtMs[row], memory.expiresAtMs[row])
        case .segment(let segment):
            return segment.reading({ () throws(StoreError) in try segment.time(row) }, else: (0, 0))
        }
    }

    /// The stored row, copied (values as stored: fields added later are absent).
    func row(_ row: Int) -> DocumentRow {
        var values = (0..<storedFieldCount).map { rowValue(row, $0) }
        while let last = values.last, last == nil { values.removeLast() }
        return DocumentRow(
            id: id(row),
            values: values,
            vectors: dimensions.indices.map { vector(row, field: $0) },
            expiresAtMs: times(row).expiresAtMs
        )
    }

    /// The document of one row without its vectors (a search hit), defaults applied.
    func hitDocument(_ row: Int, schema: CollectionSchema) -> Document {
        var fields: [String: FieldValue] = [:]
        for (ordinal, field) in schema.fields.enumerated() {
            if let value = rowValue(row, ordinal) ?? field.defaultValue { fields[field.name] = value }
        }
        let expiry = times(row).expiresAtMs
        return Document(
            id: id(row),
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
