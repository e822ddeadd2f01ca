import ObjectStore

/// The bucket a collection commits to (docs/tiering.md): an object store and the key prefix under
/// which every collection of one tenant lives. With one, the bucket is the source of truth — every
/// flushed segment and manifest version is an object in it, and a node with an empty local
/// directory opens the collection from it; without one (`StoreEngine(bucket: nil)`, the default)
/// collections live in their local directories only.
public struct CollectionBucket: Sendable {
    /// When a flush is acknowledged.
    public enum Durability: String, Sendable, Hashable, CaseIterable {
        /// After the segment and the manifest version are in the bucket (`commit()` returns then).
        case object
        /// After the local `fsync`; the collection's upload task publishes in the background.
        case local
    }

    /// Where the objects go.
    public let store: any ObjectStore
    /// Key prefix before `tenants/…` (may be empty); `[A-Za-z0-9._-]` segments joined by `/`.
    public let prefix: String
    /// The tenant namespace (`default` outside the query service).
    public let tenant: String
    public let durability: Durability
    /// The storage class of uploaded segments (`STANDARD_IA` …); `nil` for the bucket's default.
    /// Manifests and deletion vectors, small and read on every open, always use the default.
    public let segmentStorageClass: StorageClass?
    /// Conditional commits tried before a publish gives up with a conflict (each lost race re-reads
    /// the bucket and rebases).
    public let commitAttemptsMax: Int

    /// - Throws: `StoreError.badInput` for a prefix or tenant that is not a valid key part.
    public init(
        store: any ObjectStore,
        prefix: String = "",
        tenant: String = "default",
        durability: Durability = .object,
        segmentStorageClass: StorageClass? = nil,
        commitAttemptsMax: Int = 32
    ) throws(StoreError) {
        self.store = store
        self.prefix = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        self.tenant = tenant
        self.durability = durability
        self.segmentStorageClass = segmentStorageClass
        self.commitAttemptsMax = max(1, commitAttemptsMax)
        _ = try BucketLayout(bucket: self, collection: "probe").infoKey()
    }

    /// The same bucket for another tenant (the query service: one namespace per tenant).
    public func forTenant(_ tenant: String) throws(StoreError) -> CollectionBucket {
        try CollectionBucket(
            store: store,
            prefix: prefix,
            tenant: tenant,
            durability: durability,
            segmentStorageClass: segmentStorageClass,
            commitAttemptsMax: commitAttemptsMax
        )
    }
}
