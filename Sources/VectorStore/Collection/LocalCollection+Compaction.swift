import Foundation

extension LocalCollection {
    /// Runs one compaction when a size tier is full (`CompactionPlan`): the inputs are merged
    /// (`CompactionMerge`) and encoded off the actor, the output is written within the I/O budget
    /// (`PacedFileWriter`, `StoreOptions.compactionBytesPerSecond`), then committed like a flush —
    /// the outgoing version kept as a retained version. Flushes may commit meanwhile: the commit
    /// applies "inputs out, output in" to the manifest current then. A crash before the commit
    /// leaves an orphan output (removed at open). The inputs are deleted once no retained version
    /// lists them (`retireExpiredVersions`); snapshots that still map an input keep reading it.
    ///
    /// Runs in the background task (`scheduleMaintenance`); tests also call it directly.
    ///
    /// - Returns: whether a compaction was committed: `false` when no tier is full, another
    ///   compaction runs, or the task was cancelled while writing (the partial output is removed).
    /// - Throws: the `StoreError` that failed it; it is also kept in `failure`, which refuses later
    ///   writes until the collection is reopened.
    @discardableResult
    func compactIfNeeded() async throws(StoreError) -> Bool {
        guard wal != nil, !compacting, failure == nil,
            let chosen = CompactionPlan.choose(
                manifest.segments,
                fanIn: options.compactionFanIn,
                inputBytesMax: options.compactionInputBytesMax
            )
        else { return false }
        compacting = true
        defer { compacting = false }
        let merge = CompactionMerge(
            inputs: segments.filter { chosen.contains($0.fileNumber) },
            dropsTombstones: chosen.count == segments.count,
            committed: liveness.committed.filter { chosen.contains($0.key) },
            nowMs: clock.nowMs,
            ttlMs: options.ttlMs
        )
        let outputNumber = takeFileNumber()
        let path = self.path(StoreFileName.segment(outputNumber))
        let schema = info.schema
        let codec = options.segmentCodec
        let graph = options.graph
        let graphRowsMin = options.graphRowsMin
        let started = ContinuousClock.now
        do {
            let merged = try await Self.offload { () throws(StoreError) -> ([UInt8], [Liveness.Location])? in
                let (contents, origins) = try merge.contents()
                guard !contents.rows.isEmpty || !contents.tombstones.isEmpty else { return nil }
                let bytes = try SegmentWriter.encode(
                    contents,
                    schema: schema,
                    codec: codec,
                    graph: contents.rows.count >= graphRowsMin ? graph : nil
                )
                return (bytes, origins)
            }
            var output: SegmentReader?
            if let (bytes, _) = merged {
                let written = try await PacedFileWriter.write(
                    bytes,
                    to: path,
                    bytesPerSecond: options.compactionBytesPerSecond,
                    clock: maintenanceClock,
                    fileSystem: fileSystem
                )
                guard written else { return false }
                let fileSystem = self.fileSystem
                output = try await Self.offload { () throws(StoreError) in
                    try SegmentReader(path: path, fileNumber: outputNumber, schema: schema, fileSystem: fileSystem)
                }
            }
            let origins = merged?.1 ?? []
            var committedOutput: RowBitmap?
            try await commitVersion { manifest in
                manifest.segments.removeAll { chosen.contains($0.fileNumber) }
                var changed = liveness.committedUnrecorded(manifest)
                if let output {
                    manifest.segments.append(output.manifestEntry)
                    // Flushes committed since the merge started may have deleted rows it copied.
                    let bitmap = liveness.committed(origins: origins)
                    committedOutput = bitmap
                    changed[output.fileNumber] = bitmap
                }
                return Liveness.record(changed, in: &manifest)
            } apply: {
                // The outgoing version still lists the inputs: their files stay until it leaves
                // retention, and a point-in-time search reopens them.
                segments.removeAll { chosen.contains($0.fileNumber) }
                if let output { segments.append(output) }
                liveness.compacted(
                    inputs: Set(chosen),
                    output: output?.fileNumber,
                    origins: origins,
                    committedOutput: committedOutput
                )
            }
        } catch {
            failure = error
            logger.error("compaction failed; reopen the collection", metadata: ["error": "\(error)"])
            throw error
        }
        logger.debug(
            "compacted segments",
            metadata: [
                "inputs": "\(chosen)", "output": "\(outputNumber)", "elapsed": "\(ContinuousClock.now - started)",
            ]
        )
        await retireExpiredVersions()
        return true
    }
}
