import Logging
import ObjectStore

/// Mirrors a writable collection's committed local versions to its bucket (docs/tiering.md, "A
/// commit"): uploads the segments and deletion vectors a version adds, then commits the bucket's
/// next manifest version with put-if-absent — the commit point — and, when another writer won that
/// version, re-reads the bucket and rebases (`BucketChange.applied(to:base:)`) or fails with a
/// `conflict`. One publish at a time (calls queue in order).
actor BucketPublisher {
    let bucket: CollectionBucket
    let layout: BucketLayout
    let directory: String
    let fileSystem: any StoreFileSystem
    let logger: Logger
    /// The local version mirrored last.
    private(set) var published: Manifest
    /// The bucket version committed (or read) last: the base rebases are checked against.
    private(set) var base: Manifest
    /// Segments known to be in the bucket (uploaded by this writer or listed by a bucket version).
    private var uploadedSegments: Set<UInt64> = []
    private var publishing = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(
        bucket: CollectionBucket,
        layout: BucketLayout,
        directory: String,
        fileSystem: any StoreFileSystem,
        logger: Logger,
        state: BucketState,
        base: Manifest
    ) {
        self.bucket = bucket
        self.layout = layout
        self.directory = directory
        self.fileSystem = fileSystem
        self.logger = logger
        self.published = state.published
        self.base = base
        uploadedSegments = Set(base.segments.map(\.fileNumber))
    }

    /// The bucket version committed or read last.
    var bucketVersion: UInt64 { base.version }

    /// Publishes the local version `local` (a no-op when it carries no change since the last
    /// publish): uploads, then commits the bucket's next version, rebasing on lost races.
    ///
    /// - Throws: `StoreError.conflict` when a concurrent writer's change makes this one inapplicable
    ///   or `commitAttemptsMax` races were lost; `StoreError.notFound` when a local file to upload is
    ///   gone (retention removed it: publish the newer version); bucket failures as `StoreError`s.
    func publish(_ local: Manifest) async throws(StoreError) {
        await begin()
        defer { end() }
        let change = BucketChange(from: published, to: local)
        guard !change.isEmpty || base.version == 0 else {
            try await remember(local)
            return
        }
        try await uploadSegments(change.added)
        var latest = base
        for attempt in 1...bucket.commitAttemptsMax {
            let next = try change.applied(to: latest, base: base)
            if try await uploadDeletions(change, version: next.version), try await commit(next) {
                base = next
                try await remember(local)
                return
            }
            let seen = latest.version
            latest = try await newest(after: latest)
            if latest.version == seen {
                // A 409: the winner's put is still in flight. Give it a moment (bounded backoff).
                try? await Task.sleep(for: .milliseconds(5 * min(attempt, 20)))
            }
        }
        throw StoreError(
            code: .conflict,
            message: "bucket commit conflict: lost \(bucket.commitAttemptsMax) races in a row to other writers"
        )
    }

    /// Records `local` as published (in memory and in `BUCKET`).
    private func remember(_ local: Manifest) async throws(StoreError) {
        published = local
        let state = BucketState(bucketVersion: base.version, published: local)
        let (path, fileSystem) = (directory + "/" + BucketState.fileName, self.fileSystem)
        try await LocalCollection.offload { () throws(StoreError) in
            try fileSystem.replaceAtomically(path, with: state.encode())
        }
    }

    /// Puts `next` as its version with put-if-absent; `false` when another writer has it.
    private func commit(_ next: Manifest) async throws(StoreError) -> Bool {
        let key = try layout.manifestKey(next.version)
        do {
            try await bucket.store.put(key, bytes: next.encode(), condition: .ifAbsent)
            return true
        } catch  where StoreError.isLostRace(error) {
            logger.info("lost a bucket commit race; rebasing", metadata: ["version": "\(next.version)"])
            return false
        } catch {
            throw StoreError(bucket: error, "committing manifest version \(next.version)")
        }
    }

    /// The newest bucket version after `latest` (reading `latest + 1`, `latest + 2` … until one is
    /// missing); `latest` itself when none is there yet (a 409 while the winner's put is in flight).
    private func newest(after latest: Manifest) async throws(StoreError) -> Manifest {
        var newest = latest
        while let next = try await BucketReads.manifest(newest.version + 1, layout: layout, store: bucket.store) {
            newest = next
        }
        uploadedSegments.formUnion(newest.segments.map(\.fileNumber))
        return newest
    }

    /// Uploads the segments a change adds that are not in the bucket yet, at most 4 at a time.
    private func uploadSegments(_ added: [Manifest.SegmentEntry]) async throws(StoreError) {
        let missing = added.filter { !uploadedSegments.contains($0.fileNumber) }
        let (directory, fileSystem, bucket, layout) = (self.directory, self.fileSystem, self.bucket, self.layout)
        let options = PutOptions(storageClass: bucket.segmentStorageClass)
        try await BucketReads.forEach(missing, concurrencyMax: 4) { (entry) throws(StoreError) in
            let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
            let bytes = try await Self.readLocal(path, fileSystem: fileSystem)
            guard
                try await Self.putImmutable(try layout.segmentKey(entry.fileNumber), bytes, bucket.store, options)
            else {
                throw StoreError(
                    code: .conflict,
                    message: "bucket commit conflict: another writer uploaded a different segment \(entry.fileNumber)",
                    file: path
                )
            }
        }
        uploadedSegments.formUnion(missing.map(\.fileNumber))
    }

    /// Uploads the deletion vectors version `version` names anew; `false` when one of their keys
    /// holds other bytes (another writer is committing that version: a lost race).
    private func uploadDeletions(_ change: BucketChange, version: UInt64) async throws(StoreError) -> Bool {
        for source in change.deletionSources {
            let path = directory + "/" + StoreFileName.deletions(segment: source.segment, version: source.localVersion)
            let bytes = try await Self.readLocal(path, fileSystem: fileSystem)
            let key = try layout.deletionsKey(segment: source.segment, version: version)
            guard try await Self.putImmutable(key, bytes, bucket.store, PutOptions()) else { return false }
        }
        return true
    }

    /// Put-if-absent of an immutable object; `true` when the key now holds `bytes` (put now, or by
    /// an earlier attempt of the same upload), `false` when it holds other bytes.
    static func putImmutable(
        _ key: ObjectKey,
        _ bytes: [UInt8],
        _ store: any ObjectStore,
        _ options: PutOptions
    ) async throws(StoreError) -> Bool {
        do {
            try await store.put(key, bytes: bytes, condition: .ifAbsent, options: options)
            return true
        } catch  where StoreError.isLostRace(error) {
            do {
                return try await store.get(key) == bytes
            } catch {
                throw StoreError(bucket: error, "re-reading \(key) after a lost upload race")
            }
        } catch {
            throw StoreError(bucket: error, "uploading \(key)")
        }
    }

    /// A local file's bytes, read off the cooperative pool.
    ///
    /// - Throws: `StoreError.notFound` when it is gone.
    static func readLocal(_ path: String, fileSystem: any StoreFileSystem) async throws(StoreError) -> [UInt8] {
        try await LocalCollection.offload { () throws(StoreError) in
            guard let bytes = try fileSystem.readFile(path) else {
                throw StoreError(code: .notFound, message: "a file to upload is gone", file: path)
            }
            return bytes
        }
    }

    private func begin() async {
        guard publishing else {
            publishing = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func end() {
        if waiters.isEmpty { publishing = false } else { waiters.removeFirst().resume() }
    }
}
