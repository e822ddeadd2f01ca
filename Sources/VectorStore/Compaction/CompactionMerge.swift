/// What one compaction writes (docs/formats/manifest.md, "A compaction"), decided from the state when
/// it started: the inputs' rows that the current version does not record as deleted (only *flushed*
/// writes delete there) and that have not expired, and their tombstones — none when every live
/// segment is an input (nothing older can remain to hide).
///
/// A row only ever becomes more deleted, so a row dropped here is never needed again; a row kept
/// that a later write deletes is marked in the output's deletion bitmap when the compaction commits
/// (`Liveness.compacted`). The compacted version must show exactly the rows of the version it
/// replaces, whatever the memtable holds meanwhile. A pure value, run off the actor.
struct CompactionMerge: Sendable {
    let inputs: [SegmentReader]
    /// Every live segment is an input.
    let dropsTombstones: Bool
    /// Per input file number: its rows deleted as of the current version when the compaction started.
    let committed: [UInt64: RowBitmap]
    /// Rows expiring at or before this (ms since 1970) are dropped.
    let nowMs: UInt64
    let ttlMs: UInt64?

    /// The output (its postings merged from the inputs'), and for each of its rows the input row it
    /// copies.
    ///
    /// - Throws: `StoreError.corruption` when an input fails verification (each is checked whole
    ///   before it is rewritten).
    func contents() throws(StoreError) -> (contents: SegmentWriter.Contents, origins: [Liveness.Location]) {
        var contents = SegmentWriter.Contents(rows: [], tombstones: [])
        var origins: [Liveness.Location] = []
        var inputRows: [(input: Int, row: Int)] = []
        for (inputIndex, input) in inputs.enumerated() {
            try input.verify()
            let source = input.source
            let ids = try input.rows.ids()
            let sequences = try input.rows.sequences()
            let deleted = committed[input.fileNumber]
            for row in 0..<source.rowCount where deleted?.contains(row) != true {
                if source.expiryMs(row, ttlMs: ttlMs) > nowMs {
                    contents.rows.append(
                        StoredRow(
                            sequence: sequences[row],
                            record: source.row(row),
                            writtenAtMs: source.times(row).writtenAtMs
                        )
                    )
                    origins.append(Liveness.Location(segment: input.fileNumber, row: row))
                    inputRows.append((inputIndex, row))
                } else if !dropsTombstones {
                    // An expired newest version becomes a tombstone, as a record of the delete.
                    contents.tombstones.append((sequences[row], ids[row]))
                }
            }
            if !dropsTombstones { contents.tombstones += try input.tombstones() }
        }
        let order = contents.rows.indices.sorted { contents.rows[$0].sequence < contents.rows[$1].sequence }
        contents.rows = order.map { contents.rows[$0] }
        origins = order.map { origins[$0] }
        // Postings remapped from the inputs' (verified above): the text is not analysed again.
        contents.lexical = try LexicalPostings(
            merging: inputs.map { (input) throws(StoreError) in try input.rows.lexical() },
            origins: order.map { inputRows[$0] }
        )
        contents.tombstones.sort { $0.sequence < $1.sequence }
        return (contents, origins)
    }
}
