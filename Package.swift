// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Settings shared by every first-party target: Swift 6 language mode is the tools default;
/// warnings are errors so that the tree stays clean.
let strictSettings: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"])
]

/// The vector index is always optimised (its tests build thousands-node graphs, too slow at -Onone)
/// and its distance kernels are compiled for the build machine's CPU (AVX2 / AVX-512 where present),
/// as hnswlib and faiss builds do; set VECTORDB_PORTABLE=1 for a binary that runs on any x86-64.
let kernelSettings: [SwiftSetting] =
    ProcessInfo.processInfo.environment["VECTORDB_PORTABLE"] == nil
    ? strictSettings + [.unsafeFlags(["-O", "-target-cpu", "native"], .when(platforms: [.linux]))]
    : strictSettings + [.unsafeFlags(["-O"])]

let package = Package(
    name: "VectorDB",
    products: [
        .executable(name: "vectordb", targets: ["VectorDBCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // Already in the graph through async-http-client; named so the client can recognise its
        // decompression-limit error and the fake server can gzip.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // AsyncThrowingChannel: the bounded hand-over between the pipeline's stages.
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        // SHA-256 / HMAC for AWS Signature V4 and MD5 for S3 ETags (ObjectStore). Already in the graph
        // (4.x) through async-http-client's TLS stack; 3.12.3 is the oldest release this code builds on.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Service / ServiceGroup: the scheduler and the query service run as services with graceful
        // shutdown on SIGTERM.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // The query service: HTTP server, metrics for /metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // System libraries from Debian (see Makefile `deps`).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0"),
        .systemLibrary(name: "CZstd", path: "Sources/CZstd", pkgConfig: "libzstd"),
        .systemLibrary(name: "CLZ4", path: "Sources/CLZ4", pkgConfig: "liblz4"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        // Header-only compiler intrinsics: cache prefetch for the vector index's hot loops, the hardware
        // CRC-32C instruction for the codecs.
        .systemLibrary(name: "CIntrinsics", path: "Sources/CIntrinsics"),
        // Extended attributes from libc (the file-system object store's ETag records).
        .systemLibrary(name: "CXattr", path: "Sources/CXattr"),
        // Our own C: the AVX-512 BF16 matrix kernel of the encoder (compiled per function for that
        // instruction set, chosen at run time). Optimised in debug builds too.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // Shared value types and codecs.
        .target(name: "SECModel", swiftSettings: strictSettings),
        .target(
            name: "Codecs",
            dependencies: ["SECModel", "CZstd", "CLZ4", "CZlib", "CIntrinsics"],
            swiftSettings: strictSettings
        ),

        // Parquet files written and read by our own code (Thrift compact footer, v1 pages, zstd):
        // the store's metadata columns for analytics engines (docs/formats/parquet.md).
        .target(name: "Parquet", dependencies: ["SECModel", "Codecs"], swiftSettings: strictSettings),

        // Stages, in pipeline order. A stage imports only SECModel, shared utilities and earlier stages.
        .target(
            name: "EDGARClient",
            dependencies: [
                "SECModel", "Codecs",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "FilingParser", dependencies: ["SECModel", "CLibXML2"], swiftSettings: strictSettings),
        .target(name: "Chunker", dependencies: ["SECModel"], swiftSettings: strictSettings),
        // Optimised in debug builds too and compiled for the build machine's CPU like the vector index:
        // the encoder's element-wise kernels (softmax, GELU, LayerNorm) are ~50x slower at -Onone, and
        // 4-wide SSE at the x86-64 baseline.
        .target(
            name: "Embedding",
            dependencies: [
                "SECModel", "Codecs", "CBLAS", "CKernels", "Chunker",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: kernelSettings
        ),
        .target(name: "HNSW", dependencies: ["SECModel", "CIntrinsics"], swiftSettings: kernelSettings),
        .target(
            name: "ObjectStore",
            dependencies: [
                "SECModel", "CXattr",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "VectorStore",
            dependencies: [
                "SECModel", "Codecs", "CBLAS", "HNSW", "Parquet", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // SEC documents in the store: the SEC schema, ChunkRecord and its mapping to documents.
        // VectorStore knows documents and schemas only.
        .target(name: "SECDocuments", dependencies: ["SECModel", "VectorStore"], swiftSettings: strictSettings),
        .target(
            name: "Retrieval",
            dependencies: ["SECModel", "Embedding", "VectorStore", "SECDocuments", "EDGARClient"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PipelineConfig",
            // VectorStore for the collection schema type its schema files are parsed into.
            dependencies: ["SECModel", "VectorStore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "SECModel", "Codecs", "EDGARClient", "FilingParser", "Chunker", "Embedding", "ObjectStore",
                "VectorStore", "SECDocuments", "PipelineConfig", "Parquet",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The query service: HTTP JSON API over the store engine, tenants, API keys, QoS, audit log.
        .target(
            name: "QueryService",
            dependencies: [
                "SECModel", "VectorStore", "Retrieval", "Pipeline", "SECDocuments", "PipelineConfig",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strictSettings
        ),
        // Test helper: the child process the crash test SIGKILLs (Tests/VectorStoreTests/CrashTests.swift).
        .executableTarget(
            name: "VectorStoreCrashChild",
            dependencies: ["SECModel", "VectorStore", "SECDocuments"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "VectorDBCLI",
            dependencies: [
                "SECModel", "EDGARClient", "FilingParser", "Chunker", "Embedding", "HNSW", "VectorStore",
                "SECDocuments", "PipelineConfig", "Pipeline", "Retrieval", "QueryService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Test helper: the fake EDGAR server on 127.0.0.1 that serves fixtures/edgar at sec.gov's paths,
        // shared by the EDGAR client's tests and the pipeline's end-to-end tests.
        .target(
            name: "EDGARTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
            ],
            path: "Tests/EDGARTestSupport",
            swiftSettings: strictSettings
        ),

        .testTarget(name: "SECModelTests", dependencies: ["SECModel"], swiftSettings: strictSettings),
        .testTarget(name: "CodecsTests", dependencies: ["Codecs"], swiftSettings: strictSettings),
        .testTarget(name: "ParquetTests", dependencies: ["Parquet", "Codecs"], swiftSettings: strictSettings),
        .testTarget(
            name: "EDGARClientTests",
            dependencies: [
                "EDGARClient", "SECModel", "Codecs", "EDGARTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FilingParserTests",
            dependencies: ["FilingParser"],
            exclude: ["Regressions"],  // fuzz crash inputs, read from #filePath by FuzzRegressionTests
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ChunkerTests", dependencies: ["Chunker"], swiftSettings: strictSettings),
        .testTarget(
            name: "EmbeddingTests",
            dependencies: [
                "Embedding", "CKernels",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "HNSWTests", dependencies: ["HNSW"], swiftSettings: strictSettings),
        // Test support shared by every suite that talks to S3: a moto_server launcher and a fault-and-latency
        // proxy (Tests/ObjectStoreTestSupport), all on 127.0.0.1.
        .target(
            name: "ObjectStoreTestSupport",
            dependencies: [
                "ObjectStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/ObjectStoreTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ObjectStoreTests",
            dependencies: [
                "ObjectStore", "ObjectStoreTestSupport", "SECModel", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VectorStoreTests",
            dependencies: ["VectorStore", "SECDocuments", "SECModel", "HNSW", "VectorStoreCrashChild", "Parquet"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PipelineConfigTests",
            dependencies: ["PipelineConfig", "VectorStore", "SECDocuments"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "Pipeline", "SECModel", "EDGARClient", "FilingParser", "VectorStore", "Codecs", "PipelineConfig",
                "SECDocuments", "Embedding", "EDGARTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Resources"],  // fictional EDGAR files, read from #filePath
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "Pipeline", "VectorStore", "SECDocuments", "Embedding", "FilingParser", "PipelineConfig", "SECModel",
                "VectorDBCLI", "Chunker", "Parquet",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RetrievalTests",
            dependencies: ["Retrieval", "VectorStore", "SECDocuments", "SECModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QueryServiceTests",
            dependencies: [
                "QueryService", "VectorStore", "SECDocuments", "SECModel", "Retrieval", "PipelineConfig",
                "VectorDBCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "TidyTests", swiftSettings: strictSettings),
    ]
)

// Benchmarks stay out of normal builds: `VECTORDB_BENCHMARKS=1 swift build -c release --product EmbedBench`.
if Context.environment["VECTORDB_BENCHMARKS"] != nil {
    package.targets.append(
        .executableTarget(
            name: "EmbedBench",
            dependencies: ["Embedding"],
            path: "Benchmarks/EmbedBench",
            swiftSettings: strictSettings
        )
    )
}
