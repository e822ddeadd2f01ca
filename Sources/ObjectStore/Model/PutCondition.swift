/// When a write may replace what is stored: the commit point of optimistic concurrency.
public enum PutCondition: Hashable, Sendable {
    /// Always write (last writer wins).
    case unconditional
    /// Write only when no object has the key (`If-None-Match: *`). Of several racing writers exactly
    /// one succeeds; the others get `preconditionFailed` (or `conflict` when S3 sees the race).
    case ifAbsent
    /// Write only when the stored object's ETag is this one (`If-Match`): compare-and-swap. A stale
    /// ETag gets `preconditionFailed`; a missing object gets `notFound`.
    case ifMatch(ETag)
}
