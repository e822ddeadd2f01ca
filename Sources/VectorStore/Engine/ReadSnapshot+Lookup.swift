extension ReadSnapshot {
    /// The live document `id` (fields with defaults applied, no vectors), or `nil` when no live row
    /// holds it (never written, deleted, or expired at the snapshot's time).
    ///
    /// Cost: the memtable copies by a scan of their ids (bounded by `StoreOptions.memtableBytesMax`),
    /// each segment by its primary-key index, newest source first (at most one row per id is live).
    ///
    /// - Throws: `StoreError.corruption` when a segment's primary-key index fails verification.
    public func document(id: String) throws(StoreError) -> Document? {
        for index in snapshot.sources.indices.reversed() {
            let source = snapshot.sources[index]
            let row: Int?
            switch source.rows {
            case .memory(let memory): row = memory.ids.lastIndex(of: id)
            case .segment(let segment): row = try segment.row(of: id)
            }
            guard let row, snapshot.isLive(index, row) else { continue }
            return source.hitDocument(row, schema: snapshot.info.schema)
        }
        return nil
    }
}
