/// Which stored rows are live, kept up to date at write, flush and compaction time so that a
/// snapshot costs O(sources), not O(rows): per segment, a bitmap of its deleted rows (superseded by
/// a newer version of their id, or deleted).
///
/// Two layers: `deleted` holds every durable write; `committed` only the flushed ones, as the
/// current version's deletion vectors record them (a retained version must not see later writes).
/// A write finds the version it supersedes in the memtable, then the frozen memtable, then the
/// segments newest first through their primary-key index; the live row found is marked in `deleted` and
/// its location kept with the memtable's writes, so the flush that persists the memtable moves it
/// into `committed`. Invariant: at most one row per id is live over all sources.
struct Liveness: Sendable {
    /// A row of a segment, or (`segment == 0`) of the frozen memtable.
    struct Location: Hashable, Sendable {
        var segment: UInt64
        var row: Int
    }

    /// Per segment file number: rows deleted by any durable write.
    var deleted: [UInt64: RowBitmap] = [:]
    /// Per segment: rows deleted as of the current version (flushed writes only).
    var committed: [UInt64: RowBitmap] = [:]
    /// Segments whose `committed` bitmap the current version does not record yet (a collection
    /// opened from a manifest older than deletion vectors); the next commit writes them.
    var unrecorded: Set<UInt64> = []
    /// Rows of the frozen memtable deleted by writes since the freeze.
    var frozenDeleted: RowBitmap?
    /// Row of each id of the frozen memtable; `nil` for its tombstones.
    var frozenRows: [String: Int?] = [:]
    /// Segment rows deleted by the frozen memtable's writes (committed by its flush).
    var frozenDeletes: [Location] = []
    /// Rows deleted by the memtable's writes.
    var memtableDeletes: [Location] = []

    /// Marks the version `id`'s new write supersedes; call before the write reaches `memtable`.
    ///
    /// - Throws: `StoreError.corruption` when a segment's primary-key index fails verification.
    mutating func supersede(_ id: String, memtable: MemTable, segments: [SegmentReader]) throws(StoreError) {
        if memtable.entries[id] != nil { return }
        if let frozen = frozenRows[id] {
            if let row = frozen, frozenDeleted?.contains(row) == false {
                frozenDeleted?.insert(row)
                memtableDeletes.append(Location(segment: 0, row: row))
            }
            return
        }
        // Not "the first segment holding the id": a compaction output is listed after segments
        // flushed while it ran, so a deleted row of it can sit in front of the live one.
        for segment in segments.reversed() {
            guard let row = try segment.rows.row(of: id) else { continue }
            let number = segment.fileNumber
            guard deleted[number]?.contains(row) != true else { continue }
            deleted[number, default: RowBitmap(count: segment.source.rowCount)].insert(row)
            memtableDeletes.append(Location(segment: number, row: row))
            return
        }
    }

    /// Marks what every id of a durable record supersedes.
    mutating func supersede(_ record: WALRecord, memtable: MemTable, segments: [SegmentReader]) throws(StoreError) {
        switch record {
        case .upsert(_, _, let rows):
            for row in rows { try supersede(row.id, memtable: memtable, segments: segments) }
        case .delete(_, let ids):
            for id in ids { try supersede(id, memtable: memtable, segments: segments) }
        }
    }

    /// The memtable, as `contents`, is being flushed: its writes' deletions wait for the flush commit.
    mutating func freeze(_ contents: SegmentWriter.Contents) {
        frozenRows = [:]
        frozenRows.reserveCapacity(contents.rows.count + contents.tombstones.count)
        for (index, row) in contents.rows.enumerated() { frozenRows[row.record.id] = index }
        for tombstone in contents.tombstones { frozenRows[tombstone.id] = .some(nil) }
        frozenDeleted = RowBitmap(count: contents.rows.count)
        frozenDeletes = memtableDeletes
        memtableDeletes = []
    }

    /// The committed bitmaps a flush commit changes: the frozen writes' deletions (and the segments
    /// not yet recorded), for the segments of `manifest`.
    func committedAfterFlush(_ manifest: Manifest) -> [UInt64: RowBitmap] {
        let rows = Dictionary(manifest.segments.map { ($0.fileNumber, Int($0.rowCount)) }, uniquingKeysWith: max)
        var changed = committedUnrecorded(manifest)
        for location in frozenDeletes {
            guard let count = rows[location.segment] else { continue }
            changed[location.segment, default: committed[location.segment] ?? RowBitmap(count: count)].insert(
                location.row
            )
        }
        return changed
    }

    /// The committed bitmaps of `manifest`'s segments that no deletion vector records yet: every
    /// commit writes them, since a format 3 manifest must name every segment's deletions.
    func committedUnrecorded(_ manifest: Manifest) -> [UInt64: RowBitmap] {
        var changed: [UInt64: RowBitmap] = [:]
        for entry in manifest.segments where unrecorded.contains(entry.fileNumber) {
            changed[entry.fileNumber] = committed[entry.fileNumber]
        }
        return changed
    }

    /// The flush committed as segment `number`: its committed bitmaps become current, the frozen
    /// memtable's rows become that segment's.
    mutating func flushCommitted(segment number: UInt64, changed: [UInt64: RowBitmap]) {
        committed.merge(changed) { $1 }
        unrecorded = []
        if let frozenDeleted, !frozenDeleted.isEmpty { deleted[number] = frozenDeleted }
        memtableDeletes = memtableDeletes.map { $0.segment == 0 ? Location(segment: number, row: $0.row) : $0 }
        frozenDeleted = nil
        frozenRows = [:]
        frozenDeletes = []
    }

    /// A compaction replaced `inputs` by `output` (nil: nothing survived), whose row `r` is the
    /// input row `origins[r]`: bitmaps and pending locations move to the output rows.
    mutating func compacted(inputs: Set<UInt64>, output: UInt64?, origins: [Location], committedOutput: RowBitmap?) {
        var moved: [Location: Int] = [:]
        if let output {
            var current = RowBitmap(count: origins.count)
            for (row, origin) in origins.enumerated() {
                moved[origin] = row
                if deleted[origin.segment]?.contains(origin.row) == true { current.insert(row) }
            }
            if !current.isEmpty { deleted[output] = current }
            if let committedOutput, !committedOutput.isEmpty { committed[output] = committedOutput }
        }
        func relocate(_ locations: [Location]) -> [Location] {
            locations.compactMap { location in
                guard inputs.contains(location.segment) else { return location }
                return moved[location].flatMap { row in output.map { Location(segment: $0, row: row) } }
            }
        }
        frozenDeletes = relocate(frozenDeletes)
        memtableDeletes = relocate(memtableDeletes)
        for input in inputs {
            deleted[input] = nil
            committed[input] = nil
        }
        unrecorded = []
    }

    /// The committed bitmap of an output row set: origins deleted as of the current version.
    func committed(origins: [Location]) -> RowBitmap {
        var bitmap = RowBitmap(count: origins.count)
        for (row, origin) in origins.enumerated() where committed[origin.segment]?.contains(origin.row) == true {
            bitmap.insert(row)
        }
        return bitmap
    }
}
