import Foundation

/// Which committed version of a collection a point-in-time search reads (`SearchRequest.asOf`).
///
/// A version is a flushed state: the rows of its segments, that is every write with a sequence up to
/// its `flushedSequence`. Writes still only in the WAL and memtable when it was committed belong to
/// the next version. Rows are live as they were at the version's commit time (TTL is evaluated then).
public enum VersionSelector: Sendable, Hashable {
    /// A manifest version number (`LocalCollection.snapshots()` lists the retained ones).
    case version(UInt64)
    /// The newest version committed at or before this moment.
    case time(Date)
}
