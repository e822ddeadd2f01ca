extension LocalCollection {
    /// Starts the background compaction when a size tier is full and none runs: called after a
    /// flush, so the write that filled the tier returns after its own flush (docs/concurrency.md,
    /// "Background compaction"). The task belongs to the collection: at most one at a time, it
    /// compacts tier after tier until none is full, and `close()` cancels and awaits it.
    func scheduleCompaction() {
        guard maintenance == nil, !isClosed, failure == nil, wal != nil,
            CompactionPlan.choose(
                manifest.segments,
                fanIn: options.compactionFanIn,
                inputBytesMax: options.compactionInputBytesMax
            ) != nil
        else { return }
        maintenance = Task { await self.compactInBackground() }
    }

    private func compactInBackground() async {
        defer { maintenance = nil }
        do {
            while !Task.isCancelled, try await compactIfNeeded() {}
        } catch {
            // Logged and kept in `failure` by `compactIfNeeded`; later writes are refused.
        }
    }

    /// Returns once no background compaction runs (tests, and the CLI before it exits).
    ///
    /// - Throws: the `StoreError` that failed a flush or compaction of this collection, if any:
    ///   writes are refused until it is reopened.
    public func waitForMaintenance() async throws(StoreError) {
        while let maintenance { await maintenance.value }
        if let failure { throw failure }
    }

    /// Stops background maintenance and refuses later writes: a running compaction is cancelled
    /// (within one chunk of its output write, or at once in an I/O pause; its partial output is
    /// removed) and awaited, so no compaction changes a file after `close()` returns. Its merge and
    /// encoding are not interruptible (bounded by `compactionInputBytesMax`), and a compaction
    /// already committing finishes its commit. A flush already running belongs to the write that
    /// started it and completes. Searches keep working. Files and the writer lock are released when
    /// the last reference to the collection goes.
    public func close() async {
        isClosed = true
        maintenance?.cancel()
        while let maintenance { await maintenance.value }
    }
}
