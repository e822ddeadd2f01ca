import Foundation
import Logging

/// The local data directory: `{root}/collections/{name}/` holds one `LocalCollection` each.
public struct LocalStore: Sendable {
    /// The data directory (`./data` by default in the CLI).
    public let root: URL
    /// Storage tuning applied to every collection this store opens.
    public let options: StoreOptions
    /// Write times and TTL expiry; injectable so tests drive time.
    public let clock: StoreClock
    private let logger: Logger

    public init(
        root: URL,
        options: StoreOptions = StoreOptions(),
        clock: StoreClock = .system,
        logger: Logger = Logger(label: "vectordb.store")
    ) {
        self.root = root
        self.options = options
        self.clock = clock
        self.logger = logger
    }

    /// Opens an existing collection.
    ///
    /// - Throws: `StoreError.notFound` when the data directory or the collection does not exist, with a
    ///   message that says how to create it; `StoreError.corruption` when its files fail verification.
    public func open(collection name: String) throws(StoreError) -> LocalCollection {
        try Self.validate(name)
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw StoreError(
                code: .notFound,
                message:
                    "no data directory at \(root.path); run a pipeline first, e.g. `vectordb run pipelines/fixtures.toml`"
            )
        }
        let directory = collectionDirectory(name)
        let infoPath = directory.appendingPathComponent("collection.json").path
        guard let data = FileManager.default.contents(atPath: infoPath) else {
            throw StoreError(
                code: .notFound,
                message: "no collection '\(name)' in \(root.path); run a pipeline that writes it first",
                file: infoPath
            )
        }
        let info: CollectionInfo
        do {
            info = try JSONDecoder().decode(CollectionInfo.self, from: data)
        } catch {
            throw StoreError(code: .corruption, message: "collection.json is not valid: \(error)", file: infoPath)
        }
        if info.formatVersion == 1 {
            throw StoreError(
                code: .corruption,
                message:
                    "collection '\(name)' was written by the walking skeleton's chunk-log format (version 1), which "
                    + "this version no longer reads; delete \(directory.path) and re-run the pipeline that wrote it",
                file: infoPath
            )
        }
        guard info.formatVersion == CollectionInfo.currentFormatVersion else {
            throw StoreError(
                code: .corruption,
                message:
                    "format version \(info.formatVersion) is not supported (expected \(CollectionInfo.currentFormatVersion))",
                file: infoPath
            )
        }
        return try LocalCollection(
            info: info,
            directory: directory.path,
            options: options,
            logger: logger,
            clock: clock
        )
    }

    /// Opens a collection, creating it with `info` when it does not exist.
    ///
    /// - Throws: `StoreError.badInput` when it exists with another embedding model or dimension.
    public func openOrCreate(_ info: CollectionInfo) throws(StoreError) -> LocalCollection {
        try Self.validate(info.name)
        let directory = collectionDirectory(info.name)
        let infoPath = directory.appendingPathComponent("collection.json")
        if !FileManager.default.fileExists(atPath: infoPath.path) {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(info).write(to: infoPath, options: .atomic)
            } catch {
                throw StoreError(code: .io, message: "cannot create collection: \(error)", file: infoPath.path)
            }
        }
        let collection = try open(collection: info.name)
        guard collection.info.embeddingModel == info.embeddingModel, collection.info.dimension == info.dimension else {
            throw StoreError(
                code: .badInput,
                message:
                    "collection '\(info.name)' holds \(collection.info.embeddingModel) vectors (\(collection.info.dimension) dims); "
                    + "this run embeds with \(info.embeddingModel) (\(info.dimension) dims). Use another collection name or data directory.",
                file: infoPath.path
            )
        }
        return collection
    }

    private func collectionDirectory(_ name: String) -> URL {
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
