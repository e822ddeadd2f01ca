/// What `head`, `list` and the writes report about an object.
public struct ObjectInfo: Hashable, Sendable {
    public let key: ObjectKey
    /// The whole object's size.
    public let sizeBytes: Int
    public let etag: ETag

    public init(key: ObjectKey, sizeBytes: Int, etag: ETag) {
        self.key = key
        self.sizeBytes = sizeBytes
        self.etag = etag
    }
}
