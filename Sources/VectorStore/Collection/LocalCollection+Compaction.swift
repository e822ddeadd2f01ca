import Foundation

extension LocalCollection {
    /// Merges one tier of segments (see `CompactionPlan`) into one, dropping rows that a newer
    /// flushed version shadows, and tombstones when every segment takes part (nothing older can remain).
    ///
    /// The decision uses the newest-version map as it is when the compaction starts; a row only ever
    /// becomes *more* shadowed, so a row dropped then is never needed again, and a row kept that a
    /// later write shadows is still hidden at search time. The output is committed like a flush:
    /// segment written and `fsync`ed, manifest replaced atomically (the outgoing one kept as a
    /// retained version); a crash before the commit leaves an orphan output (removed at open). The
    /// inputs are deleted once no retained version lists them (`retireExpiredVersions`); snapshots
    /// that still map an input keep reading it: unlinking does not unmap.
    func compactIfNeeded() async throws(StoreError) {
        guard let wal, !compacting, frozen == nil,
            let chosen = CompactionPlan.choose(
                manifest.segments,
                fanIn: options.compactionFanIn,
                inputBytesMax: options.compactionInputBytesMax
            )
        else { return }
        compacting = true
        defer { compacting = false }
        let inputs = segments.filter { chosen.contains($0.fileNumber) }
        let dropTombstones = inputs.count == segments.count
        let newest = self.newest
        let nowMs = clock.nowMs
        let ttlMs = options.ttlMs
        let flushedSequence = manifest.flushedSequence
        let outputNumber = max(manifest.nextFileNumber, wal.fileNumber + 1)
        let outgoing = manifest
        var edit = manifest
        edit.version += 1
        edit.commitTimeMs = max(manifest.commitTimeMs, nowMs)
        edit.nextFileNumber = outputNumber + 1
        edit.segments.removeAll { chosen.contains($0.fileNumber) }
        let base = edit
        let directory = self.directory
        let schema = info.schema
        let codec = options.segmentCodec
        let graphRowsMin = options.graphRowsMin
        let graphParameters = options.graph
        let started = ContinuousClock.now
        do {
            let (output, committed) = try await Self.offload { () throws(StoreError) in
                // Only a flushed newer version shadows a row: the compacted version must show exactly
                // the rows of the version it replaces, whatever the memtable holds meanwhile.
                func isShadowed(_ id: String, _ sequence: UInt64) -> Bool {
                    guard let newestSequence = newest.sequence(of: id) else { return false }
                    return newestSequence != sequence && newestSequence <= flushedSequence
                }
                var contents = SegmentWriter.Contents(rows: [], tombstones: [])
                for input in inputs {
                    let source = input.source
                    for row in 0..<source.rowCount where !isShadowed(source.ids[row], source.sequences[row]) {
                        if source.expiryMs(row, ttlMs: ttlMs) > nowMs {
                            let record = source.row(row)
                            contents.rows.append(
                                StoredRow(
                                    sequence: source.sequences[row],
                                    record: record,
                                    writtenAtMs: source.writtenAtMs[row]
                                )
                            )
                        } else if !dropTombstones {
                            // An expired newest version becomes a tombstone, so an older version in
                            // a segment outside this compaction cannot resurface after a reopen.
                            contents.tombstones.append((source.sequences[row], source.ids[row]))
                        }
                    }
                    for tombstone in input.tombstones
                    where !dropTombstones && !isShadowed(tombstone.id, tombstone.sequence) {
                        contents.tombstones.append(tombstone)
                    }
                }
                contents.rows.sort { $0.sequence < $1.sequence }
                contents.tombstones.sort { $0.sequence < $1.sequence }
                var committed = base
                var output: SegmentReader?
                if !contents.rows.isEmpty || !contents.tombstones.isEmpty {
                    let path = directory + "/" + StoreFileName.segment(outputNumber)
                    let bytes = try SegmentWriter.encode(
                        contents,
                        schema: schema,
                        codec: codec,
                        graph: contents.rows.count >= graphRowsMin ? graphParameters : nil
                    )
                    try StoreFiles.createDurably(path, with: bytes)
                    let reader = try SegmentReader(path: path, fileNumber: outputNumber, schema: schema)
                    committed.segments.append(reader.manifestEntry)
                    output = reader
                }
                try Self.commit(committed, in: directory)
                return (output, committed)
            }
            // Writes may have flushed nothing meanwhile (flushes wait for compaction), so only the
            // inputs changed. The outgoing version still lists the inputs: their files stay until it
            // leaves retention, and a point-in-time search reopens them.
            segments.removeAll { chosen.contains($0.fileNumber) }
            if let output { segments.append(output) }
            manifest = committed
            history.add(outgoing)
            cachedSnapshot = nil
            logger.debug(
                "compacted segments",
                metadata: [
                    "inputs": "\(chosen)", "output": "\(output.map { "\($0.fileNumber)" } ?? "none")",
                    "elapsed": "\(ContinuousClock.now - started)",
                ]
            )
        } catch {
            failure = error
            logger.error("compaction failed; reopen the collection", metadata: ["error": "\(error)"])
            throw error
        }
        await retireExpiredVersions()
    }
}
