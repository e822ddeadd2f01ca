/// The newest sequence written for every id (by an upsert or a delete) over a set of segments: how
/// liveness is rebuilt, once, for a manifest older than deletion vectors (`Liveness.load`). A row
/// is live exactly when its sequence is its id's newest one.
struct NewestVersions: Sendable {
    private var entries: [String: UInt64] = [:]

    func sequence(of id: String) -> UInt64? { entries[id] }

    mutating func note(id: String, sequence: UInt64) {
        guard (entries[id] ?? 0) < sequence else { return }
        entries[id] = sequence
    }

    /// Notes every row and tombstone of a segment (decoding its ids, sequences and tombstones).
    ///
    /// - Throws: `StoreError.corruption` when one of those blocks fails verification.
    mutating func note(_ segment: SegmentReader) throws(StoreError) {
        let ids = try segment.rows.ids()
        let sequences = try segment.rows.sequences()
        for row in ids.indices { note(id: ids[row], sequence: sequences[row]) }
        for tombstone in try segment.tombstones() { note(id: tombstone.id, sequence: tombstone.sequence) }
    }
}
