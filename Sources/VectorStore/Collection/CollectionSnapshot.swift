/// An immutable, `Sendable` view of a collection at one moment: the segments, the frozen memtable
/// being flushed (if any) and a copy of the memtable, with which rows are live. Searches run on a
/// snapshot outside the writer actor, so they never block writes and never see a write half-applied.
struct CollectionSnapshot: Sendable {
    let info: CollectionInfo
    /// Oldest first: segments, then the frozen memtable, then the memtable.
    let sources: [SearchSource]
    /// Per source and row: `true` when the row is its id's newest version (not overwritten or deleted).
    let live: [[Bool]]
    /// Global row number of each source's first row.
    let bases: [Int]
    let liveCount: Int
    /// Mean length in terms of the live rows, for BM25.
    let averageLength: Float
    /// The earliest moment (ms since 1970) a live row expires: the snapshot is stale from then on.
    let nextExpiryMs: UInt64

    /// - Parameters:
    ///   - newestSequence: the newest sequence written for an id (upsert or delete).
    ///   - nowMs: the time of the snapshot; rows expired by then (per-document expiry, or the
    ///     collection TTL `ttlMs` after their write) are not live.
    init(
        info: CollectionInfo,
        sources: [SearchSource],
        nowMs: UInt64 = 0,
        ttlMs: UInt64? = nil,
        newestSequence: (String) -> UInt64?
    ) {
        self.info = info
        self.sources = sources
        var live: [[Bool]] = []
        var bases: [Int] = []
        var total = 0
        var liveCount = 0
        var lengthSum: Double = 0
        var nextExpiryMs = UInt64.max
        for source in sources {
            bases.append(total)
            total += source.rowCount
            var flags = [Bool](repeating: false, count: source.rowCount)
            let ids = source.ids
            let sequences = source.sequences
            let lengths = source.lexical.lengths
            for row in 0..<source.rowCount where newestSequence(ids[row]) == sequences[row] {
                let expiry = source.expiryMs(row, ttlMs: ttlMs)
                guard expiry > nowMs else { continue }
                nextExpiryMs = min(nextExpiryMs, expiry)
                flags[row] = true
                liveCount += 1
                lengthSum += Double(lengths[row])
            }
            live.append(flags)
        }
        self.live = live
        self.bases = bases
        self.liveCount = liveCount
        self.nextExpiryMs = nextExpiryMs
        averageLength = liveCount == 0 ? 1 : max(Float(lengthSum / Double(liveCount)), 1)
    }

    /// Fails with the first verification error any source met while this snapshot was read (a
    /// corrupt block reads as empty; the search that touched it must not return its results).
    func checkIntegrity() throws(StoreError) {
        for source in sources { if let failure = source.failure { throw failure } }
    }

    var totalRows: Int { (bases.last ?? 0) + (sources.last?.rowCount ?? 0) }

    /// The source and row of a global row number.
    func location(_ global: Int) -> (source: Int, row: Int) {
        var low = 0
        var high = bases.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if bases[middle] <= global { low = middle } else { high = middle - 1 }
        }
        return (low, global - bases[low])
    }

    /// Every live document, oldest source first (tests and tools; not for the query path).
    func documents() -> [Document] {
        var documents: [Document] = []
        for (index, source) in sources.enumerated() {
            for row in 0..<source.rowCount where live[index][row] {
                documents.append(source.row(row).document(info.schema))
            }
        }
        return documents
    }

    /// Every live document of the SEC schema as a `ChunkRecord` (tests and tools).
    func records() -> [ChunkRecord] { documents().compactMap(ChunkRecord.init) }
}
