import Foundation

/// `config/storage.toml` (docs/tiering.md, "Configuration"): the storage tiers of a deployment —
/// which data sits in memory-mapped files, local directories and the bucket — and the bucket every
/// collection commits to. Parsed by `StorageSettings.load`, validated at load time.
public struct StorageSettings: Sendable, Hashable {
    /// How hot a tier is, fastest first.
    public enum TierLevel: String, Sendable, Hashable, CaseIterable {
        case ultraHot = "UltraHot"
        case hot = "Hot"
        case warm = "Warm"
        case cold = "Cold"
    }

    /// What holds a tier's bytes.
    public enum Backend: String, Sendable, Hashable, CaseIterable {
        /// Memory-mapped local files (the ultra-hot tier).
        case mmap = "MMAP"
        /// Files in a local directory.
        case local = "Local"
        /// Parquet files in a local directory (metadata columns).
        case parquet = "Parquet"
        /// An S3-compatible bucket.
        case s3 = "S3"
        /// Google Cloud Storage through its S3-compatible XML API (HMAC keys).
        case gcs = "GCS"
        /// A local directory standing in for a bucket (`FileSystemObjectStore`; offline).
        case fileSystem = "FileSystem"

        /// Whether this backend is an object store (a cold tier's).
        public var isObjectStore: Bool { self == .s3 || self == .gcs || self == .fileSystem }
    }

    /// The block codec of a tier's files.
    public enum Compression: String, Sendable, Hashable, CaseIterable {
        case lz4 = "Lz4"
        case zstd = "Zstd"
        case gzip = "Gzip"
        case none = "None"
    }

    /// S3 storage classes by their configuration names, with the `x-amz-storage-class` value.
    public static let storageClasses: [String: String] = [
        "Standard": "STANDARD", "StandardIA": "STANDARD_IA", "OneZoneIA": "ONEZONE_IA",
        "IntelligentTiering": "INTELLIGENT_TIERING", "GlacierIR": "GLACIER_IR",
    ]

    /// One `[[storage.tiered.storage_tiers]]` entry.
    public struct Tier: Sendable, Hashable {
        /// Unique among the tiers (`embeddings`, `filing_metadata` …).
        public var name: String
        public var level: TierLevel
        public var backend: Backend
        public var compression: Compression
        /// The S3 storage class value (`STANDARD_IA` …) of a cold tier's objects; `nil`: the bucket's default.
        public var storageClass: String?
        /// The directory of a `Local` / `Parquet` tier, or the bucket directory of a `FileSystem` one
        /// (resolved against the configuration file's directory).
        public var path: URL?
        /// Byte budget of an ultra-hot, hot or warm tier (`nil`: unbounded).
        public var cacheBytesMax: Int?
        /// S3 / GCS bucket name.
        public var bucket: String?
        /// S3 / GCS endpoint URL (`nil`: AWS's for `region`; GCS: `https://storage.googleapis.com`).
        public var endpoint: String?
        public var region: String
        /// Key prefix of every object (may be empty).
        public var prefix: String
    }

    /// When a flush is acknowledged: `object` (in the bucket) or `local` (after the local `fsync`).
    public var durability: String = "object"
    /// The tiers, in file order.
    public var tiers: [Tier] = []

    public init(durability: String = "object", tiers: [Tier] = []) {
        self.durability = durability
        self.tiers = tiers
    }

    /// The cold tier (the bucket), when one is configured.
    public var cold: Tier? { tiers.first { $0.level == .cold } }
}
