/// One page of a listing, in ascending key order (byte order of the UTF-8 keys).
public struct ListPage: Sendable {
    public let objects: [ObjectInfo]
    /// Pass to the next `list` call to continue; `nil` on the last page. Opaque.
    public let continuationToken: String?

    public init(objects: [ObjectInfo], continuationToken: String?) {
        self.objects = objects
        self.continuationToken = continuationToken
    }
}
