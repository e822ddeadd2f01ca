import Foundation
import Logging

extension LocalCollection {
    /// The state rebuilt from disk by `recover`.
    struct Recovery {
        var manifest: Manifest
        var segments: [SegmentReader]
        var memtable: MemTable
        var newest: NewestVersions
        var nextSequence: UInt64
        var wal: WALWriter?
        var lock: CollectionLock?
        var history: VersionHistory
        /// The collection as recovered: a read-only retry re-reads `collection.json`, which the
        /// writer may have evolved meanwhile.
        var info: CollectionInfo?
    }

    /// Attempts of a read-only recovery: a concurrent writer may replace the files it reads.
    static let readOnlyAttemptsMax = 5

    /// Opens the collection in `directory`: manifest, then every listed segment (all checksums
    /// verified), then replay of the WAL files the manifest does not cover; a torn tail of the newest
    /// WAL file is truncated, any other damage is a `corruption` error naming the file and offset.
    /// With `schema` (which extends `info.schema`), a writable open then evolves the collection to
    /// it (`collection.json` replaced; nothing else rewritten); a read-only open keeps `info`.
    init(
        info: CollectionInfo,
        directory: String,
        options: StoreOptions,
        logger: Logger,
        clock: StoreClock = .system,
        evolvingTo schema: CollectionSchema? = nil
    ) throws(StoreError) {
        let recovered = try Self.recover(
            info: info,
            directory: directory,
            options: options,
            logger: logger,
            nowMs: clock.nowMs
        )
        var opened = recovered.info ?? info
        if let schema, recovered.lock != nil {
            opened.schema = schema
            try Self.writeInfo(opened, to: directory + "/" + Self.infoFileName)
        }
        self.init(
            info: opened,
            directory: directory,
            options: options,
            logger: logger,
            clock: clock,
            recovered: recovered
        )
    }

    /// Takes the writer lock and recovers; when another process holds the lock, recovers read-only
    /// instead — nothing is truncated, removed or created, and a read that races with the writer's
    /// file replacement is retried.
    static func recover(
        info: CollectionInfo,
        directory: String,
        options: StoreOptions,
        logger: Logger,
        nowMs: UInt64
    ) throws(StoreError) -> Recovery {
        if let lock = try CollectionLock.acquire(directory: directory) {
            var recovery = try recover(
                info: info,
                directory: directory,
                options: options,
                logger: logger,
                nowMs: nowMs,
                readOnly: false
            )
            recovery.lock = lock
            return recovery
        }
        logger.notice(
            "another process is writing the collection; opening it read-only",
            metadata: ["directory": "\(directory)"]
        )
        var attempt = 1
        var current = info
        while true {
            do {
                var recovery = try recover(
                    info: current,
                    directory: directory,
                    options: options,
                    logger: logger,
                    nowMs: nowMs,
                    readOnly: true
                )
                recovery.info = current
                return recovery
            } catch {
                guard attempt < readOnlyAttemptsMax else { throw error }
                attempt += 1
                usleep(20_000)
                // The writer may have added a field and written rows carrying it.
                if let reread = try? readInfo(at: directory + "/" + infoFileName, directory: directory) {
                    current = reread
                }
            }
        }
    }

    private static func recover(
        info: CollectionInfo,
        directory: String,
        options: StoreOptions,
        logger: Logger,
        nowMs: UInt64,
        readOnly: Bool
    ) throws(StoreError) -> Recovery {
        let manifestPath = directory + "/" + Manifest.fileName
        let files = try StoreFiles.list(directory).compactMap(StoreFileName.parse)
        var manifest: Manifest
        let hadManifest: Bool
        let manifestBytes = try StoreFiles.readFile(manifestPath)
        if let bytes = manifestBytes {
            manifest = try Manifest.decode(bytes, file: manifestPath)
            hadManifest = true
        } else {
            if files.contains(where: { $0.kind == .segment }) {
                throw StoreError(
                    code: .corruption,
                    message: "the MANIFEST is missing but segment files exist",
                    file: manifestPath
                )
            }
            manifest = .empty
            hadManifest = false
        }
        let fileNumberMax = files.map(\.number).max() ?? 0
        manifest.nextFileNumber = max(manifest.nextFileNumber, fileNumberMax + 1, manifest.walFileNumber + 1)

        var segments: [SegmentReader] = []
        var newest = NewestVersions()
        var sequenceMax = manifest.flushedSequence
        for entry in manifest.segments {
            let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
            guard FileManager.default.fileExists(atPath: path) else {
                throw StoreError(code: .corruption, message: "segment listed by the MANIFEST is missing", file: path)
            }
            let segment = try SegmentReader(path: path, fileNumber: entry.fileNumber, schema: info.schema)
            guard segment.manifestEntry == entry else {
                throw StoreError(
                    code: .corruption,
                    message: "segment does not match its MANIFEST entry (size, rows or sequence)",
                    file: path
                )
            }
            newest.note(segment)
            sequenceMax = max(sequenceMax, segment.sequenceMax)
            segments.append(segment)
        }
        var history = try readHistory(directory: directory, current: manifest, readOnly: readOnly)
        if !readOnly {
            try applyRetention(&history, current: manifest, directory: directory, options: options, nowMs: nowMs)
            try removeObsoleteFiles(
                in: directory,
                walFileNumber: manifest.walFileNumber,
                liveSegments: history.segmentNumbers(current: manifest)
            )
        }

        // A reader lists the WAL files after reading the manifest, so a flush that happened before the
        // manifest read cannot hide the WAL file that now holds the newest writes.
        let walFiles = readOnly ? try StoreFiles.list(directory).compactMap(StoreFileName.parse) : files
        let walNumbers = walFiles.filter { $0.kind == .wal && $0.number >= manifest.walFileNumber }.map(\.number)
            .sorted()
        var memtable = MemTable()
        var newestValidBytes: Int?
        for (index, number) in walNumbers.enumerated() {
            let path = directory + "/" + StoreFileName.wal(number)
            guard let bytes = try StoreFiles.readFile(path) ?? (readOnly ? nil : []) else {
                throw StoreError(code: .io, message: "WAL file removed by a concurrent flush while reading", file: path)
            }
            let scan = try WALReader.scan(bytes, file: path, isNewest: index == walNumbers.count - 1)
            if scan.hadTornTail, !readOnly {
                logger.warning(
                    "dropping a torn, unacknowledged tail of the WAL",
                    metadata: [
                        "file": "\(path)", "offset": "\(scan.validBytes)",
                        "bytes": "\(bytes.count - scan.validBytes)",
                    ]
                )
            }
            for record in scan.records {
                if case .upsert(_, _, let records) = record {
                    for row in records {
                        if let problem = DocumentRowEncoding.check(row, against: info.schema) {
                            throw StoreError(code: .corruption, message: "WAL: \(problem)", file: path)
                        }
                    }
                }
                memtable.apply(record)
                newest.note(record)
                sequenceMax = max(sequenceMax, record.firstSequence + UInt64(max(record.rowCount, 1)) - 1)
            }
            newestValidBytes = scan.validBytes
        }
        let walNumber = walNumbers.last ?? manifest.walFileNumber
        // A flush or compaction by the writer while this reader ran replaces the manifest: what was read
        // may mix two versions, so the caller retries.
        if readOnly, try StoreFiles.readFile(manifestPath) != manifestBytes {
            throw StoreError(code: .io, message: "the MANIFEST changed while reading", file: manifestPath)
        }
        guard !readOnly else {
            return Recovery(
                manifest: manifest,
                segments: segments,
                memtable: memtable,
                newest: newest,
                nextSequence: sequenceMax + 1,
                wal: nil,
                lock: nil,
                history: history
            )
        }
        let wal = try WALWriter(
            path: directory + "/" + StoreFileName.wal(walNumber),
            fileNumber: walNumber,
            validBytes: newestValidBytes,
            policy: options.fsyncPolicy
        )
        if !hadManifest {
            manifest.version = 1
            manifest.commitTimeMs = nowMs
            try StoreFiles.replaceAtomically(manifestPath, with: manifest.encode())
        }
        return Recovery(
            manifest: manifest,
            segments: segments,
            memtable: memtable,
            newest: newest,
            nextSequence: sequenceMax + 1,
            wal: wal,
            lock: nil,
            history: history
        )
    }
}
