import Logging

extension LocalCollection {
    /// Attempts of a read-only open. An attempt fails only when the writer removed a file it needs
    /// after it chose its version (a flush deleting the WAL files the version replays, retention
    /// deleting the version); the next attempt starts from the newest version then, so a few suffice.
    static let readOnlyAttemptsMax = 8

    /// Opens the collection while another process writes it (docs/concurrency.md, "Processes"):
    /// the newest `versions/MANIFEST-N` — a file the writer never changes once written — then the WAL
    /// files from that version's `walFileNumber`, then its segments. Nothing is truncated, removed or
    /// created. The result is a whole-batch prefix of the writes, including every write acknowledged
    /// before the open started: the version's segments hold the writes up to its `flushedSequence`,
    /// and its WAL files (which exist until a later flush has committed) hold the following ones,
    /// checked to continue that sequence without a gap.
    ///
    /// - Throws: `StoreError.io` when every attempt raced with the writer (try again);
    ///   `StoreError.corruption` for damaged files, as a writable open would.
    static func recoverReadOnly(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        logger: Logger
    ) throws(StoreError) -> Recovery {
        var current = info
        var opened: [UInt64: SegmentReader] = [:]
        var reason = ""
        for _ in 0..<readOnlyAttemptsMax {
            switch try readOnlyAttempt(info: current, directory: directory, fileSystem: fileSystem, opened: &opened) {
            case .opened(var recovery):
                recovery.info = current
                return recovery
            case .writerMovedOn(let why):
                reason = why
                logger.notice(
                    "read-only open: the writer moved on; starting again from the newest version",
                    metadata: ["reason": "\(why)"]
                )
                // The writer may have added a field and written rows carrying it.
                if let reread = try? readInfo(
                    at: directory + "/" + infoFileName,
                    directory: directory,
                    fileSystem: fileSystem
                ) {
                    current = reread
                }
            }
        }
        throw StoreError(
            code: .io,
            message: "a read-only open raced with the writer \(readOnlyAttemptsMax) times (last: \(reason)); "
                + "try again",
            file: directory
        )
    }

    private enum ReadOnlyAttempt {
        case opened(Recovery)
        case writerMovedOn(String)
    }

    /// One attempt; a failure that a concurrent writer explains (a file it needs is gone, or the
    /// schema evolved under it) is `writerMovedOn`, anything else is thrown.
    private static func readOnlyAttempt(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        opened: inout [UInt64: SegmentReader]
    ) throws(StoreError) -> ReadOnlyAttempt {
        do {
            return try readOnlyState(info: info, directory: directory, fileSystem: fileSystem, opened: &opened)
        } catch {
            if let file = error.file, !fileSystem.fileExists(file) {
                return .writerMovedOn("\(file) was removed while reading")
            }
            if error.code == .corruption,
                let reread = try? readInfo(
                    at: directory + "/" + infoFileName,
                    directory: directory,
                    fileSystem: fileSystem
                ),
                reread.schema != info.schema
            {
                return .writerMovedOn("the schema evolved while reading")
            }
            throw error
        }
    }

    private static func readOnlyState(
        info: CollectionInfo,
        directory: String,
        fileSystem: any StoreFileSystem,
        opened: inout [UInt64: SegmentReader]
    ) throws(StoreError) -> ReadOnlyAttempt {
        guard let manifest = try newestVersion(in: directory, fileSystem: fileSystem) else {
            return .writerMovedOn("the newest version file was removed before it was read")
        }
        // Listed after the version was read, so a WAL file a later flush created is not missed.
        let walNumbers = try fileSystem.contentsOfDirectory(directory).compactMap(StoreFileName.parse)
            .filter { $0.kind == .wal && $0.number >= manifest.walFileNumber }.map(\.number).sorted()
        // Obsolete WAL files are removed in ascending order, so when the version's first one is still
        // there, every later one was listed. (A collection that never committed has nothing to miss.)
        guard walNumbers.first == manifest.walFileNumber || (manifest.version == 0 && walNumbers.isEmpty) else {
            return .writerMovedOn("a flush removed \(StoreFileName.wal(manifest.walFileNumber))")
        }
        let logs = try readWAL(walNumbers, in: directory, fileSystem: fileSystem, schema: info.schema)
        var segments: [SegmentReader] = []
        for entry in manifest.segments {
            let segment = try openSegment(
                entry,
                in: directory,
                fileSystem: fileSystem,
                schema: info.schema,
                reusing: opened
            )
            opened[entry.fileNumber] = segment
            segments.append(segment)
        }
        var liveness: Liveness
        do {
            liveness = try Liveness.load(manifest, segments: segments, directory: directory, fileSystem: fileSystem)
        } catch {
            // Retention may have removed the version (and its deletion vectors) meanwhile.
            guard try readVersion(manifest.version, in: directory, fileSystem: fileSystem) != nil else {
                return .writerMovedOn("version \(manifest.version) left retention while it was read")
            }
            throw error
        }
        var memtable = MemTable(schema: info.schema)
        var nextSequence = manifest.flushedSequence + 1
        for log in logs {
            for record in log.scan.records {
                guard record.firstSequence <= nextSequence else {
                    return .writerMovedOn(
                        "\(log.path) continues at sequence \(record.firstSequence), not \(nextSequence)"
                    )
                }
                try liveness.supersede(record, memtable: memtable, segments: segments)
                memtable.apply(record)
                nextSequence = max(nextSequence, record.firstSequence + UInt64(record.rowCount))
            }
        }
        return .opened(
            Recovery(
                manifest: manifest,
                segments: segments,
                memtable: memtable,
                liveness: liveness,
                nextSequence: nextSequence,
                wal: nil,
                lock: nil,
                history: try readHistory(
                    directory: directory,
                    fileSystem: fileSystem,
                    current: manifest,
                    readOnly: true
                )
            )
        )
    }

    /// The newest version: the highest `versions/MANIFEST-N`, verified, or `nil` when it vanished
    /// before it was read (retention). A collection without version files (its writer has not
    /// committed yet, or is a build from before version files held the current version) is read
    /// from `MANIFEST`, or is empty when that is absent too.
    private static func newestVersion(
        in directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) -> Manifest? {
        let versionsDirectory = directory + "/" + StoreFileName.versionsDirectory
        let numbers =
            fileSystem.fileExists(versionsDirectory)
            ? try fileSystem.contentsOfDirectory(versionsDirectory).compactMap(StoreFileName.parseVersion) : []
        guard let number = numbers.max() else {
            let manifestPath = directory + "/" + Manifest.fileName
            return try fileSystem.readFile(manifestPath).map { (bytes) throws(StoreError) in
                try Manifest.decode(bytes, file: manifestPath)
            } ?? .empty
        }
        return try readVersion(number, in: directory, fileSystem: fileSystem)
    }
}
