/// An immutable, `Sendable` view of one collection at one moment (`StoreEngine.snapshot(of:)`):
/// searches and reads on it run outside every actor, never block writes and never see a later write.
public struct ReadSnapshot: Sendable {
    let snapshot: CollectionSnapshot

    /// What the collection was at that moment (schema, model, embedder).
    public var info: CollectionInfo { snapshot.info }

    /// Live documents (not deleted, not expired at the snapshot's time).
    public var count: Int { snapshot.liveCount }

    /// The top-k hits of `request` in this view (`request.asOf` is ignored: a snapshot is one moment).
    ///
    /// - Throws: as `LocalCollection.search`; a block that fails verification while the search
    ///   reads it fails the search (`StoreError.corruption` naming the segment and offset).
    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        var request = request
        request.asOf = nil
        let hits = try snapshot.search(request)
        try snapshot.checkIntegrity()
        return hits
    }

    /// Every live document with its vectors, oldest source first (export and tools; costs O(rows)).
    public func documents() -> [Document] { snapshot.documents() }
}

extension LocalCollection {
    /// The collection as it is now, memtable included (`ReadSnapshot`).
    public func readSnapshot() -> ReadSnapshot { ReadSnapshot(snapshot: snapshot()) }
}
