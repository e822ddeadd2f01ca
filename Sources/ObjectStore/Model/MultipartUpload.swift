/// An upload in progress of one object in parts (S3's multipart upload).
///
/// Life cycle: `createMultipartUpload`, then `uploadPart` for part numbers 1 to 10,000 (in any order,
/// concurrently; re-uploading a number replaces that part), then `completeMultipartUpload` with the
/// parts in ascending order, or `abortMultipartUpload`. Every part but the last must hold at least
/// `minimumPartBytes`; the object appears only at completion, atomically.
public struct MultipartUpload: Hashable, Sendable {
    public let key: ObjectKey
    /// The store's identifier of the upload. Opaque.
    public let uploadID: String

    public init(key: ObjectKey, uploadID: String) {
        self.key = key
        self.uploadID = uploadID
    }

    /// S3's smallest part size (5 MiB) for every part but the last.
    public static let minimumPartBytes = 5 * 1024 * 1024
    /// S3's largest part number.
    public static let partNumberMax = 10_000
}

/// A part uploaded: its number and the ETag the store gave it (both needed to complete the upload),
/// and its size (so completion knows the object's size without another request).
public struct UploadedPart: Hashable, Sendable {
    /// 1-based, at most `MultipartUpload.partNumberMax`.
    public let partNumber: Int
    public let etag: ETag
    public let sizeBytes: Int

    public init(partNumber: Int, etag: ETag, sizeBytes: Int) {
        self.partNumber = partNumber
        self.etag = etag
        self.sizeBytes = sizeBytes
    }
}
