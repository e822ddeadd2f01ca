import Foundation
import Logging

/// The local data directory: `{root}/collections/{name}/` holds one `LocalCollection` each.
///
/// Every open recovers the collection anew and returns a new instance: a process opens collections
/// through its `StoreEngine`, which uses this type once per collection (tests that reopen on
/// purpose use it directly).
public struct LocalStore: Sendable {
    /// The data directory (`./data` by default in the CLI).
    public let root: URL
    /// Storage tuning applied to every collection this store opens.
    public let options: StoreOptions
    /// Write times and TTL expiry; injectable so tests drive time.
    public let clock: StoreClock
    /// Paces background compaction (`StoreOptions.compactionBytesPerSecond`); injectable so tests
    /// pace and hold a compaction without real sleeps.
    public let maintenanceClock: MaintenanceClock
    /// Every file operation of the collections this store opens goes through it (the real disk by
    /// default); injectable so tests simulate faults and power loss.
    public let fileSystem: any StoreFileSystem
    private let logger: Logger

    public init(
        root: URL,
        options: StoreOptions = StoreOptions(),
        clock: StoreClock = .system,
        maintenanceClock: MaintenanceClock = .continuous,
        fileSystem: any StoreFileSystem = POSIXFileSystem(),
        logger: Logger = Logger(label: "vectordb.store")
    ) {
        self.root = root
        self.options = options
        self.clock = clock
        self.maintenanceClock = maintenanceClock
        self.fileSystem = fileSystem
        self.logger = logger
    }

    /// Opens an existing collection.
    ///
    /// - Throws: `StoreError.notFound` when the data directory or the collection does not exist, with a
    ///   message that says how to create it; `StoreError.corruption` when its files fail verification.
    public func open(collection name: String) throws(StoreError) -> LocalCollection {
        try self.open(collection: name, evolvingTo: nil)
    }

    /// Opens an existing collection; with `schema`, a writable open evolves it to that schema first.
    private func open(
        collection name: String,
        evolvingTo schema: CollectionSchema?
    ) throws(StoreError) -> LocalCollection {
        try Self.validate(name)
        guard fileSystem.fileExists(root.path) else {
            throw StoreError(
                code: .notFound,
                message:
                    "no data directory at \(root.path); run a pipeline first, e.g. `vectordb run pipelines/fixtures.toml`"
            )
        }
        let directory = collectionDirectory(name)
        let infoPath = directory.appendingPathComponent(LocalCollection.infoFileName).path
        guard fileSystem.fileExists(infoPath) else {
            throw StoreError(
                code: .notFound,
                message: "no collection '\(name)' in \(root.path); run a pipeline that writes it first",
                file: infoPath
            )
        }
        let info = try LocalCollection.readInfo(at: infoPath, directory: directory.path, fileSystem: fileSystem)
        return try LocalCollection(
            info: info,
            directory: directory.path,
            fileSystem: fileSystem,
            options: options,
            logger: logger,
            clock: clock,
            maintenanceClock: maintenanceClock,
            evolvingTo: schema
        )
    }

    /// Opens a collection, creating it with `info` when it does not exist. An existing collection
    /// must hold the same embedding model and a compatible schema: when `info.schema` appends fields
    /// to the stored one, the collection evolves to it (no rewrite); when the stored schema appends
    /// fields to `info.schema` (added since), it is kept.
    ///
    /// - Throws: `StoreError.badInput` when `info.schema` is not valid or the collection exists with an
    ///   incompatible schema; `StoreError.conflict` when it exists with another embedding model or dimension.
    public func openOrCreate(_ info: CollectionInfo) throws(StoreError) -> LocalCollection {
        try Self.validate(info.name)
        try info.schema.validate()
        let directory = collectionDirectory(info.name)
        let infoPath = directory.appendingPathComponent(LocalCollection.infoFileName)
        if !fileSystem.fileExists(infoPath.path) {
            try fileSystem.createDirectoryDurably(directory.path)
            try LocalCollection.writeInfo(info, to: infoPath.path, fileSystem: fileSystem)
        }
        let stored = try LocalCollection.readInfo(at: infoPath.path, directory: directory.path, fileSystem: fileSystem)
        guard stored.embeddingModel == info.embeddingModel, stored.dimension == info.dimension else {
            throw StoreError(
                code: .conflict,
                message:
                    "collection '\(info.name)' holds \(stored.embeddingModel) vectors (\(stored.dimension) dims); "
                    + "this run embeds with \(info.embeddingModel) (\(info.dimension) dims). Use another collection name or data directory.",
                file: infoPath.path
            )
        }
        let requested = info.schema.adoptingAnalyzer(of: stored.schema)
        let evolves = requested.extends(stored.schema) && requested != stored.schema
        guard evolves || stored.schema.extends(requested) else {
            throw .violation(
                .badSchema,
                "collection '\(info.name)' has another schema than this run's (fields, types, vectors or text "
                    + "field differ, beyond appended fields); use another collection name or data directory"
            )
        }
        return try self.open(collection: info.name, evolvingTo: evolves ? requested : nil)
    }

    func collectionDirectory(_ name: String) -> URL {
        root.appendingPathComponent("collections").appendingPathComponent(name)
    }

    /// Collection names are 1 to 64 characters of `[a-z0-9_-]`, safe as a directory name.
    static func validate(_ name: String) throws(StoreError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_-")
        guard (1...64).contains(name.count), name.allSatisfy({ allowed.contains($0) }) else {
            throw StoreError(
                code: .badInput,
                message: "collection name '\(name)' must be 1-64 characters of [a-z0-9_-]"
            )
        }
    }
}
