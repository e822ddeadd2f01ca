extension LocalCollection {
    /// Starts background maintenance when there is work and none runs: compaction while a size
    /// tier is full (writable collections), then the filter indexes of segments written before
    /// their field was declared `index`. Called after a flush, so the write that filled the tier
    /// returns after its own flush (docs/concurrency.md, "Background compaction"), after an index is
    /// turned on, and by `StoreEngine` once it has opened the collection. The task belongs to the
    /// collection: at most one at a time, and `close()` cancels and awaits it.
    func scheduleMaintenance() {
        guard maintenance == nil, !isClosed, failure == nil else { return }
        let compacts =
            wal != nil
            && CompactionPlan.choose(
                manifest.segments,
                fanIn: options.compactionFanIn,
                inputBytesMax: options.compactionInputBytesMax
            ) != nil
        guard compacts || !missingFilterIndexes().isEmpty else { return }
        maintenance = Task { await self.maintainInBackground() }
    }

    /// Starts background maintenance if there is any to do (`scheduleMaintenance`) and the
    /// background scrub (`StoreOptions.scrubInterval`).
    public func startMaintenance() {
        scheduleMaintenance()
        guard scrubbing == nil, !isClosed, let interval = options.scrubInterval else { return }
        scrubbing = Task { await self.scrubInBackground(every: interval) }
    }

    /// Compacts while a tier is full, then builds one missing filter index, and again, until
    /// neither is left (a tier filled by flushes during a build is compacted next).
    private func maintainInBackground() async {
        defer { maintenance = nil }
        do {
            while !Task.isCancelled {
                while !Task.isCancelled, wal != nil, try await compactIfNeeded() {}
                guard let missing = missingFilterIndexes().first else { return }
                await build(missing)
            }
        } catch {
            // Logged and kept in `failure` by `compactIfNeeded`; later writes are refused.
        }
    }

    /// The indexed fields each open segment stores a column for but has no index block of, and
    /// whose index is not built yet.
    private func missingFilterIndexes() -> [(source: SearchSource, ordinal: Int, field: FieldDefinition)] {
        let fields = info.schema.fields
        return segments.flatMap { segment in
            fields.indices.compactMap { ordinal in
                let source = segment.source
                guard fields[ordinal].index, ordinal < source.storedFieldCount,
                    source.filterIndexes.needsBuild(ordinal)
                else { return nil }
                return (source, ordinal, fields[ordinal])
            }
        }
    }

    /// Builds one missing filter index in memory, off the cooperative pool. Filters scan its
    /// segment until then.
    private func build(_ missing: (source: SearchSource, ordinal: Int, field: FieldDefinition)) async {
        let (source, ordinal, field) = missing
        try? await Self.offload { () throws(StoreError) in
            source.filterIndexes.build(ordinal, field: field, column: source.column(ordinal))
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
        scrubbing?.cancel()
        while let maintenance { await maintenance.value }
        while let scrubbing { await scrubbing.value }
        await drainUploads()
    }
}
