import Foundation
import ObjectStore
import ObjectStoreTestSupport
import SECModel
import Testing

/// The backends the conformance suite runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case fileSystem
    case s3

    var testDescription: String { rawValue }
}

/// Makes a fresh, empty store of a backend (a temporary directory, or a new bucket on the suite's
/// moto_server), runs `body` on it, and cleans up.
enum StoreFixture {
    /// Small multipart settings so tests move megabytes, not gigabytes.
    static let partBytes = MultipartUpload.minimumPartBytes
    static let multipartThresholdBytes = 6 * 1024 * 1024

    static func withStore(
        _ backend: Backend,
        endpoint: String? = nil,
        retry: RetryPolicy = RetryPolicy(
            attemptsMax: 4,
            backoffBase: .milliseconds(1),
            throttleBackoffBase: .milliseconds(2)
        ),
        _ body: (any ObjectStore) async throws -> Void
    ) async throws {
        switch backend {
        case .fileSystem:
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("objstore-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try await body(FileSystemObjectStore(root: root))
        case .s3:
            let store = try await makeS3Store(endpoint: endpoint, retry: retry)
            do {
                try await body(store)
            } catch {
                await store.shutdown()
                throw error
            }
            await store.shutdown()
        }
    }

    /// A store on a new bucket of the suite's moto_server, reached at `endpoint` (the server itself,
    /// or a proxy in front of it).
    static func makeS3Store(endpoint: String? = nil, retry: RetryPolicy) async throws -> S3ObjectStore {
        guard let moto = MotoScope.server else { try Test.cancel(Comment(rawValue: MotoServer.missingMessage)) }
        let bucket = "test-" + UUID().uuidString.lowercased().prefix(18)
        try await moto.createBucket(bucket)
        let configuration = S3Configuration(
            endpoint: endpoint ?? moto.endpoint,
            bucket: bucket,
            credentials: S3Credentials(accessKeyID: "testing", secretAccessKey: "testing"),
            retry: retry,
            jitterSeed: 42,
            multipartThresholdBytes: multipartThresholdBytes,
            partBytes: partBytes
        )
        return try S3ObjectStore(configuration: configuration)
    }

    /// `count` bytes of a seeded generator.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count { withUnsafeBytes(of: random.next()) { bytes += $0 } }
        return Array(bytes.prefix(count))
    }
}
