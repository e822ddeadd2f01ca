extension CollectionSnapshot {
    /// SEAM (query ↔ liveness): the live rows of source `sourceIndex` as a bitmap — the only way the
    /// query path reads liveness. Built here from the per-row `live` flags (O(rows) per call);
    /// the per-segment deletion bitmaps replace this body at merge, which makes it O(1).
    func liveRows(_ sourceIndex: Int) -> RowBitmap {
        let flags = live[sourceIndex]
        var bitmap = RowBitmap(count: flags.count)
        var word: UInt64 = 0
        for (row, isLive) in flags.enumerated() {
            if isLive { word |= 1 << UInt64(row & 63) }
            if row & 63 == 63 || row == flags.count - 1 {
                bitmap.setWord(row >> 6, word)
                word = 0
            }
        }
        return bitmap
    }
}
