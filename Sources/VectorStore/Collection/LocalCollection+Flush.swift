import Dispatch
import Foundation

extension LocalCollection {
    public func commit() async throws(StoreError) {
        try await flush()
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
    /// the old WAL files is in the frozen memtable.
    func flush() async throws(StoreError) {
        guard let wal, frozen == nil, !compacting, pendingWrites == 0, !memtable.isEmpty else { return }
        let segmentNumber = max(manifest.nextFileNumber, wal.fileNumber + 1)
        let walNumber = segmentNumber + 1
        try wal.rotate(to: path(StoreFileName.wal(walNumber)), fileNumber: walNumber)
        let contents = memtable.sortedRows()
        let outgoing = manifest
        var next = manifest
        next.version += 1
        next.commitTimeMs = max(manifest.commitTimeMs, clock.nowMs)
        next.nextFileNumber = walNumber + 1
        next.walFileNumber = walNumber
        next.flushedSequence = max(manifest.flushedSequence, memtable.sequenceMax)
        frozen = SearchSource(memtable: memtable, schema: info.schema)
        memtable = MemTable()
        cachedSnapshot = nil
        let directory = self.directory
        let schema = info.schema
        let codec = options.segmentCodec
        let graphRowsMin = options.graphRowsMin
        let graphParameters = options.graph
        let edit = next
        do {
            let (reader, committed) = try await Self.offload { () throws(StoreError) in
                let segmentPath = directory + "/" + StoreFileName.segment(segmentNumber)
                let bytes = try SegmentWriter.encode(
                    contents,
                    schema: schema,
                    codec: codec,
                    graph: contents.rows.count >= graphRowsMin ? graphParameters : nil
                )
                try StoreFiles.createDurably(segmentPath, with: bytes)
                let reader = try SegmentReader(path: segmentPath, fileNumber: segmentNumber, schema: schema)
                var committed = edit
                committed.segments.append(reader.manifestEntry)
                try Self.commit(committed, in: directory)
                try Self.removeObsoleteFiles(in: directory, walFileNumber: committed.walFileNumber)
                return (reader, committed)
            }
            segments.append(reader)
            manifest = committed
            history.add(outgoing)
            frozen = nil
            cachedSnapshot = nil
        } catch {
            failure = error
            logger.error(
                "flush failed; acknowledged writes are safe in the WAL, reopen the collection",
                metadata: ["error": "\(error)"]
            )
            throw error
        }
        await retireExpiredVersions()
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Removes files no version refers to: WAL files below `walFileNumber`, a leftover `MANIFEST.tmp`
    /// or `PINS.tmp`, and — when `liveSegments` is given (at open, when nothing else runs) — segments
    /// not in it. WAL files go in ascending order: a read-only open that still finds a version's
    /// first WAL file can then trust that it listed every later one.
    static func removeObsoleteFiles(
        in directory: String,
        walFileNumber: UInt64,
        liveSegments: Set<UInt64>? = nil
    ) throws(StoreError) {
        var obsolete: [(number: UInt64, name: String)] = []
        for name in try StoreFiles.list(directory) {
            switch StoreFileName.parse(name) {
            case (.segment, let number)?:
                if liveSegments.map({ !$0.contains(number) }) ?? false { obsolete.append((number, name)) }
            case (.wal, let number)?:
                if number < walFileNumber { obsolete.append((number, name)) }
            case nil:
                if name == Manifest.fileName + ".tmp" || name == PinnedVersions.fileName + ".tmp" {
                    obsolete.append((0, name))
                }
            }
        }
        for file in obsolete.sorted(by: { $0.number < $1.number }) {
            try StoreFiles.remove(directory + "/" + file.name)
        }
        if !obsolete.isEmpty { try StoreFiles.syncDirectory(of: directory + "/" + Manifest.fileName) }
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
            tombstoneCount: UInt32(tombstones.count),
            sequenceMax: sequenceMax
        )
    }
}
