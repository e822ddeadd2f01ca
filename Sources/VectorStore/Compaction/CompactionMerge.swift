/// What one compaction writes (docs/formats/manifest.md, "A compaction"), decided from the state when
/// it started: the inputs' rows that no *flushed* newer version shadows and that have not expired, and
/// their tombstones — none when every live segment is an input (nothing older can remain to hide).
///
/// A row only ever becomes more shadowed, so a row dropped here is never needed again, and a row kept
/// that a later write shadows is still hidden at search time. Only flushed versions shadow: the
/// compacted version must show exactly the rows of the version it replaces, whatever the memtable
/// holds meanwhile. A pure value, run off the actor.
struct CompactionMerge: Sendable {
    let inputs: [SegmentReader]
    /// Every live segment is an input.
    let dropsTombstones: Bool
    let newest: NewestVersions
    /// The current version's `flushedSequence` when the compaction started.
    let flushedSequence: UInt64
    /// Rows expiring at or before this (ms since 1970) are dropped.
    let nowMs: UInt64
    let ttlMs: UInt64?

    /// - Throws: `StoreError.corruption` when an input's block fails verification.
    func contents() throws(StoreError) -> SegmentWriter.Contents {
        var contents = SegmentWriter.Contents(rows: [], tombstones: [])
        for input in inputs {
            try input.verify()
            let source = input.source
            let ids = try input.rows.ids()
            let sequences = try input.rows.sequences()
            for row in 0..<source.rowCount where !isShadowed(ids[row], sequences[row]) {
                if source.expiryMs(row, ttlMs: ttlMs) > nowMs {
                    contents.rows.append(
                        StoredRow(
                            sequence: sequences[row],
                            record: source.row(row),
                            writtenAtMs: source.times(row).writtenAtMs
                        )
                    )
                } else if !dropsTombstones {
                    // An expired newest version becomes a tombstone, so an older version in a segment
                    // outside this compaction cannot resurface after a reopen.
                    contents.tombstones.append((sequences[row], ids[row]))
                }
            }
            for tombstone in try input.tombstones()
            where !dropsTombstones && !isShadowed(tombstone.id, tombstone.sequence) {
                contents.tombstones.append(tombstone)
            }
        }
        contents.rows.sort { $0.sequence < $1.sequence }
        contents.tombstones.sort { $0.sequence < $1.sequence }
        return contents
    }

    private func isShadowed(_ id: String, _ sequence: UInt64) -> Bool {
        guard let newestSequence = newest.sequence(of: id) else { return false }
        return newestSequence != sequence && newestSequence <= flushedSequence
    }
}
