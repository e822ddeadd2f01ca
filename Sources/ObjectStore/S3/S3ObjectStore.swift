import AsyncHTTPClient
import Logging
import NIOCore
import SECModel
import Synchronization

/// An `ObjectStore` on an S3-compatible bucket (AWS S3, GCS's XML API with HMAC keys, MinIO, moto):
/// requests signed with AWS Signature V4 (`SigV4Signer`), sent through async-http-client, retried
/// with jittered backoff on throttling, 5xx, timeouts, resets and short bodies (`RetryPolicy`).
///
/// Conditional writes are S3's own (`If-None-Match: *`, `If-Match`), so their atomicity is the
/// server's. A retried conditional write whose earlier attempt may have landed (the response was
/// lost) and that then fails its precondition is resolved by a HEAD: when the object's ETag is the
/// one this write produces, the write succeeded.
///
/// Share one instance; call `shutdown()` once when done.
public final class S3ObjectStore: ObjectStore {
    public let configuration: S3Configuration
    /// Signs every attempt anew (each carries its own `x-amz-date`).
    let signer: SigV4Signer
    /// Host, port and path of the bucket's requests.
    let address: S3Address
    /// The connection pool (`connectionsPerHostMax` per host).
    let http: HTTPClient
    /// The backoff jitter's generator, shared by concurrent requests.
    let random: Mutex<SeededRandom>
    /// Retries are logged at `info`.
    let logger: Logger

    /// - Throws: `badInput` for a malformed endpoint or an empty bucket name.
    public init(
        configuration: S3Configuration,
        logger: Logger = Logger(label: "vectordb.objectstore.s3")
    ) throws(ObjectStoreError) {
        self.configuration = configuration
        self.address = try S3Address(
            endpoint: configuration.endpoint,
            bucket: configuration.bucket,
            addressing: configuration.addressing
        )
        self.signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
        var seed = configuration.jitterSeed ?? 0
        if configuration.jitterSeed == nil {
            var system = SystemRandomNumberGenerator()
            seed = system.next()
        }
        self.random = Mutex(SeededRandom(seed: seed))
        self.logger = logger
        let timeout = Self.timeAmount(configuration.requestTimeout)
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .seconds(10), read: timeout)
        )
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit =
            configuration.connectionsPerHostMax
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Shuts the HTTP client down if `shutdown()` was never reached, so async-http-client does not
    /// trap in its own deinit.
    deinit {
        try? http.syncShutdown()
    }

    /// Releases connections; call once when done.
    public func shutdown() async {
        do {
            try await http.shutdown()
        } catch {
            logger.debug("S3 HTTP client shutdown: \(error)")
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let parts = duration.components
        return .nanoseconds(parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000)
    }
}
