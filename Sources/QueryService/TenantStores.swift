import Foundation
import Logging
import Pipeline
import Synchronization
import VectorStore

/// The store engines of the tenants: one `StoreEngine` per tenant data directory
/// (`StoreEngine.shared(root:)`, so no collection is opened twice in the process), and the query
/// embedder of each collection, built once (a MiniLM model loads in about a second).
///
/// Isolation by construction: a request reaches only the engine of its caller's tenant, whose
/// directory holds that tenant's collections alone.
public final class TenantStores: Sendable {
    private let options: StoreOptions
    private let logger: Logger
    private let engines = Mutex<[URL: StoreEngine]>([:])
    private let embedders = Mutex<[String: QueryEmbedder]>([:])
    private let makeEmbedder: @Sendable (CollectionInfo) throws(PipelineError) -> QueryEmbedder
    /// The bucket of `--storage`; each tenant's engine uses its namespace (`forTenant`).
    private let bucket: CollectionBucket?

    /// - Parameter makeEmbedder: builds a collection's embedder (by default the one it recorded).
    public init(
        options: StoreOptions = StoreOptions(),
        logger: Logger,
        bucket: CollectionBucket? = nil,
        makeEmbedder: @escaping @Sendable (CollectionInfo) throws(PipelineError) -> QueryEmbedder = {
            (info) throws(PipelineError) in try QueryEmbedder(for: info)
        }
    ) {
        self.options = options
        self.logger = logger
        self.bucket = bucket
        self.makeEmbedder = makeEmbedder
    }

    /// The engine over `tenant`'s data directory.
    public func engine(_ tenant: Tenant) -> StoreEngine {
        let root = tenant.storageRoot.standardizedFileURL
        return engines.withLock { engines in
            if let engine = engines[root] { return engine }
            // A tenant name is [a-z0-9_-] (ServiceSettings), always a valid key part.
            let engine = StoreEngine.shared(
                root: root,
                options: options,
                logger: logger,
                bucket: try? bucket?.forTenant(tenant.name)
            )
            engines[root] = engine
            return engine
        }
    }

    /// The embedder of `tenant`'s collection `info` (the one it recorded), built on first use.
    ///
    /// - Throws: `PipelineError` as `QueryEmbedder(for:)`: no recorded embedder, a missing model.
    public func embedder(_ tenant: Tenant, _ info: CollectionInfo) throws(PipelineError) -> QueryEmbedder {
        let key = "\(tenant.storageRoot.path)|\(info.name)|\(info.embeddingModel)|\(info.dimension)"
        if let cached = embedders.withLock({ $0[key] }) { return cached }
        let made = try makeEmbedder(info)
        embedders.withLock { $0[key] = made }
        return made
    }

    /// Forgets the embedder of a dropped collection.
    public func forgetEmbedder(_ tenant: Tenant, collection: String) {
        let prefix = "\(tenant.storageRoot.path)|\(collection)|"
        embedders.withLock { cache in cache = cache.filter { !$0.key.hasPrefix(prefix) } }
    }

    /// Shuts every engine down (compactions finished or cancelled, collections closed).
    public func shutdown() async {
        let all = engines.withLock { engines in
            defer { engines = [:] }
            return Array(engines.values)
        }
        for engine in all { await engine.shutdown() }
    }
}
