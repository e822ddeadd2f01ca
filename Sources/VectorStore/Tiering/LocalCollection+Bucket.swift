import Logging

extension LocalCollection {
    /// Connects a writable collection to its bucket (called by `StoreEngine` right after the open,
    /// before the collection is handed out): claims a file-number range unique among the bucket's
    /// writers, sets up the publisher from `BUCKET` (or, without that file, from the bucket's newest
    /// version, every local segment counting as new), puts `collection.json` when the bucket lacks
    /// it, and publishes the local versions not yet in the bucket. A read-only open publishes nothing.
    ///
    /// - Throws: bucket failures as `StoreError`s (a wrong credential or a missing bucket at start-up:
    ///   `badInput` / `notFound`); `StoreError.conflict` when the pending change no longer applies.
    func attachBucket(_ bucket: CollectionBucket) async throws(StoreError) {
        guard wal != nil, publisher == nil else { return }
        let layout = BucketLayout(bucket: bucket, collection: info.name)
        let store = bucket.store
        let first = try await BucketReads.claimFileNumbers(layout: layout, store: store)
        nextFileNumber = max(nextFileNumber, first)
        let (directory, fileSystem) = (self.directory, self.fileSystem)
        let statePath = directory + "/" + BucketState.fileName
        let infoPath = directory + "/" + Self.infoFileName
        let (stateBytes, infoBytes) = try await Self.offload { () throws(StoreError) in
            (try fileSystem.readFile(statePath), try fileSystem.readFile(infoPath) ?? [])
        }
        let state: BucketState
        let base: Manifest
        if let stateBytes {
            state = try BucketState.decode(stateBytes, file: statePath)
            guard let known = try await BucketReads.manifest(state.bucketVersion, layout: layout, store: store) else {
                throw StoreError(
                    code: .notFound,
                    message: "bucket version \(state.bucketVersion) this directory last published is missing",
                    file: statePath
                )
            }
            base = known
        } else {
            _ = try await BucketPublisher.putImmutable(try layout.infoKey(), infoBytes, store, .init())
            if let newest = try await BucketReads.newestVersion(layout: layout, store: store) {
                base = try await BucketReads.manifest(newest, layout: layout, store: store) ?? .empty
            } else {
                base = .empty
            }
            state = BucketState(bucketVersion: base.version, published: .empty)
        }
        let publisher = BucketPublisher(
            bucket: bucket,
            layout: layout,
            directory: directory,
            fileSystem: fileSystem,
            logger: logger,
            state: state,
            base: base
        )
        self.publisher = publisher
        try await publisher.publish(manifest)
    }

    /// After a local commit: publishes the version now (`durability = "object"`, the commit
    /// returns once the bucket has it) or hands it to the upload task (`"local"`).
    func publishCommitted() async throws(StoreError) {
        guard let publisher else { return }
        switch publisher.bucket.durability {
        case .object:
            try await publisher.publish(manifest)
        case .local:
            uploadTarget = manifest
            guard uploading == nil, !isClosed else { return }
            uploading = Task { await self.uploadInBackground() }
        }
    }

    /// Publishes the pending target until none is left. A failure is logged; the next commit, or
    /// `close()`, tries again (the target then carries every change since the last publish).
    private func uploadInBackground() async {
        defer { uploading = nil }
        while let target = uploadTarget, let publisher {
            uploadTarget = nil
            do {
                try await publisher.publish(target)
            } catch {
                logger.warning(
                    "background upload to the bucket failed; the next commit retries",
                    metadata: ["error": "\(error)", "version": "\(target.version)"]
                )
                // A local file gone (retention) is published as part of the newer version.
                if error.code == .notFound, uploadTarget == nil, target.version < manifest.version {
                    uploadTarget = manifest
                    continue
                }
                return
            }
        }
    }

    /// `close()`: waits for the upload task, then publishes the current version if it is not in
    /// the bucket yet (`durability = "local"`); a failure is logged, and the next open publishes it.
    func drainUploads() async {
        while let uploading { await uploading.value }
        guard let publisher, publisher.bucket.durability == .local, failure == nil else { return }
        do {
            try await publisher.publish(manifest)
        } catch {
            logger.error(
                "could not publish the last version to the bucket at close; the next open does",
                metadata: ["error": "\(error)"]
            )
        }
    }

    /// The bucket version this collection committed or read last (`nil` without a bucket).
    public var bucketVersion: UInt64? {
        get async { await publisher?.bucketVersion }
    }
}
