import Foundation
import Logging
import ObjectStore

/// Scale to zero (docs/tiering.md): fills an empty local collection directory from the bucket —
/// `collection.json`, the newest manifest version, and every segment and deletion vector it names,
/// each verified — so the collection then opens like a local one.
enum BucketHydration {
    /// Segment downloads in flight at once.
    static let concurrencyMax = 8

    /// Hydrates `directory` from the bucket when it holds no `collection.json` and the bucket holds
    /// the collection; returns whether it did.
    ///
    /// - Throws: `StoreError.corruption` for an object that fails verification twice (it is never
    ///   served); bucket and disk failures as `StoreError`s.
    @discardableResult
    static func hydrateIfAbsent(
        collection name: String,
        directory: String,
        bucket: CollectionBucket,
        fileSystem: any StoreFileSystem,
        logger: Logger
    ) async throws(StoreError) -> Bool {
        try LocalStore.validate(name)
        let infoPath = directory + "/" + LocalCollection.infoFileName
        guard !fileSystem.fileExists(infoPath) else { return false }
        let layout = BucketLayout(bucket: bucket, collection: name)
        let store = bucket.store
        let infoKey = try layout.infoKey()
        let infoBytes: [UInt8]?
        do {
            infoBytes = try await store.get(infoKey)
        } catch {
            throw StoreError(bucket: error, "reading collection.json of '\(name)'")
        }
        guard let infoBytes else { return false }
        guard let version = try await BucketReads.newestVersion(layout: layout, store: store),
            let manifest = try await BucketReads.manifest(version, layout: layout, store: store)
        else {
            throw StoreError(
                code: .notFound,
                message: "bucket holds collection '\(name)' but no manifest version yet; its creator has not committed"
            )
        }
        let staged = infoPath + ".tmp"
        let info = try await LocalCollection.offload { () throws(StoreError) in
            try fileSystem.createDirectoryDurably(directory + "/" + StoreFileName.versionsDirectory)
            try fileSystem.writeSynced(staged, with: infoBytes)
            return try LocalCollection.readInfo(at: staged, directory: directory, fileSystem: fileSystem)
        }
        let schema = info.schema
        try await BucketReads.forEach(manifest.segments, concurrencyMax: concurrencyMax) {
            (entry) throws(StoreError) in
            try await fetchSegment(entry, layout: layout, store: store, directory: directory, fileSystem: fileSystem) {
                (path) throws(StoreError) in
                let reader = try SegmentReader(
                    path: path,
                    fileNumber: entry.fileNumber,
                    schema: schema,
                    fileSystem: fileSystem
                )
                try reader.verify()
                guard reader.manifestEntry.describesSameFile(as: entry) else {
                    throw StoreError(code: .corruption, message: "segment differs from its manifest entry", file: path)
                }
            }
        }
        for entry in manifest.segments where entry.deletedCount > 0 {
            let key = try layout.deletionsKey(segment: entry.fileNumber, version: entry.deletionVersion)
            let fileName = StoreFileName.deletions(segment: entry.fileNumber, version: entry.deletionVersion)
            try await fetch(key, store: store, to: directory + "/" + fileName, fileSystem: fileSystem) {
                (path) throws(StoreError) in
                guard let bytes = try fileSystem.readFile(path) else {
                    throw StoreError(code: .io, message: "downloaded file vanished", file: path)
                }
                _ = try DeletionVector.decode(bytes, file: path, segment: entry)
            }
        }
        let state = BucketState(bucketVersion: manifest.version, published: manifest)
        try await LocalCollection.offload { () throws(StoreError) in
            try LocalCollection.commit(manifest, in: directory, fileSystem: fileSystem)
            try fileSystem.replaceAtomically(directory + "/" + BucketState.fileName, with: state.encode())
            // Last: until `collection.json` exists, the next open hydrates again.
            try fileSystem.renameDurably(staged, to: infoPath)
        }
        logger.info(
            "opened collection from the bucket",
            metadata: [
                "collection": "\(name)", "version": "\(manifest.version)", "segments": "\(manifest.segments.count)",
            ]
        )
        return true
    }

    private static func fetchSegment(
        _ entry: Manifest.SegmentEntry,
        layout: BucketLayout,
        store: any ObjectStore,
        directory: String,
        fileSystem: any StoreFileSystem,
        verify: @escaping @Sendable (String) throws(StoreError) -> Void
    ) async throws(StoreError) {
        let path = directory + "/" + StoreFileName.segment(entry.fileNumber)
        try await fetch(try layout.segmentKey(entry.fileNumber), store: store, to: path, fileSystem: fileSystem, verify)
    }

    /// Downloads `key` into `path` (durably) and runs `verify` on the file; a file that fails is
    /// removed and fetched once more, and a second failure is thrown.
    static func fetch(
        _ key: ObjectKey,
        store: any ObjectStore,
        to path: String,
        fileSystem: any StoreFileSystem,
        _ verify: @escaping @Sendable (String) throws(StoreError) -> Void
    ) async throws(StoreError) {
        var attempt = 0
        while true {
            attempt += 1
            let bytes: [UInt8]?
            do {
                bytes = try await store.get(key)
            } catch {
                throw StoreError(bucket: error, "fetching \(key)")
            }
            guard let bytes else {
                throw StoreError(
                    code: .corruption,
                    message: "the bucket manifest names an object that is missing",
                    file: key.rawValue
                )
            }
            let result: Result<Void, StoreError> = await LocalCollection.offloadResult { () throws(StoreError) in
                try fileSystem.replaceAtomically(path, with: bytes)
                do throws(StoreError) {
                    try verify(path)
                } catch {
                    try fileSystem.removeDurably([path])
                    throw error
                }
            }
            switch result {
            case .success: return
            case .failure(let error) where error.code == .corruption && attempt < 2: continue
            case .failure(let error):
                throw StoreError(
                    code: error.code,
                    message: "bucket object \(key) failed verification after \(attempt) fetches: \(error.message)",
                    file: error.file,
                    offsetBytes: error.offsetBytes
                )
            }
        }
    }
}

extension LocalCollection {
    /// `offload`, with the outcome as a value.
    static func offloadResult(
        _ body: @escaping @Sendable () throws(StoreError) -> Void
    ) async -> Result<Void, StoreError> {
        do throws(StoreError) {
            try await offload(body)
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}
