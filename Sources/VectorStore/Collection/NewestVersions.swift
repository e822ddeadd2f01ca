/// The newest sequence written for every id (by an upsert or a delete), over the segments and the
/// memtable. A row of any source is live exactly when its sequence is its id's newest one.
struct NewestVersions: Sendable {
    private var entries: [String: (sequence: UInt64, isLive: Bool)] = [:]
    private(set) var liveCount = 0

    func sequence(of id: String) -> UInt64? { entries[id]?.sequence }

    mutating func note(id: String, sequence: UInt64, isLive: Bool) {
        let previous = entries[id]
        guard (previous?.sequence ?? 0) < sequence else { return }
        liveCount += (isLive ? 1 : 0) - (previous?.isLive == true ? 1 : 0)
        entries[id] = (sequence, isLive)
    }

    mutating func note(_ record: WALRecord) {
        switch record {
        case .upsert(let first, _, let records):
            for (index, row) in records.enumerated() {
                note(id: row.id, sequence: first + UInt64(index), isLive: true)
            }
        case .delete(let first, let ids):
            for (index, id) in ids.enumerated() { note(id: id, sequence: first + UInt64(index), isLive: false) }
        }
    }

    /// Notes every row and tombstone of a segment (decoding its ids, sequences and tombstones).
    ///
    /// - Throws: `StoreError.corruption` when one of those blocks fails verification.
    mutating func note(_ segment: SegmentReader) throws(StoreError) {
        let ids = try segment.rows.ids()
        let sequences = try segment.rows.sequences()
        for row in ids.indices { note(id: ids[row], sequence: sequences[row], isLive: true) }
        for tombstone in try segment.tombstones() {
            note(id: tombstone.id, sequence: tombstone.sequence, isLive: false)
        }
    }
}
