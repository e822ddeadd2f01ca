/// Where a bucket is and how `S3ObjectStore` talks to it.
public struct S3Configuration: Sendable {
    /// How the bucket appears in request URLs.
    public enum Addressing: Sendable, Hashable {
        /// `https://endpoint/bucket/key` — S3-compatible servers (moto, MinIO) and dotted bucket names.
        case path
        /// `https://bucket.endpoint/key` — AWS's default; needs DNS for the bucket's host name.
        case virtualHost
    }

    /// The service URL without the bucket: `https://s3.us-east-1.amazonaws.com`,
    /// `https://storage.googleapis.com` (GCS, with HMAC keys), `http://127.0.0.1:5000` (moto).
    public var endpoint: String
    public var bucket: String
    /// The signing region (`us-east-1`; GCS accepts `auto`).
    public var region: String
    public var addressing: Addressing
    public var credentials: S3Credentials
    public var retry: RetryPolicy
    /// Seeds the backoff jitter; `nil` seeds it from the system generator.
    public var jitterSeed: UInt64?
    /// A `put` of more bytes than this uploads in parts of `partBytes` (`putInParts`).
    public var multipartThresholdBytes: Int
    /// Part size of those uploads; at least `MultipartUpload.minimumPartBytes`.
    public var partBytes: Int
    /// Parts in flight at once during such an upload.
    public var partConcurrencyMax: Int
    /// Longest time one request (one attempt) may take, body included.
    public var requestTimeout: Duration
    /// Idle connections kept per host, and concurrent requests per host before they queue.
    public var connectionsPerHostMax: Int
    /// Check a whole-object read of a single-part object against its ETag (its MD5) and refetch on a
    /// mismatch. Turn off for buckets whose ETags are not MD5s (SSE-KMS, SSE-C).
    public var verifiesWholeObjectMD5: Bool

    public init(
        endpoint: String,
        bucket: String,
        region: String = "us-east-1",
        addressing: Addressing = .path,
        credentials: S3Credentials,
        retry: RetryPolicy = RetryPolicy(),
        jitterSeed: UInt64? = nil,
        multipartThresholdBytes: Int = 64 * 1024 * 1024,
        partBytes: Int = 16 * 1024 * 1024,
        partConcurrencyMax: Int = 4,
        requestTimeout: Duration = .seconds(60),
        connectionsPerHostMax: Int = 32,
        verifiesWholeObjectMD5: Bool = true
    ) {
        self.endpoint = endpoint
        self.bucket = bucket
        self.region = region
        self.addressing = addressing
        self.credentials = credentials
        self.retry = retry
        self.jitterSeed = jitterSeed
        self.multipartThresholdBytes = multipartThresholdBytes
        self.partBytes = max(partBytes, MultipartUpload.minimumPartBytes)
        self.partConcurrencyMax = max(1, partConcurrencyMax)
        self.requestTimeout = requestTimeout
        self.connectionsPerHostMax = max(1, connectionsPerHostMax)
        self.verifiesWholeObjectMD5 = verifiesWholeObjectMD5
    }

    /// AWS's regional endpoint, `https://s3.<region>.amazonaws.com`.
    public static func awsEndpoint(region: String) -> String { "https://s3.\(region).amazonaws.com" }
}
