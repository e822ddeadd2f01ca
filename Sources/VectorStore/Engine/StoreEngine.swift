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
    private let store: LocalStore
    private var collections: [String: LocalCollection] = [:]
    private var isShutDown = false

    public init(
        root: URL,
        options: StoreOptions = StoreOptions(),
        clock: StoreClock = .system,
        maintenanceClock: MaintenanceClock = .continuous,
        logger: Logger = Logger(label: "vectordb.store")
    ) {
        self.root = root
        store = LocalStore(
            root: root,
            options: options,
            clock: clock,
            maintenanceClock: maintenanceClock,
            logger: logger
        )
    }

    /// The open collection `name`, opened (and recovered) on first use.
    ///
    /// - Throws: `StoreError.notFound` when the data directory or the collection does not exist;
    ///   `StoreError.corruption` when its files fail verification; `StoreError.conflict` after
    ///   `shutdown()`.
    public func collection(_ name: String) throws(StoreError) -> LocalCollection {
        try checkRunning()
        if let open = collections[name] { return open }
        let opened = try store.open(collection: name)
        collections[name] = opened
        return opened
    }

    /// The collection `info` names, created when it does not exist; an open one is returned as it
    /// is after the same checks `LocalStore.openOrCreate` makes (same model and dimension, a
    /// compatible schema — evolved when `info` appends fields), and its embedder recorded when its
    /// `collection.json` lacks one.
    ///
    /// - Throws: `StoreError.badInput` for an invalid or incompatible schema; `StoreError.conflict`
    ///   for another embedding model or dimension, or after `shutdown()`.
    public func openOrCreate(_ info: CollectionInfo) async throws(StoreError) -> LocalCollection {
        try checkRunning()
        guard let open = collections[info.name] else {
            let opened = try store.openOrCreate(info)
            collections[info.name] = opened
            try await opened.record(embedder: info.embedder)
            return opened
        }
        try await open.accept(info)
        return open
    }

    /// An immutable view of collection `name` now (memtable included): searches on it run outside
    /// every actor and never see a later write.
    public func snapshot(of name: String) async throws(StoreError) -> ReadSnapshot {
        try await collection(name).readSnapshot()
    }

    /// Names of the collections open now, sorted.
    public var openCollectionNames: [String] { collections.keys.sorted() }

    /// Returns once no open collection runs background maintenance (compaction).
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
