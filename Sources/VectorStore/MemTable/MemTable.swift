/// The newest writes, in memory: for each id, its newest version (a record or a tombstone) with the
/// sequence number that wrote it. Searchable at once (read-your-writes) through a snapshot; flushed
/// to an immutable segment when `estimatedBytes` reaches the configured bound.
struct MemTable: Sendable {
    struct Entry: Sendable {
        var sequence: UInt64
        /// `nil` for a tombstone (a delete).
        var record: DocumentRow?
        /// Write time of the batch, ms since 1970.
        var writtenAtMs: UInt64
    }

    private(set) var entries: [String: Entry] = [:]
    /// Approximate heap bytes of the entries (vector, text, fixed overhead per entry).
    private(set) var estimatedBytes = 0
    private(set) var sequenceMax: UInt64 = 0

    var isEmpty: Bool { entries.isEmpty }

    /// Applies one row version; an older sequence than the one held is ignored, so the order in which
    /// concurrent writers finish does not matter.
    mutating func apply(id: String, sequence: UInt64, record: DocumentRow?, writtenAtMs: UInt64) {
        if let existing = entries[id] {
            guard existing.sequence < sequence else { return }
            estimatedBytes -= Self.bytes(id: id, existing.record)
        }
        entries[id] = Entry(sequence: sequence, record: record, writtenAtMs: writtenAtMs)
        estimatedBytes += Self.bytes(id: id, record)
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

    /// Live rows and tombstones, each in sequence order (deterministic segment layout).
    func sortedRows() -> SegmentWriter.Contents {
        var contents = SegmentWriter.Contents(rows: [], tombstones: [])
        for (id, entry) in entries {
            if let record = entry.record {
                contents.rows.append(
                    StoredRow(sequence: entry.sequence, record: record, writtenAtMs: entry.writtenAtMs)
                )
            } else {
                contents.tombstones.append((entry.sequence, id))
            }
        }
        contents.rows.sort { $0.sequence < $1.sequence }
        contents.tombstones.sort { $0.sequence < $1.sequence }
        return contents
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
