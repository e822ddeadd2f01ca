import Foundation
import Logging

/// The one owner of a data directory's open collections in a process (docs/concurrency.md,
/// "The store engine"): the CLI goes through it, and so will the query service.
///
/// - Each collection is opened (and recovered) **once**: later requests get the same
///   `LocalCollection`, so there is one writer per collection and no second instance that could
///   delete a file a running compaction of the first still writes.
/// - Reads go through immutable snapshots (`snapshot(of:)`); writes through the collection's
///   single writer actor.
/// - Background maintenance (compaction, version retention) belongs to the open collections;
///   `shutdown()` closes every one of them (running compactions cancelled and awaited) and refuses
///   later opens.
///
/// One engine per data directory per process: entry points take it from `shared(root:)`.
public actor StoreEngine {
    /// The data directory (`{root}/collections/{name}/`).
    public nonisolated let root: URL
    let store: LocalStore
    /// The bucket every collection commits to and opens from when its local directory is empty
    /// (docs/tiering.md); `nil`: collections live in their local directories only.
    public nonisolated let bucket: CollectionBucket?
    private var collections: [String: LocalCollection] = [:]
    /// Opens running now (off the pool), by collection name: later requests wait for them.
    private var opening: [String: Task<Result<LocalCollection, StoreError>, Never>] = [:]
    private var isShutDown = false
    private let logger: Logger

    public init(
        root: URL,
        options: StoreOptions = StoreOptions(),
        clock: StoreClock = .system,
        maintenanceClock: MaintenanceClock = .continuous,
        fileSystem: any StoreFileSystem = POSIXFileSystem(),
        logger: Logger = Logger(label: "vectordb.store"),
        bucket: CollectionBucket? = nil
    ) {
        self.root = root
        self.bucket = bucket
        self.logger = logger
        store = LocalStore(
            root: root,
            options: options,
            clock: clock,
            maintenanceClock: maintenanceClock,
            fileSystem: fileSystem,
            logger: logger
        )
    }

    /// The open collection `name`, opened (and recovered) on first use.
    ///
    /// - Throws: `StoreError.notFound` when the data directory or the collection does not exist;
    ///   `StoreError.corruption` when its files fail verification; `StoreError.conflict` after
    ///   `shutdown()`.
    public func collection(_ name: String) async throws(StoreError) -> LocalCollection {
        let store = self.store
        return try await opened(name) { () throws(StoreError) in try store.open(collection: name) }.collection
    }

    /// The collection `info` names, created when it does not exist; an open one is returned as it
    /// is after the same checks `LocalStore.openOrCreate` makes (same model and dimension, a
    /// compatible schema — evolved when `info` appends fields), and its embedder recorded when its
    /// `collection.json` lacks one.
    ///
    /// - Throws: `StoreError.badInput` for an invalid or incompatible schema; `StoreError.conflict`
    ///   for another embedding model or dimension, or after `shutdown()`.
    public func openOrCreate(_ info: CollectionInfo) async throws(StoreError) -> LocalCollection {
        let store = self.store
        let (collection, isNew) = try await opened(info.name) { () throws(StoreError) in
            try store.openOrCreate(info)
        }
        if isNew {
            try await collection.record(embedder: info.embedder)
        } else {
            try await collection.accept(info)
        }
        return collection
    }

    /// The open collection `name`, or the one `open` opens — once: recovery reads, truncates and
    /// fsyncs, so it runs off the cooperative pool, and a request arriving while it runs (the actor
    /// is re-entered at the `await`) waits for the same open instead of starting a second.
    /// `isNew` is `true` for the request that opened it.
    private func opened(
        _ name: String,
        _ open: @escaping @Sendable () throws(StoreError) -> LocalCollection
    ) async throws(StoreError) -> (collection: LocalCollection, isNew: Bool) {
        try checkRunning()
        if let collection = collections[name] { return (collection, false) }
        if let pending = opening[name] { return (try await Self.result(of: pending), false) }
        let (bucket, store, logger) = (self.bucket, self.store, self.logger)
        let task = Task { () async -> Result<LocalCollection, StoreError> in
            do throws(StoreError) {
                if let bucket {
                    try await BucketHydration.hydrateIfAbsent(
                        collection: name,
                        directory: store.collectionDirectory(name).path,
                        bucket: bucket,
                        fileSystem: store.fileSystem,
                        logger: logger
                    )
                }
                let collection = try await LocalCollection.offload(open)
                if let bucket {
                    do throws(StoreError) {
                        try await collection.attachBucket(bucket)
                    } catch {
                        await collection.close()
                        throw error
                    }
                }
                return .success(collection)
            } catch {
                return .failure(error)
            }
        }
        opening[name] = task
        defer { opening[name] = nil }
        let collection = try await Self.result(of: task)
        guard !isShutDown else {
            await collection.close()
            try checkRunning()
            return (collection, true)
        }
        collections[name] = collection
        await collection.startMaintenance()
        return (collection, true)
    }

    private static func result(
        of task: Task<Result<LocalCollection, StoreError>, Never>
    ) async throws(StoreError) -> LocalCollection {
        try await task.value.get()
    }

    /// An immutable view of collection `name` now (memtable included): searches on it run outside
    /// every actor and never see a later write.
    public func snapshot(of name: String) async throws(StoreError) -> ReadSnapshot {
        try await collection(name).readSnapshot()
    }

    /// Takes collection `name` out of the open set (after an open in progress ends) and returns it,
    /// for the caller to close; `nil` when it is not open.
    func detach(_ name: String) async throws(StoreError) -> LocalCollection? {
        try checkRunning()
        if let pending = opening[name] { _ = await pending.value }
        return collections.removeValue(forKey: name)
    }

    /// Names of the collections open now, sorted.
    public var openCollectionNames: [String] { collections.keys.sorted() }

    /// Returns once no open collection runs background maintenance (compaction, filter index builds).
    ///
    /// - Throws: the first `StoreError` that failed a flush or compaction of an open collection.
    public func waitForMaintenance() async throws(StoreError) {
        for name in openCollectionNames {
            try await collections[name]?.waitForMaintenance()
        }
    }

    /// Closes every open collection (background compactions cancelled and awaited; searches on
    /// snapshots already taken keep working) and refuses later opens. Idempotent.
    public func shutdown() async {
        isShutDown = true
        leaveRegistry()
        let open = collections.values
        collections = [:]
        for collection in open { await collection.close() }
    }

    private func checkRunning() throws(StoreError) {
        guard !isShutDown else {
            throw StoreError(code: .conflict, message: "the store engine of \(root.path) is shut down")
        }
    }
}
