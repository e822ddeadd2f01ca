import AsyncHTTPClient
import Embedding
import Foundation
import NIOCore
import Pipeline
import QueryService
import Synchronization
import Testing

/// A search whose client goes away is cancelled (the embedder here never returns by itself, so
/// only that cancellation ends it), on a real connection to an in-process server.
@Suite struct CancellationTests {
    /// An embedder whose query embedding never ends by itself: it reports when it starts and when
    /// it is cancelled.
    final class WaitingEmbedder: Embedder, Sendable {
        let modelID = "hashing-unigram-bigram-32"
        let dimension = 32
        let maxInputTokens = Int.max
        let batchSize = 32
        let started = AsyncStream<Void>.makeStream()
        let cancelled = AsyncStream<Void>.makeStream()

        func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]] {
            documents.map { _ in [Float](repeating: 0.1, count: 32) }
        }

        func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]] {
            started.continuation.yield()
            let (never, _) = AsyncStream<Void>.makeStream()
            for await _ in never {}
            cancelled.continuation.yield()
            throw EmbeddingError(code: .transient, model: modelID, message: "cancelled")
        }
    }

    @Test func aSearchWhoseClientGoesAwayIsCancelled() async throws {
        let embedder = WaitingEmbedder()
        let stores = TenantStores(logger: .init(label: "test")) { _ in QueryEmbedder(embedder: embedder) }
        let harness = try ServiceHarness(configure: { $0.queryTimeoutMs = 600_000 }, stores: stores)
        try await harness.withClient(.live) { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            let port = try #require(client.port)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/v1/collections/notes/search")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer key-acme")
            request.body = .bytes(ByteBuffer(string: #"{"query": "foundry"}"#))
            let search = Task { try await HTTPClient.shared.execute(request, timeout: .seconds(600)) }
            var started = embedder.started.stream.makeAsyncIterator()
            _ = await started.next()
            #expect(harness.api.qos.activeQueries("acme") == 1)
            search.cancel()
            var cancelled = embedder.cancelled.stream.makeAsyncIterator()
            #expect(await cancelled.next() != nil)
            _ = try? await search.value
        }
    }
}
