import Dispatch
import Foundation

extension LocalCollection {
    /// Every retained version, oldest first: number, commit time, stored rows, segments, pinned.
    public func snapshots() -> [SnapshotInfo] { history.listing(current: manifest) }

    /// Pins a retained version: it is kept (with its segment files) regardless of the retention
    /// options until `unpin`. Durable when it returns (the `PINS` file is replaced atomically).
    ///
    /// - Throws: `StoreError.badInput` for an unknown or expired version or a read-only collection;
    ///   `StoreError.io` when the `PINS` file cannot be written.
    public func pin(version: UInt64) async throws(StoreError) {
        try checkWritable("pin a version")
        _ = try history.manifest(for: .version(version), current: manifest)
        guard !history.pins.contains(version) else { return }
        guard history.pins.count < PinnedVersions.countMax else {
            throw StoreError(code: .badInput, message: "at most \(PinnedVersions.countMax) versions can be pinned")
        }
        history.pins.insert(version)
        do {
            try await writePins()
        } catch {
            history.pins.remove(version)
            throw error
        }
    }

    /// Unpins a version; it then follows the retention options again (its files are deleted by the
    /// next flush, compaction or open once it is out of retention).
    ///
    /// - Throws: `StoreError.badInput` when the version is not pinned or the collection is read-only.
    public func unpin(version: UInt64) async throws(StoreError) {
        try checkWritable("unpin a version")
        guard history.pins.contains(version) else {
            throw StoreError(code: .badInput, message: "version \(version) is not pinned")
        }
        history.pins.remove(version)
        do {
            try await writePins()
        } catch {
            history.pins.insert(version)
            throw error
        }
    }

    /// Pin files are written one at a time, in the order of the calls (a serial queue), so the
    /// last write holds the newest set.
    private static let pinsQueue = DispatchQueue(label: "vectordb.store.pins")

    private func writePins() async throws(StoreError) {
        let (path, fileSystem) = (self.path(PinnedVersions.fileName), self.fileSystem)
        let bytes = PinnedVersions.encode(history.pins)
        let result: Result<Void, StoreError> = await withCheckedContinuation { continuation in
            Self.pinsQueue.async {
                continuation.resume(
                    returning: Result(catching: { () throws(StoreError) in
                        try fileSystem.replaceAtomically(path, with: bytes)
                    })
                )
            }
        }
        try result.get()
    }

    private func checkWritable(_ action: String) throws(StoreError) {
        guard wal != nil else {
            throw StoreError(
                code: .badInput,
                message:
                    "cannot \(action): collection '\(info.name)' is open read-only (another process is writing it)",
                file: directory
            )
        }
    }

    /// The immutable view of a retained version: its segments only, rows live as of its commit time.
    func snapshot(asOf selector: VersionSelector) async throws(StoreError) -> CollectionSnapshot {
        let target = try history.manifest(for: selector, current: manifest)
        if let cached = versionSnapshots[target.version] { return cached }
        var open: [UInt64: SegmentReader] = [:]
        for segment in segments { open[segment.fileNumber] = segment }
        let missing = target.segments.filter { open[$0.fileNumber] == nil }
        if !missing.isEmpty {
            let (directory, fileSystem) = (self.directory, self.fileSystem)
            let schema = info.schema
            let opened: [SegmentReader]
            do {
                opened = try await Self.offload { () throws(StoreError) in
                    try missing.map { (entry) throws(StoreError) in
                        try Self.openRetainedSegment(entry, in: directory, fileSystem: fileSystem, schema: schema)
                    }
                }
            } catch {
                // The version may have left retention (here or in the writer process) meanwhile.
                _ = try history.manifest(for: .version(target.version), current: manifest)
                throw error
            }
            for reader in opened { open[reader.fileNumber] = reader }
        }
        let readers = target.segments.compactMap { open[$0.fileNumber] }
        let (directory, fileSystem) = (self.directory, self.fileSystem)
        let liveness: Liveness
        do {
            liveness = try await Self.offload { () throws(StoreError) in
                try Liveness.load(target, segments: readers, directory: directory, fileSystem: fileSystem)
            }
        } catch {
            _ = try history.manifest(for: .version(target.version), current: manifest)
            throw error
        }
        let snapshot = CollectionSnapshot(
            info: info,
            sources: readers.map(\.source),
            deleted: readers.map { liveness.committed[$0.fileNumber] },
            nowMs: target.commitTimeMs,
            ttlMs: options.ttlMs
        )
        if versionSnapshots.count >= Self.versionSnapshotsMax { versionSnapshots.removeAll() }
        versionSnapshots[target.version] = snapshot
        return snapshot
    }

    /// Bound of `versionSnapshots`.
    static let versionSnapshotsMax = 4

    private static func openRetainedSegment(
        _ entry: Manifest.SegmentEntry,
        in directory: String,
        fileSystem: any StoreFileSystem,
        schema: CollectionSchema
    ) throws(StoreError) -> SegmentReader {
        let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
        guard fileSystem.fileExists(path) else {
            throw StoreError(code: .badInput, message: "segment of an expired version was deleted", file: path)
        }
        return try openSegment(entry, in: directory, fileSystem: fileSystem, schema: schema)
    }

    /// Drops the versions that left retention: their `versions/MANIFEST-N` files first (made durable),
    /// then the segment files no retained version lists any more. A failure only leaves files behind,
    /// which the next open (or retirement) removes; it is logged, not thrown. The versions stay in
    /// `history` until their files are gone, so a version whose file could not be removed keeps its
    /// segments.
    func retireExpiredVersions() async {
        let expired = history.expired(
            current: manifest,
            nowMs: clock.nowMs,
            retentionMs: options.versionRetentionMs,
            countMax: options.versionCountMax
        )
        guard !expired.isEmpty else { return }
        var candidates: Set<UInt64> = []
        var deletionCandidates: Set<String> = []
        for version in expired {
            let entries = history.manifests[version]?.segments ?? []
            candidates.formUnion(entries.map(\.fileNumber))
            deletionCandidates.formUnion(entries.filter { $0.deletionVersion != 0 }.map(\.deletionFileName))
        }
        var remaining = history
        remaining.remove(expired)
        let dead = candidates.subtracting(remaining.segmentNumbers(current: manifest))
        let deadDeletions = deletionCandidates.subtracting(remaining.deletionFileNames(current: manifest))
        let (directory, fileSystem) = (self.directory, self.fileSystem)
        do {
            try await Self.offload { () throws(StoreError) in
                try Self.removeVersionFiles(expired, in: directory, fileSystem: fileSystem)
            }
        } catch {
            logger.warning(
                "could not delete the files of expired versions; the next open retries",
                metadata: ["error": "\(error)"]
            )
            return
        }
        history.remove(expired)
        versionSnapshots = versionSnapshots.filter { history.retains($0.key, current: manifest) }
        do {
            try await Self.offload { () throws(StoreError) in
                try fileSystem.removeDurably(
                    dead.sorted().map { directory + "/" + StoreFileName.segment($0) }
                        + deadDeletions.sorted().map { directory + "/" + $0 }
                )
            }
        } catch {
            logger.warning(
                "could not delete the segments of expired versions; the next open retries",
                metadata: ["error": "\(error)"]
            )
        }
    }

    /// Removes `versions/MANIFEST-N` for each version and makes the removals durable, so no retained
    /// version can list a segment file deleted after this returns.
    static func removeVersionFiles(
        _ versions: [UInt64],
        in directory: String,
        fileSystem: any StoreFileSystem
    ) throws(StoreError) {
        try fileSystem.removeDurably(versions.map { versionPath($0, in: directory) })
    }
}
