/// The newest writes, in memory: for each id, its newest version (a record or a tombstone) with the
/// sequence number that wrote it. Searchable at once (read-your-writes) through a snapshot; flushed
/// to an immutable segment when `estimatedBytes` reaches the configured bound. Each record's text
/// is analysed for BM25 once, when it is applied: snapshots and the flush build postings from the
/// analyses without tokenizing again.
struct MemTable: Sendable {
    struct Entry: Sendable {
        var sequence: UInt64
        /// `nil` for a tombstone (a delete).
        var record: DocumentRow?
        /// Write time of the batch, ms since 1970.
        var writtenAtMs: UInt64
        /// The record's text field analysed (empty without a text field or value).
        var analyzed: LexicalPostings.Analyzed?
    }

    /// Ordinal of the schema's text field (`nil`: none), whose values are analysed.
    let textOrdinal: Int?
    /// How the text field is analysed (the collection's).
    let analyzer: TextAnalyzer

    private(set) var entries: [String: Entry] = [:]
    /// Approximate heap bytes of the entries (vector, text, fixed overhead per entry).
    private(set) var estimatedBytes = 0
    private(set) var sequenceMax: UInt64 = 0

    var isEmpty: Bool { entries.isEmpty }

    init(schema: CollectionSchema) {
        textOrdinal = schema.textOrdinal
        analyzer = schema.textAnalyzer
    }

    /// Applies one row version; an older sequence than the one held is ignored, so the order in which
    /// concurrent writers finish does not matter.
    mutating func apply(id: String, sequence: UInt64, record: DocumentRow?, writtenAtMs: UInt64) {
        if let existing = entries[id] {
            guard existing.sequence < sequence else { return }
            estimatedBytes -= Self.bytes(id: id, existing.record) + (existing.analyzed?.estimatedBytes ?? 0)
        }
        let analyzed = record.map {
            LexicalPostings.Analyzed(Self.text($0, textOrdinal: textOrdinal), analyzer: analyzer)
        }
        entries[id] = Entry(sequence: sequence, record: record, writtenAtMs: writtenAtMs, analyzed: analyzed)
        estimatedBytes += Self.bytes(id: id, record) + (analyzed?.estimatedBytes ?? 0)
        sequenceMax = max(sequenceMax, sequence)
    }

    /// Applies a whole replayed or acknowledged WAL record.
    mutating func apply(_ record: WALRecord) {
        switch record {
        case .upsert(let first, let writtenAtMs, let records):
            for (index, row) in records.enumerated() {
                apply(id: row.id, sequence: first + UInt64(index), record: row, writtenAtMs: writtenAtMs)
            }
        case .delete(let first, let ids):
            for (index, id) in ids.enumerated() {
                apply(id: id, sequence: first + UInt64(index), record: nil, writtenAtMs: 0)
            }
        }
    }

    /// Live rows and tombstones, each in sequence order (deterministic segment layout), with the
    /// rows' postings.
    func sortedRows() -> SegmentWriter.Contents {
        var live: [Entry] = []
        var tombstones: [SegmentWriter.Tombstone] = []
        for (id, entry) in entries {
            if entry.record != nil { live.append(entry) } else { tombstones.append((entry.sequence, id)) }
        }
        live.sort { $0.sequence < $1.sequence }
        tombstones.sort { $0.sequence < $1.sequence }
        return SegmentWriter.Contents(
            rows: live.compactMap { entry in
                entry.record.map { StoredRow(sequence: entry.sequence, record: $0, writtenAtMs: entry.writtenAtMs) }
            },
            tombstones: tombstones,
            lexical: LexicalPostings(
                analyzed: live.map { $0.analyzed ?? LexicalPostings.Analyzed("", analyzer: analyzer) }
            )
        )
    }

    /// The BM25 text of a row: its text field, or "" (no text field, or missing).
    static func text(_ row: DocumentRow, textOrdinal: Int?) -> String {
        guard let ordinal = textOrdinal, ordinal < row.values.count else { return "" }
        return row.values[ordinal]?.stringValue ?? ""
    }

    private static func bytes(id: String, _ record: DocumentRow?) -> Int {
        let fixed = 96 + id.utf8.count
        guard let record else { return fixed }
        var bytes = fixed + record.vectors.reduce(0) { $0 + $1.count * 4 + 32 }
        for value in record.values { bytes += 24 + (value.map(Self.heapBytes) ?? 0) }
        return bytes
    }

    private static func heapBytes(_ value: FieldValue) -> Int {
        switch value {
        case .string(let text): text.utf8.count
        case .stringArray(let texts): texts.reduce(0) { $0 + $1.utf8.count + 16 }
        default: 0
        }
    }
}
