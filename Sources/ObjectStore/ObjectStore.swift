/// A bucket of immutable-per-version objects: the local directory (`FileSystemObjectStore`) or an
/// S3-compatible server (`S3ObjectStore`), with one contract checked by one conformance suite
/// (Tests/ObjectStoreTests/ConformanceTests.swift; docs/object-store.md).
///
/// Guarantees every implementation gives:
/// - **Atomic objects.** A reader sees a whole version of an object or none, never a mix or a
///   prefix; a write is durable when it returns.
/// - **Conditional writes are the commit point.** `put(_:bytes:condition:options:)` with `.ifAbsent`
///   lets exactly one of several racing writers create a key; `.ifMatch` replaces an object only while
///   its ETag is the one the writer read (compare-and-swap).
/// - **Typed failures.** Every error is an `ObjectStoreError` whose code says whether to fix the input,
///   re-read (a lost race) or retry later; transient failures are retried inside the store first.
///
/// Sizes and offsets are in bytes. Keys are validated `ObjectKey`s; prefixes are plain strings.
public protocol ObjectStore: Sendable {
    /// Reads the whole object, or `range` of it.
    ///
    /// - Throws: `notFound` when there is no object; `badInput` when `range` starts at or past its end.
    func get(_ key: ObjectKey, range: ByteRange?) async throws(ObjectStoreError) -> ObjectRead

    /// The object's size and ETag, without its bytes.
    ///
    /// - Throws: `notFound` when there is no object.
    func head(_ key: ObjectKey) async throws(ObjectStoreError) -> ObjectInfo

    /// Stores `bytes` under `key` when `condition` holds, atomically.
    ///
    /// - Returns: the new object's size and ETag.
    /// - Throws: `preconditionFailed` when the condition does not hold (`ifAbsent`: an object exists;
    ///   `ifMatch`: another ETag), `conflict` when a concurrent conditional write won, `notFound` for
    ///   `ifMatch` on a missing object.
    @discardableResult
    func put(
        _ key: ObjectKey,
        bytes: [UInt8],
        condition: PutCondition,
        options: PutOptions
    ) async throws(ObjectStoreError) -> ObjectInfo

    /// One page of the objects whose keys start with `prefix`, in ascending key order, after the
    /// position `continuationToken` names (`nil`: from the start).
    ///
    /// - Parameter maxKeys: 1 to 1,000 objects per page; the page may hold fewer even when more follow
    ///   (`continuationToken` is then non-nil).
    func list(prefix: String, continuationToken: String?, maxKeys: Int) async throws(ObjectStoreError) -> ListPage

    /// Removes the object; removing a missing object is not an error.
    func delete(_ key: ObjectKey) async throws(ObjectStoreError)

    /// Starts a multipart upload of `key` (see `MultipartUpload` for the life cycle).
    func createMultipartUpload(_ key: ObjectKey, options: PutOptions) async throws(ObjectStoreError) -> MultipartUpload

    /// Uploads part `partNumber` (1 to 10,000) of an upload.
    ///
    /// - Throws: `notFound` for an unknown (completed or aborted) upload; `badInput` for a part number
    ///   out of range.
    func uploadPart(
        _ upload: MultipartUpload,
        partNumber: Int,
        bytes: [UInt8]
    ) async throws(ObjectStoreError) -> UploadedPart

    /// Assembles the parts, in ascending part-number order, into the object, when `condition` holds
    /// (checked at completion, as for `put`).
    ///
    /// - Throws: `badInput` for missing or out-of-order parts, a stale part ETag, or a part other than
    ///   the last below `MultipartUpload.minimumPartBytes`; the `put` condition errors.
    func completeMultipartUpload(
        _ upload: MultipartUpload,
        parts: [UploadedPart],
        condition: PutCondition
    ) async throws(ObjectStoreError) -> ObjectInfo

    /// Discards an upload and its parts; aborting an unknown upload is not an error.
    func abortMultipartUpload(_ upload: MultipartUpload) async throws(ObjectStoreError)
}
