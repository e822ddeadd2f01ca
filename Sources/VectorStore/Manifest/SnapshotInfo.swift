import Foundation

/// One retained version of a collection, as `LocalCollection.snapshots()` lists it.
public struct SnapshotInfo: Sendable, Hashable {
    /// The manifest version number, counting flushes and compactions from 1 (the empty collection).
    public var version: UInt64
    /// When the version was committed (ms precision; the Unix epoch for versions written before
    /// commit times were recorded).
    public var committedAt: Date
    /// Rows stored in the version's segments, overwritten and deleted rows included (a search of the
    /// version hides those).
    public var rowCount: Int
    /// Segment files the version lists.
    public var segmentCount: Int
    /// Pinned versions are kept regardless of the retention options.
    public var isPinned: Bool
    /// The newest committed version (searches without `asOf` also see writes not yet flushed).
    public var isCurrent: Bool

    public init(
        version: UInt64,
        committedAt: Date,
        rowCount: Int,
        segmentCount: Int,
        isPinned: Bool,
        isCurrent: Bool
    ) {
        self.version = version
        self.committedAt = committedAt
        self.rowCount = rowCount
        self.segmentCount = segmentCount
        self.isPinned = isPinned
        self.isCurrent = isCurrent
    }
}
