import Dispatch
import Foundation

extension LocalCollection {
    /// Flushes the memtable into a new committed version (`DocumentCollection.commit`), then starts a
    /// background compaction if a tier is full.
    public func commit() async throws(StoreError) {
        _ = try acceptingWAL()
        try await flush()
        scheduleMaintenance()
    }

    /// Freezes the memtable and writes it as a segment, then commits a manifest that lists the
    /// segment and points recovery past the WAL files it replaces.
    ///
    /// Crash safety, step by step: (1) a new WAL file is created durably and takes all later writes;
    /// (2) the segment is written and `fsync`ed under a new number; (3) the manifest is replaced
    /// atomically — this is the commit point; (4) obsolete WAL files are removed. A crash before (3)
    /// leaves an orphan segment (removed at the next open) and the old WAL files (replayed); a crash
    /// after (3) leaves obsolete WAL files (removed at the next open).
    ///
    /// Runs only when no write is between its WAL append and its memtable apply, so every record in
    /// the old WAL files is in the frozen memtable. A running compaction does not hold it up: the
    /// flush waits at most for the compaction's manifest commit (`commitVersion`), not its merge.
    /// Flushes are not paced by `compactionBytesPerSecond`: they must keep up with the writes.
    ///
    /// - Throws: the `StoreError` that failed it; it is also logged and kept in `failure`, which
    ///   refuses later writes until the collection is reopened.
    func flush() async throws(StoreError) {
        guard let wal, frozen == nil, pendingWrites == 0, !memtable.isEmpty else { return }
        let segmentNumber = takeFileNumber()
        let walNumber = takeFileNumber()
        // Frozen and rotated in this actor turn: the memtable holds every record of the old WAL
        // files (no write is between append and apply), and appends queued from now on go to the
        // new file (`WALWriter.rotate` is queued behind no append and ahead of every later one).
        let contents = memtable.sortedRows()
        let flushedSequence = memtable.sequenceMax
        frozen = SearchSource(rows: contents.rows, schema: info.schema, lexical: contents.lexical)
        liveness.freeze(contents)
        memtable = MemTable(schema: info.schema)
        cachedSnapshot = nil
        do {
            try await wal.rotate(to: path(StoreFileName.wal(walNumber)), fileNumber: walNumber).value()
        } catch {
            throw failed(error)
        }
        let segmentPath = path(StoreFileName.segment(segmentNumber))
        let schema = info.schema
        let codec = options.segmentCodec
        let graph = contents.rows.count >= options.flushGraphRowsMin ? options.graph : nil
        let (directory, fileSystem) = (self.directory, self.fileSystem)
        do {
            let reader = try await Self.offload { () throws(StoreError) in
                let bytes = try SegmentWriter.encode(contents, schema: schema, codec: codec, graph: graph)
                try fileSystem.createDurably(segmentPath, with: bytes)
                return try SegmentReader(
                    path: segmentPath,
                    fileNumber: segmentNumber,
                    schema: schema,
                    fileSystem: fileSystem
                )
            }
            var changed: [UInt64: RowBitmap] = [:]
            try await commitVersion { manifest in
                manifest.segments.append(reader.manifestEntry)
                manifest.walFileNumber = walNumber
                manifest.flushedSequence = max(manifest.flushedSequence, flushedSequence)
                changed = liveness.committedAfterFlush(manifest)
                return Liveness.record(changed, in: &manifest)
            } apply: {
                segments.append(reader)
                frozen = nil
                liveness.flushCommitted(segment: segmentNumber, changed: changed)
            }
            try await Self.offload { () throws(StoreError) in
                try Self.removeObsoleteWALFiles(in: directory, fileSystem: fileSystem, below: walNumber)
            }
        } catch {
            throw failed(error)
        }
        await retireExpiredVersions()
    }

    /// Keeps a flush's error in `failure` (later writes are refused) and logs it.
    private func failed(_ error: StoreError) -> StoreError {
        failure = error
        logger.error(
            "flush failed; acknowledged writes are safe in the WAL, reopen the collection",
            metadata: ["error": "\(error)"]
        )
        return error
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Removes the WAL files numbered below `number`, in ascending order: a read-only open that still
    /// finds a version's first WAL file can then trust that it listed every later one.
    static func removeObsoleteWALFiles(
        in directory: String,
        fileSystem: any StoreFileSystem,
        below number: UInt64
    ) throws(StoreError) {
        let obsolete = try fileSystem.contentsOfDirectory(directory).compactMap(StoreFileName.parse)
            .filter { $0.kind == .wal && $0.number < number }.map(\.number).sorted()
        try fileSystem.removeDurably(obsolete.map { directory + "/" + StoreFileName.wal($0) })
    }

    /// At open, when nothing else runs: removes the files no version refers to — WAL files below
    /// `walFileNumber` (ascending, as `removeObsoleteWALFiles`), segments not in `liveSegments`,
    /// deletion vectors not in `liveDeletions`, and a leftover `MANIFEST.tmp` or `PINS.tmp` (later,
    /// one may belong to a commit or pin in progress).
    static func removeObsoleteFiles(
        in directory: String,
        fileSystem: any StoreFileSystem,
        walFileNumber: UInt64,
        liveSegments: Set<UInt64>,
        liveDeletions: Set<String>
    ) throws(StoreError) {
        var obsolete: [(number: UInt64, name: String)] = []
        for name in try fileSystem.contentsOfDirectory(directory) {
            switch StoreFileName.parse(name) {
            case (.segment, let number)?:
                if !liveSegments.contains(number) { obsolete.append((number, name)) }
            case (.wal, let number)?:
                if number < walFileNumber { obsolete.append((number, name)) }
            case nil:
                if name == Manifest.fileName + ".tmp" || name == PinnedVersions.fileName + ".tmp" {
                    obsolete.append((0, name))
                } else if StoreFileName.isDeletions(name), !liveDeletions.contains(name) {
                    obsolete.append((0, name))
                }
            }
        }
        try fileSystem.removeDurably(obsolete.sorted { $0.number < $1.number }.map { directory + "/" + $0.name })
    }

    /// Runs blocking file work (writes, `fsync`, `mmap`) on a dispatch queue, off the Swift
    /// cooperative thread pool.
    static func offload<T: Sendable>(
        _ body: @escaping @Sendable () throws(StoreError) -> T
    ) async throws(StoreError) -> T {
        let result: Result<T, StoreError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Result(catching: body)) }
        }
        return try result.get()
    }
}

extension SegmentReader {
    var manifestEntry: Manifest.SegmentEntry {
        Manifest.SegmentEntry(
            fileNumber: fileNumber,
            fileBytes: UInt64(fileBytes),
            rowCount: UInt32(source.rowCount),
            tombstoneCount: UInt32(tombstoneCount),
            sequenceMax: sequenceMax
        )
    }
}
