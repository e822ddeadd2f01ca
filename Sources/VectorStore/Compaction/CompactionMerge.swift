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

    /// The output (its postings merged from the inputs', its graph seeded by the largest input's
    /// when every row of that input is kept), and for each of its rows the input row it copies.
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
        // Rows in sequence order, except that the largest input with a graph whose rows are all
        // kept goes first, in its own order: the output's graph then extends that graph.
        var kept = [Int](repeating: 0, count: inputs.count)
        for origin in inputRows { kept[origin.input] += 1 }
        let seedInput = inputs.indices
            .filter { kept[$0] == inputs[$0].source.rowCount && inputs[$0].source.graph != nil }
            .max { kept[$0] < kept[$1] }
        let order = contents.rows.indices.sorted { left, right in
            let (leftSeeds, rightSeeds) = (inputRows[left].input == seedInput, inputRows[right].input == seedInput)
            if leftSeeds != rightSeeds { return leftSeeds }
            if leftSeeds { return inputRows[left].row < inputRows[right].row }
            return contents.rows[left].sequence < contents.rows[right].sequence
        }
        contents.graphSeed = seedInput.flatMap { inputs[$0].source.graph }
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
