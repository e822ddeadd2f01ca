/// How a put stores its object, beyond its condition.
public struct PutOptions: Hashable, Sendable {
    /// The storage class; `nil` for the bucket's default.
    public var storageClass: StorageClass?

    public init(storageClass: StorageClass? = nil) {
        self.storageClass = storageClass
    }
}
