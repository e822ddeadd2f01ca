/// A flat key → bytes store: local disk now, S3-compatible object storage later.
///
/// Keys are `/`-separated relative paths of safe characters (see `ObjectKey`). `put` is atomic: a
/// reader sees the old object or the new one, never a mix.
public protocol ObjectStore: Sendable {
    /// Stores `bytes` under `key`, replacing any previous object.
    func put(_ key: ObjectKey, bytes: [UInt8]) async throws(ObjectStoreError)
    /// The object's bytes, or `nil` when there is none.
    func get(_ key: ObjectKey) async throws(ObjectStoreError) -> [UInt8]?
    /// Keys that start with `prefix`, sorted.
    func list(prefix: String) async throws(ObjectStoreError) -> [ObjectKey]
    /// Removes the object; removing a missing object is not an error.
    func delete(_ key: ObjectKey) async throws(ObjectStoreError)
}
