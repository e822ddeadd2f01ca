import Foundation
import Logging

extension LocalCollection {
    /// The state rebuilt from disk by `recover`.
    struct Recovery {
        var manifest: Manifest
        var segments: [SegmentReader]
        var memtable: MemTable
        var liveness: Liveness
        var nextSequence: UInt64
        var wal: WALWriter?
        var lock: CollectionLock?
        var history: VersionHistory
        /// The collection as recovered: a read-only retry re-reads `collection.json`, which the
        /// writer may have evolved meanwhile.
        var info: CollectionInfo?
    }

    /// Opens the collection in `directory`: manifest, then every listed segment (header and block
    /// directory verified; blocks are verified when first read), its deletion vectors, then replay of the WAL files the manifest does not cover; a torn tail of the newest
    /// WAL file is truncated, any other damage is a `corruption` error naming the file and offset.
    /// With `schema` (which extends `info.schema`), a writable open then evolves the collection to
    /// it (`collection.json` replaced; nothing else rewritten); a read-only open keeps `info`.
    init(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        options: StoreOptions,
        logger: Logger,
        clock: StoreClock = .system,
        maintenanceClock: MaintenanceClock = .continuous,
        evolvingTo schema: CollectionSchema? = nil
    ) throws(StoreError) {
        let recovered = try Self.recover(
            info: info,
            directory: directory,
            fileSystem: fileSystem,
            options: options,
            logger: logger,
            nowMs: clock.nowMs
        )
        var opened = recovered.info ?? info
        if let schema, recovered.lock != nil {
            opened.schema = schema
            try Self.writeInfo(opened, to: directory + "/" + Self.infoFileName, fileSystem: fileSystem)
        }
        self.init(
            info: opened,
            directory: directory,
            fileSystem: fileSystem,
            options: options,
            logger: logger,
            clock: clock,
            maintenanceClock: maintenanceClock,
            recovered: recovered
        )
    }

    /// Takes the writer lock and recovers; when another process holds the lock, recovers read-only
    /// instead (`recoverReadOnly`): nothing is truncated, removed or created.
    static func recover(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        options: StoreOptions,
        logger: Logger,
        nowMs: UInt64
    ) throws(StoreError) -> Recovery {
        guard let lock = try CollectionLock.acquire(directory: directory, fileSystem: fileSystem) else {
            logger.notice(
                "another process is writing the collection; opening it read-only",
                metadata: ["directory": "\(directory)"]
            )
            return try recoverReadOnly(info: info, directory: directory, fileSystem: fileSystem, logger: logger)
        }
        var recovery = try recoverWritable(
            info: info,
            directory: directory,
            fileSystem: fileSystem,
            options: options,
            logger: logger,
            nowMs: nowMs
        )
        recovery.lock = lock
        return recovery
    }

    /// The writer's recovery (docs/formats/manifest.md, "Recovery"): manifest, segments, versions and
    /// retention, removal of unreferenced files, WAL replay (a torn tail is truncated), and the
    /// current version's file linked when missing.
    private static func recoverWritable(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        options: StoreOptions,
        logger: Logger,
        nowMs: UInt64
    ) throws(StoreError) -> Recovery {
        let manifestPath = directory + "/" + Manifest.fileName
        let files = try fileSystem.contentsOfDirectory(directory).compactMap(StoreFileName.parse)
        var manifest: Manifest
        let manifestBytes = try fileSystem.readFile(manifestPath)
        if let manifestBytes {
            manifest = try Manifest.decode(manifestBytes, file: manifestPath)
        } else {
            if files.contains(where: { $0.kind == .segment }) {
                throw StoreError(
                    code: .corruption,
                    message: "the MANIFEST is missing but segment files exist",
                    file: manifestPath
                )
            }
            manifest = .empty
        }
        let fileNumberMax = files.map(\.number).max() ?? 0
        manifest.nextFileNumber = max(manifest.nextFileNumber, fileNumberMax + 1, manifest.walFileNumber + 1)

        var segments: [SegmentReader] = []
        var sequenceMax = manifest.flushedSequence
        for entry in manifest.segments {
            let segment = try openSegment(entry, in: directory, fileSystem: fileSystem, schema: info.schema)
            sequenceMax = max(sequenceMax, segment.sequenceMax)
            segments.append(segment)
        }
        var liveness = try Liveness.load(manifest, segments: segments, directory: directory, fileSystem: fileSystem)
        var history = try readHistory(directory: directory, fileSystem: fileSystem, current: manifest, readOnly: false)
        try applyRetention(
            &history,
            current: manifest,
            directory: directory,
            fileSystem: fileSystem,
            options: options,
            nowMs: nowMs
        )
        try removeObsoleteFiles(
            in: directory,
            fileSystem: fileSystem,
            walFileNumber: manifest.walFileNumber,
            liveSegments: history.segmentNumbers(current: manifest),
            liveDeletions: history.deletionFileNames(current: manifest)
        )

        let walNumbers = files.filter { $0.kind == .wal && $0.number >= manifest.walFileNumber }.map(\.number)
            .sorted()
        var memtable = MemTable(schema: info.schema)
        let logs = try readWAL(walNumbers, in: directory, fileSystem: fileSystem, schema: info.schema)
        for log in logs {
            if log.scan.hadTornTail {
                logger.warning(
                    "dropping a torn, unacknowledged tail of the WAL",
                    metadata: [
                        "file": "\(log.path)", "offset": "\(log.scan.validBytes)",
                        "bytes": "\(log.fileBytes - log.scan.validBytes)",
                    ]
                )
            }
            for record in log.scan.records {
                try liveness.supersede(record, memtable: memtable, segments: segments)
                memtable.apply(record)
                sequenceMax = max(sequenceMax, record.firstSequence + UInt64(max(record.rowCount, 1)) - 1)
            }
        }
        let walNumber = walNumbers.last ?? manifest.walFileNumber
        let wal = try WALWriter(
            path: directory + "/" + StoreFileName.wal(walNumber),
            fileNumber: walNumber,
            validBytes: logs.last?.scan.validBytes,
            policy: options.fsyncPolicy,
            fileSystem: fileSystem
        )
        // The WAL file the manifest names exists before any version file names it: read-only opens
        // rely on it (`recoverReadOnly`).
        if let manifestBytes {
            try linkCurrentVersion(manifestBytes, version: manifest.version, in: directory, fileSystem: fileSystem)
        } else {
            manifest.version = 1
            manifest.commitTimeMs = nowMs
            try commit(manifest, in: directory, fileSystem: fileSystem)
        }
        return Recovery(
            manifest: manifest,
            segments: segments,
            memtable: memtable,
            liveness: liveness,
            nextSequence: sequenceMax + 1,
            wal: wal,
            lock: nil,
            history: history
        )
    }
}
