import HNSW

/// Tuning of a collection's storage engine. Every buffer has a bound (tigerbeetle style).
public struct StoreOptions: Sendable, Hashable {
    /// When the write-ahead log is made durable.
    public enum FsyncPolicy: Sendable, Hashable {
        /// `upsert` / `delete` return only after an `fsync` covering their record (group commit:
        /// concurrent writers share one `fsync`). An acknowledged write survives power loss.
        case everyBatch
        /// The log is `fsync`ed at most once per interval in the background; a write returns once it
        /// is in the operating system's page cache. Survives a process crash, but power loss may
        /// drop up to one interval of acknowledged writes.
        case interval(Duration)
    }

    /// The codec of a segment's compressed blocks (metadata, tombstones, lexical index).
    public enum Codec: UInt8, Sendable, Hashable, CaseIterable {
        case none = 0
        case lz4 = 1
        case zstd = 2
        /// A gzip member (deflate, zlib): for readers that only speak gzip.
        case gzip = 3
    }

    public var fsyncPolicy: FsyncPolicy
    /// The memtable is flushed to a segment when its estimated size reaches this bound.
    public var memtableBytesMax: Int
    public var segmentCodec: Codec
    /// Largest batch `upsert` / `delete` accept; larger ones are refused whole.
    public var batchRecordsMax: Int
    /// Size-tiered compaction merges a tier once it holds this many segments (of sizes within 4×).
    public var compactionFanIn: Int
    /// Upper bound of the bytes one compaction reads (bounded I/O per compaction).
    public var compactionInputBytesMax: Int
    /// Upper bound of the rate at which background compaction writes its merged segment, in bytes per
    /// second; 0 = unlimited. Enforced in chunks of about 1/16 s of budget (4 KiB to 1 MiB), each
    /// followed by a pause, so the average since the write started never exceeds it. Flushes are not
    /// paced (they must keep up with writes); reading the inputs (memory-mapped) is not counted.
    public var compactionBytesPerSecond: Int
    /// Compaction outputs with at least this many rows store an HNSW graph, used for unfiltered and
    /// broadly filtered vector search; smaller segments (and selective filters) are searched
    /// exactly. A flushed segment stores one only from `graphRowsMin × compactionFanIn` rows:
    /// smaller ones are soon compacted, and a graph built for them would be thrown away.
    public var graphRowsMin: Int
    /// Graph parameters (M, efConstruction, efSearch) of segment graphs.
    public var graph: HNSWParameters
    /// Collection TTL: records are hidden from reads this long after their write, and dropped by
    /// compaction; `nil` keeps them until deleted. Applies to existing rows too (it is not stored).
    public var ttl: Duration?
    /// How long a superseded manifest version stays queryable (`SearchRequest.asOf`) after the next
    /// version replaced it; `nil` keeps versions until `versionCountMax` drops them. Pinned versions
    /// are exempt. Expired versions' files are deleted by the next flush, compaction or open.
    public var versionRetention: Duration?
    /// At most this many versions are retained, the current one included (pinned versions are kept
    /// beyond it); at least 1 (only the current version).
    public var versionCountMax: Int
    /// Every segment is scrubbed (every byte verified, `SegmentReader.verify()`) once per this
    /// interval by a background task `StoreEngine` starts for each collection it opens: the first
    /// segment a 24th of it after the open (so short-lived processes never scrub), then one segment
    /// at a time with a pause as long as its bytes take at `compactionBytesPerSecond`. Damage found
    /// is logged and refuses later writes, like a failed compaction. `nil`: no background scrub.
    public var scrubInterval: Duration?

    public init(
        fsyncPolicy: FsyncPolicy = .everyBatch,
        memtableBytesMax: Int = 16 * 1024 * 1024,
        segmentCodec: Codec = .lz4,
        batchRecordsMax: Int = 10_000,
        compactionFanIn: Int = 4,
        compactionInputBytesMax: Int = 512 * 1024 * 1024,
        compactionBytesPerSecond: Int = 64 * 1024 * 1024,
        graphRowsMin: Int = 5_000,
        graph: HNSWParameters = HNSWParameters(),
        ttl: Duration? = nil,
        versionRetention: Duration? = .seconds(7 * 24 * 3_600),
        versionCountMax: Int = 100,
        scrubInterval: Duration? = .seconds(24 * 3_600)
    ) {
        self.scrubInterval = scrubInterval
        precondition(versionCountMax >= 1, "versionCountMax keeps at least the current version")
        self.versionRetention = versionRetention
        self.versionCountMax = versionCountMax
        self.ttl = ttl
        self.graphRowsMin = graphRowsMin
        self.graph = graph
        precondition(memtableBytesMax > 0 && batchRecordsMax > 0, "bounds must be positive")
        precondition(compactionFanIn >= 2 && compactionInputBytesMax > 0, "compaction bounds")
        precondition(compactionBytesPerSecond >= 0, "a compaction budget is not negative (0 = unlimited)")
        self.compactionFanIn = compactionFanIn
        self.compactionInputBytesMax = compactionInputBytesMax
        self.compactionBytesPerSecond = compactionBytesPerSecond
        self.fsyncPolicy = fsyncPolicy
        self.memtableBytesMax = memtableBytesMax
        self.segmentCodec = segmentCodec
        self.batchRecordsMax = batchRecordsMax
    }
}

extension StoreOptions {
    /// `ttl` in whole milliseconds.
    var ttlMs: UInt64? { ttl.map(Self.milliseconds) }

    /// Rows from which a flushed segment stores a graph (see `graphRowsMin`).
    var flushGraphRowsMin: Int {
        let (rows, overflows) = graphRowsMin.multipliedReportingOverflow(by: compactionFanIn)
        return overflows ? .max : rows
    }

    /// `versionRetention` in whole milliseconds.
    var versionRetentionMs: UInt64? { versionRetention.map(Self.milliseconds) }

    private static func milliseconds(_ duration: Duration) -> UInt64 {
        UInt64(max(0, duration.components.seconds)) * 1_000 + UInt64(max(0, duration.components.attoseconds))
            / 1_000_000_000_000_000
    }
}
