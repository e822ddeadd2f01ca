/// The result of a read: the bytes asked for, and the object they came from.
///
/// Invariant: `bytes.count` is the object's size for a whole read, and
/// `min(range.lengthBytes, objectSizeBytes - range.offsetBytes)` for a ranged one — never fewer
/// (a body cut short in transit is an error, not a short read).
public struct ObjectRead: Sendable {
    public let bytes: [UInt8]
    /// The ETag of the object version the bytes were read from.
    public let etag: ETag
    /// The whole object's size, even for a ranged read.
    public let objectSizeBytes: Int

    public init(bytes: [UInt8], etag: ETag, objectSizeBytes: Int) {
        self.bytes = bytes
        self.etag = etag
        self.objectSizeBytes = objectSizeBytes
    }
}
