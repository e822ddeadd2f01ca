import ObjectStore
import ObjectStoreTestSupport
import Testing

/// S3ObjectStore behind `FaultProxy` on moto_server: transient faults are retried (counted in
/// requests, not timed), a truncated body is an error and never a short object, lost responses of
/// conditional writes resolve to success, large puts go multipart, and range batches run
/// concurrently. Backoffs are 1-2 ms so the suite stays fast.
@Suite(.motoServer) struct FaultProxyTests {
    static let retry = RetryPolicy(attemptsMax: 3, backoffBase: .milliseconds(1), throttleBackoffBase: .milliseconds(2))

    /// Runs `body` with a proxy in front of the suite's moto_server and a store on a new bucket.
    func withProxy(_ body: (FaultProxy, S3ObjectStore) async throws -> Void) async throws {
        guard let moto = MotoScope.server else { try Test.cancel(Comment(rawValue: MotoServer.missingMessage)) }
        let proxy = try await FaultProxy.start(upstream: moto.endpoint)
        let store = try await StoreFixture.makeS3Store(endpoint: proxy.endpoint, retry: Self.retry)
        do {
            try await body(proxy, store)
        } catch {
            await store.shutdown()
            await proxy.shutdown()
            throw error
        }
        await store.shutdown()
        await proxy.shutdown()
    }

    @Test(arguments: [
        FaultProxy.Fault.internalError, .slowDown, .reset, .truncatedBody, .status(502, code: "BadGateway"),
    ])
    func transientFaultsAreRetried(_ fault: FaultProxy.Fault) async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("faults/object")
            let bytes = StoreFixture.bytes(64 * 1024, seed: 11)
            try await store.put(key, bytes: bytes)
            proxy.resetCounts()
            proxy.inject(fault, method: .GET)
            #expect(try await store.get(key) == bytes)
            #expect(proxy.requestCount == 2)
            #expect(proxy.recorded.map(\.fault) == [fault, nil])
        }
    }

    @Test func aBodyTruncatedOnEveryAttemptIsAnErrorNotAShortObject() async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("faults/truncated")
            try await store.put(key, bytes: StoreFixture.bytes(10_000, seed: 12))
            proxy.resetCounts()
            proxy.inject(.truncatedBody, method: .GET, times: 10)
            let error = await #expect(throws: ObjectStoreError.self) { try await store.get(key, range: nil) }
            #expect(error?.code == .transient)
            #expect(error?.message.contains("after 3 attempts") == true)
            #expect(proxy.requestCount == 3)
            let range = ByteRange(offsetBytes: 100, lengthBytes: 5_000)
            proxy.resetCounts()
            proxy.inject(.truncatedBody, method: .GET, times: 10)
            await #expect(throws: ObjectStoreError.self) { try await store.get(key, range: range) }
            #expect(proxy.requestCount == 3)
        }
    }

    @Test func finalErrorsAreNotRetried() async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("faults/denied")
            proxy.inject(.status(403, code: "AccessDenied"))
            let denied = await #expect(throws: ObjectStoreError.self) { try await store.put(key, bytes: [1]) }
            #expect(denied?.code == .auth)
            #expect(denied?.location?.hasPrefix(proxy.endpoint) == true)
            #expect(proxy.requestCount == 1)
            proxy.resetCounts()
            let missing = await #expect(throws: ObjectStoreError.self) { try await store.head(key) }
            #expect(missing?.code == .notFound)
            #expect(proxy.requestCount == 1)
        }
    }

    @Test func aLostResponseOfPutIfAbsentResolvesToSuccess() async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("manifest/000001")
            proxy.inject(.resetAfterForwarding, method: .PUT)
            let written = try await store.put(key, bytes: Array("v1".utf8), condition: .ifAbsent)
            #expect(proxy.recorded.map(\.method) == ["PUT", "PUT", "HEAD"])
            #expect(try await store.head(key).etag == written.etag)
            let loser = await #expect(throws: ObjectStoreError.self) {
                try await store.put(key, bytes: Array("v2".utf8), condition: .ifAbsent)
            }
            #expect(loser?.code == .preconditionFailed, "without a retry, 412 is a lost race")
        }
    }

    @Test func largePutsGoMultipartWithStorageClass() async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("large/segment")
            let bytes = StoreFixture.bytes(StoreFixture.multipartThresholdBytes + 1, seed: 13)
            proxy.inject(.slowDown, method: .PUT)
            let written = try await store.put(
                key,
                bytes: bytes,
                condition: .ifAbsent,
                options: PutOptions(storageClass: .standardIA)
            )
            #expect(written.etag.rawValue.hasSuffix("-2"))
            let methods = proxy.recorded.map(\.method)
            #expect(methods.filter { $0 == "POST" }.count == 2, "create and complete: \(methods)")
            #expect(methods.filter { $0 == "PUT" }.count == 3, "two parts, one retried: \(methods)")
            #expect(proxy.recorded.first?.headers["x-amz-storage-class"] == "STANDARD_IA")
            #expect(proxy.recorded.last?.headers["if-none-match"] == "*", "the condition is checked at completion")
            #expect(try await store.get(key) == bytes)
        }
    }

    @Test func rangeBatchesRunConcurrently() async throws {
        try await withProxy { proxy, store in
            let key = try ObjectKey("ranges/clusters")
            let bytes = StoreFixture.bytes(8_000, seed: 14)
            try await store.put(key, bytes: bytes)
            proxy.setLatency(.milliseconds(150))
            proxy.resetCounts()
            let ranges = (0..<6).map { ByteRange(offsetBytes: $0 * 1_000, lengthBytes: 500) }
            let reads = try await store.get(key, ranges: ranges)
            #expect(reads.map(\.bytes) == ranges.map { Array(bytes[$0.offsetBytes..<$0.endBytes]) })
            #expect(proxy.requestCount == 6)
            #expect(proxy.inFlightMax >= 2, "the batch is one round trip, not six")
        }
    }
}
