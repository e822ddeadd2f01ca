import Foundation
import ObjectStore
import ObjectStoreTestSupport
import Testing

@testable import VectorStore

/// Where a tiering test's bucket lives.
enum TierBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// A `FileSystemObjectStore` in a temporary directory.
    case fileSystem
    /// A bucket on the suite's moto_server.
    case s3
    /// The same, through the fault proxy: every 5th request fails (500, 503 SlowDown, a reset
    /// before or after forwarding, a truncated body), each after a short delay.
    case s3WithFaults

    var testDescription: String { rawValue }
}

/// Temporary directories, buckets and seeded documents for the tiering tests.
enum TierFixture {
    static let dimension = 8

    static func info(_ name: String = "filings") -> CollectionInfo {
        CollectionInfo(
            name: name,
            embeddingModel: "test",
            schema: CollectionSchema(
                primaryKey: "id",
                fields: [
                    FieldDefinition(name: "body", type: .string, required: true),
                    FieldDefinition(name: "form", type: .string, index: true),
                    FieldDefinition(name: "year", type: .int64),
                ],
                vectors: [VectorFieldDefinition(name: "embedding", dimension: dimension, metric: .cosine)],
                textField: "body"
            )
        )
    }

    static let words = ["revenue", "margin", "lease", "tariff", "patent", "cyber", "supply", "risk", "loan", "wafer"]
    static let forms = ["10-K", "10-Q", "8-K"]

    /// Document `index` of writer `writer`: values drawn from a generator seeded by both.
    static func document(_ index: Int, writer: String = "a") -> Document {
        var random = SplitMix(seed: UInt64(index) &* 31 &+ UInt64(writer.utf8.reduce(0) { $0 &* 131 &+ UInt64($1) }))
        let body = (0..<6).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
        let vector = (0..<dimension).map { _ in Float(Int(random.next() % 2001) - 1000) / 1000 + 0.001 }
        return Document(
            id: "\(writer)-\(index)",
            fields: [
                "body": .string(body),
                "form": .string(forms[Int(random.next() % 3)]),
                "year": .int64(2015 + Int64(random.next() % 10)),
            ],
            vectors: ["embedding": vector]
        )
    }

    /// Small memtables, so a few hundred documents make several segments and compactions.
    static let options = StoreOptions(
        memtableBytesMax: 24 * 1024,
        compactionFanIn: 3,
        compactionBytesPerSecond: 0,
        scrubInterval: nil
    )

    /// The searches whose results must not change: vector, lexical, filtered vector, hybrid.
    static func requests() -> [SearchRequest] {
        let probe = document(7, writer: "probe").vectors["embedding"] ?? []
        return [
            SearchRequest(vector: probe, k: 10),
            SearchRequest(vector: nil, text: "tariff patent", k: 10, mode: .lexical),
            SearchRequest(vector: probe, k: 10, filters: [.equals(field: "form", .string("10-K"))]),
            SearchRequest(
                vector: probe,
                text: "revenue lease",
                k: 10,
                filters: [.range(field: "year", lower: .init(.int64(2018)), upper: nil)],
                mode: .hybrid
            ),
        ]
    }

    static func temporaryDirectory(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tier-\(label)-\(UUID().uuidString)")
    }

    /// Runs `body` with a fresh, empty object store of `backend` (and the proxy in front of it, for
    /// `s3WithFaults`), and cleans up.
    static func withStore(
        _ backend: TierBackend,
        _ body: (any ObjectStore, FaultProxy?) async throws -> Void
    ) async throws {
        switch backend {
        case .fileSystem:
            let root = temporaryDirectory("bucket")
            defer { try? FileManager.default.removeItem(at: root) }
            try await body(FileSystemObjectStore(root: root), nil)
        case .s3, .s3WithFaults:
            guard let moto = MotoScope.server else { try Test.cancel(Comment(rawValue: MotoServer.missingMessage)) }
            let name = "tier-" + UUID().uuidString.lowercased().prefix(18)
            try await moto.createBucket(name)
            var proxy: FaultProxy?
            if backend == .s3WithFaults {
                let started = try await FaultProxy.start(upstream: moto.endpoint)
                started.setLatency(.milliseconds(2))
                started.injectPeriodically(
                    [.internalError, .slowDown, .reset, .resetAfterForwarding, .truncatedBody],
                    every: 5
                )
                proxy = started
            }
            let store = try S3ObjectStore(
                configuration: S3Configuration(
                    endpoint: proxy?.endpoint ?? moto.endpoint,
                    bucket: name,
                    credentials: S3Credentials(accessKeyID: "testing", secretAccessKey: "testing"),
                    retry: RetryPolicy(
                        attemptsMax: 10,
                        backoffBase: .milliseconds(1),
                        throttleBackoffBase: .milliseconds(2),
                        backoffMax: .milliseconds(20)
                    ),
                    jitterSeed: 7
                )
            )
            do {
                try await body(store, proxy)
            } catch {
                await store.shutdown()
                await proxy?.shutdown()
                throw error
            }
            await store.shutdown()
            await proxy?.shutdown()
        }
    }
}

/// SplitMix64.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
