/// An immutable, `Sendable` view of a collection at one moment: the segments, the frozen memtable
/// being flushed (if any) and a copy of the memtable, with which rows are live. Searches run on a
/// snapshot outside the writer actor, so they never block writes and never see a write half-applied.
///
/// Taking one costs O(sources): the sources and their deletion bitmaps are shared (copy-on-write)
/// with the writer's `Liveness`; a source's times are read only when its header says a row of it
/// can have expired by `nowMs` (`SegmentFormat.ExpiryStats`).
struct CollectionSnapshot: Sendable {
    let info: CollectionInfo
    /// Oldest first: segments, then the frozen memtable, then the memtable.
    let sources: [SearchSource]
    /// Per source: its rows deleted (superseded or deleted), `nil` for none.
    let deleted: [RowBitmap?]
    /// Per source: its rows expired by the snapshot's time, `nil` for none.
    let expired: [RowBitmap?]
    /// Global row number of each source's first row.
    let bases: [Int]
    let liveCount: Int
    /// The earliest moment (ms since 1970) a live row expires: the snapshot is stale from then on.
    let nextExpiryMs: UInt64
    /// Rows whose times were read to build the snapshot (segments that can have expired rows).
    let rowsScanned: Int
    private let lengths = LazyValue<Float>()

    /// - Parameters:
    ///   - deleted: per source, the rows not live whatever the time (missing or `nil`: none).
    ///   - nowMs: the time of the snapshot; rows expired by then (per-document expiry, or the
    ///     collection TTL `ttlMs` after their write) are not live.
    init(
        info: CollectionInfo,
        sources: [SearchSource],
        deleted: [RowBitmap?] = [],
        nowMs: UInt64 = 0,
        ttlMs: UInt64? = nil
    ) {
        self.info = info
        self.sources = sources
        let deleted = sources.indices.map { $0 < deleted.count ? deleted[$0] : nil }
        self.deleted = deleted
        var expired: [RowBitmap?] = []
        var bases: [Int] = []
        var total = 0
        var liveCount = 0
        var nextExpiryMs = UInt64.max
        var rowsScanned = 0
        for (index, source) in sources.enumerated() {
            bases.append(total)
            total += source.rowCount
            let dead = deleted[index]
            liveCount += source.rowCount - (dead?.cardinality ?? 0)
            let earliest = source.expiryStats.earliestExpiryMs(ttlMs: ttlMs)
            guard earliest <= nowMs else {
                nextExpiryMs = min(nextExpiryMs, earliest)
                expired.append(nil)
                continue
            }
            if case .segment = source.rows { rowsScanned += source.rowCount }
            var gone = RowBitmap(count: source.rowCount)
            for row in 0..<source.rowCount where dead?.contains(row) != true {
                let expiry = source.expiryMs(row, ttlMs: ttlMs)
                if expiry > nowMs { nextExpiryMs = min(nextExpiryMs, expiry) } else { gone.insert(row) }
            }
            liveCount -= gone.cardinality
            expired.append(gone.isEmpty ? nil : gone)
        }
        self.expired = expired
        self.bases = bases
        self.liveCount = liveCount
        self.nextExpiryMs = nextExpiryMs
        self.rowsScanned = rowsScanned
    }

    /// Whether a row of a source is live: not deleted, not expired.
    @inline(__always) func isLive(_ sourceIndex: Int, _ row: Int) -> Bool {
        deleted[sourceIndex]?.contains(row) != true && expired[sourceIndex]?.contains(row) != true
    }

    /// The live rows of a source (O(rows / 64) words to build).
    func liveRows(_ sourceIndex: Int) -> RowBitmap {
        var rows = RowBitmap(count: sources[sourceIndex].rowCount, allSet: true)
        if let deleted = deleted[sourceIndex] { rows.subtract(deleted) }
        if let expired = expired[sourceIndex] { rows.subtract(expired) }
        return rows
    }

    /// Mean length in terms of the live rows, for BM25; computed on first use from each source's
    /// total (a segment's dictionary header) and the lengths of its rows that are not live (O(rows
    /// not live); a segment's lengths are read in place).
    var averageLength: Float {
        (try? lengths.value { () throws(StoreError) in
            guard liveCount > 0 else { return 1 }
            var sum: Double = 0
            for (index, source) in sources.enumerated() {
                let lexical = source.lexical
                var sourceSum = Double(lexical.lengthSum)
                lexical.withLengths { lengths in
                    deleted[index]?.forEachRow { sourceSum -= Double(lengths[$0]) }
                    expired[index]?.forEachRow { sourceSum -= Double(lengths[$0]) }
                }
                sum += sourceSum
            }
            return max(Float(sum / Double(liveCount)), 1)
        }) ?? 1
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
            liveRows(index).forEachRow { documents.append(source.row($0).document(info.schema)) }
        }
        return documents
    }
}
