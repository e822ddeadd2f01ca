import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Pipeline
import PipelineConfig
import Testing
import VectorStore

@testable import QueryService

/// The gRPC API's QoS, deadlines and status mapping, and the real `vectordb serve --grpc-port`.
@Suite struct GRPCOperationsTests {
    @Test func overTheRateIsResourceExhaustedWithRetryAfter() async throws {
        let tenants = [
            TenantSettings(name: "acme", keySHA256: [ServiceHarness.hash("key-acme")], ratePerSecond: 0.01, burst: 2)
        ]
        try await ServiceHarness(tenants: tenants).withGRPCClient { client in
            let metadata = ServiceHarness.metadata()
            let list = Vectordb_V1_ListCollectionsRequest()
            _ = try await client.listCollections(list, metadata: metadata)
            _ = try await client.listCollections(list, metadata: metadata)
            do {
                _ = try await client.listCollections(list, metadata: metadata)
                Issue.record("the third call was admitted")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
                #expect(GRPCCall.first("error-code", error.metadata) == "rate_limited")
                #expect(GRPCCall.first("retry-after", error.metadata).flatMap { Int($0) }.map { $0 >= 1 } == true)
                #expect(GRPCCall.first("x-request-id", error.metadata)?.isEmpty == false)
            }
        }
    }

    @Test func theCallersDeadlineCancelsTheSearch() async throws {
        let embedder = CancellationTests.WaitingEmbedder()
        let stores = TenantStores(logger: .init(label: "test")) { _ in QueryEmbedder(embedder: embedder) }
        let harness = try ServiceHarness(configure: { $0.queryTimeoutMs = 600_000 }, stores: stores)
        try await harness.withGRPCClient { client in
            let metadata = ServiceHarness.metadata()
            _ = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: metadata)
            var options = CallOptions.defaults
            options.timeout = .milliseconds(500)
            let search = GRPCFixtures.search(query: "foundry")
            let outcome = await status { try await client.search(search, metadata: metadata, options: options) }
            #expect(outcome.code == .deadlineExceeded)
            // The server's search was cancelled too (the embedder never returns by itself).
            var cancelled = embedder.cancelled.stream.makeAsyncIterator()
            #expect(await cancelled.next() != nil)
        }
    }

    @Test func aSearchRunsUnderTheSoonerOfTheCallersDeadlineAndTheQueryTimeout() async throws {
        let embedder = CancellationTests.WaitingEmbedder()
        let stores = TenantStores(logger: .init(label: "test")) { _ in QueryEmbedder(embedder: embedder) }
        let harness = try ServiceHarness(configure: { $0.queryTimeoutMs = 600_000 }, stores: stores)
        defer { try? FileManager.default.removeItem(at: harness.directory) }
        let caller = try #require(harness.mode.caller(authorization: "Bearer key-acme"))
        _ = try await harness.api.createCollection(try CreateCollectionBody(GRPCFixtures.createNotes()), caller: caller)
        let body = SearchBody(GRPCFixtures.search(query: "foundry"))
        await #expect(
            throws: APIError(
                .gatewayTimeout,
                code: "deadline_exceeded",
                message: "the search ran over its deadline of 0.001 seconds"
            )
        ) {
            _ = try await harness.api.searchLimited(
                body,
                collection: "notes",
                caller: caller,
                timeout: .milliseconds(1)
            ) { try await $0() }
        }
        #expect(harness.api.qos.activeQueries("acme") == 0)
        await harness.api.stores.shutdown()
        #expect(GRPCTimeout.duration("250m") == .milliseconds(250))
        #expect(GRPCTimeout.duration("3S") == .seconds(3))
        #expect(GRPCTimeout.duration("1H") == .seconds(3_600))
        #expect(GRPCTimeout.duration("99999999n") == .nanoseconds(99_999_999))
        #expect(GRPCTimeout.duration("123456789S") == nil)
        #expect(GRPCTimeout.duration("5x") == nil)
        #expect(GRPCTimeout.duration("m") == nil)
    }

    @Test func errorsMapToTheirGRPCCodesInOnePlace() {
        let cases: [(any Error, RPCError.Code)] = [
            (APIError.badInput("x"), .invalidArgument),
            (APIError.malformedJSON("x"), .invalidArgument),
            (APIError.unauthenticated, .unauthenticated),
            (APIError(.forbidden, code: "forbidden", message: "x"), .permissionDenied),
            (APIError.noCollection("x"), .notFound),
            (StoreError(code: .notFound, message: "x"), .notFound),
            (StoreError(code: .conflict, message: "x"), .alreadyExists),
            (StoreError(code: .badInput, message: "x"), .invalidArgument),
            (StoreError(code: .io, message: "x"), .unavailable),
            (StoreError(code: .corruption, message: "x"), .dataLoss),
            (StoreError(code: .internal, message: "x"), .internalError),
            (APIError(.tooManyRequests, code: "rate_limited", message: "x", retryAfterSeconds: 2), .resourceExhausted),
            (APIError(.contentTooLarge, code: "payload_too_large", message: "x"), .resourceExhausted),
            (CancellationError(), .cancelled),
            (APIError(.gatewayTimeout, code: "deadline_exceeded", message: "x"), .deadlineExceeded),
        ]
        for (error, code) in cases {
            #expect(APIError.from(error).rpcCode == code, "\(error)")
        }
        let limited = APIError(.tooManyRequests, code: "rate_limited", message: "slow down", retryAfterSeconds: 2)
            .rpcError(requestID: "r-1")
        #expect(limited.code == .resourceExhausted && limited.message == "slow down")
        #expect(GRPCCall.first("retry-after", limited.metadata) == "2")
        #expect(GRPCCall.first("error-code", limited.metadata) == "rate_limited")
        #expect(GRPCCall.first("x-request-id", limited.metadata) == "r-1")
    }

    @Test func theServeBinaryServesGRPCBesideHTTP() async throws {
        let (directory, config) = try LiveServerTests.configure()
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try LiveServer(["--config", config, "--grpc-port", "0"])
        defer { server.stop() }
        let line = try #require(await server.line(containing: ": grpc listening host="), "\(server.running)")
        let port = try #require(
            line.split(separator: " ").first { $0.hasPrefix("port=") }.flatMap { Int($0.dropFirst(5)) }
        )
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: port),
            transportSecurity: .plaintext
        )
        let metadata: Metadata = ["authorization": "Bearer \(LiveServerTests.key)"]
        let hits = try await withGRPCClient(transport: transport) { grpc in
            let client = Vectordb_V1_VectorDB.Client(wrapping: grpc)
            _ = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: metadata)
            _ = try await client.upsertDocuments(GRPCFixtures.threeNotes(), metadata: metadata)
            return try await client.search(GRPCFixtures.search(query: "cybersecurity incident"), metadata: metadata)
                .hits.map(\.id)
        }
        #expect(hits.first == "n3")
        // The HTTP API of the same process sees the collection gRPC created.
        let listed = try await LiveServerTests.send(
            LiveServerTests.request(.GET, "http://127.0.0.1:\(try #require(await server.port()))/v1/collections")
        )
        #expect(listed.status == 200 && listed.body.contains(#""name":"notes""#))
        server.terminate()
        #expect(await server.exitStatus() == 0)
    }
}
