import Embedding
import Foundation
import Synchronization
import Testing

/// The OpenAI-compatible provider against a fake server on 127.0.0.1: batching, base64, retries with
/// `Retry-After`, and rejection of bad answers. Sleeps are recorded, not taken.
@Suite struct OpenAICompatibleEmbedderTests {
    final class Sleeps: Sendable {
        let recorded = Mutex<[Duration]>([])
        var all: [Duration] { recorded.withLock { $0 } }
        func sleep(_ duration: Duration) async throws { recorded.withLock { $0.append(duration) } }
    }

    private func embedder(
        _ server: FakeEmbeddingsServer,
        batchSize: Int = 256,
        maxTokensPerBatch: Int = 100_000,
        requestedDimensions: Int? = nil,
        sleeps: Sleeps = Sleeps(),
        attemptsMax: Int = 4
    ) -> OpenAICompatibleEmbedder {
        OpenAICompatibleEmbedder(
            configuration: OpenAICompatibleConfiguration(
                baseURL: server.baseURL,
                model: "test-embed",
                apiKey: "sk-test",
                dimension: server.dimension,
                requestedDimensions: requestedDimensions,
                batchSize: batchSize,
                maxTokensPerBatch: maxTokensPerBatch,
                retry: EmbeddingRetryPolicy(attemptsMax: attemptsMax, baseDelay: .milliseconds(100))
            ),
            sleep: { try await sleeps.sleep($0) }
        )
    }

    private func texts(_ count: Int) -> [String] {
        (0..<count).map { "input number \($0) " + String(repeating: "x", count: $0) }
    }

    @Test func batchesByCountAndDecodesBase64InOrder() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 8)
        defer { Task { await server.shutdown() } }
        let inputs = texts(7)
        let vectors = try await embedder(server, batchSize: 3, requestedDimensions: 8).embed(documents: inputs)
        #expect(vectors == inputs.map(server.vector(for:)))
        let requests = server.requests
        #expect(requests.map(\.inputs.count) == [3, 3, 1])
        #expect(requests.allSatisfy { $0.path == "/v1/embeddings" && $0.authorization == "Bearer sk-test" })
        #expect(requests.first?.json["encoding_format"] as? String == "base64")
        #expect(requests.first?.json["model"] as? String == "test-embed")
        #expect(requests.first?.json["dimensions"] as? Int == 8)
    }

    @Test func batchesByApproximateTokenBudget() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        // 40-byte inputs estimate at 11 tokens each: three fit a budget of 35, the fourth does not.
        let inputs = (0..<5).map { String(repeating: "\($0)", count: 40) }
        _ = try await embedder(server, maxTokensPerBatch: 35).embed(documents: inputs)
        #expect(server.requests.map(\.inputs.count) == [3, 2])
    }

    @Test func acceptsFloatArraysFromServersThatIgnoreBase64() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        server.script(.floatArrays)
        let vectors = try await embedder(server).embed(queries: ["a query"])
        #expect(vectors == [server.vector(for: "a query")])
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        server.script(.status(429, retryAfter: "7"))
        let sleeps = Sleeps()
        let vectors = try await embedder(server, sleeps: sleeps).embed(documents: ["one", "two"])
        #expect(vectors.count == 2)
        #expect(sleeps.all == [.seconds(7)])
        #expect(server.requests.count == 2)
    }

    @Test func serverErrorThenSuccessRetriesWithBackoff() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        server.script(.status(500, retryAfter: nil), .status(503, retryAfter: nil))
        let sleeps = Sleeps()
        let vectors = try await embedder(server, sleeps: sleeps).embed(documents: ["one"])
        #expect(vectors == [server.vector(for: "one")])
        #expect(sleeps.all == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func retriesRunningOutIsTransientNamingProviderAndBatch() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        // Batch 0 succeeds; batch 1 meets two 503s, all the attempts the policy allows.
        server.script(.floatArrays, .status(503, retryAfter: nil), .status(503, retryAfter: nil))
        let error = await #expect(throws: EmbeddingError.self) {
            _ = try await embedder(server, batchSize: 1, attemptsMax: 2).embed(documents: ["a", "b"])
        }
        #expect(error?.code == .transient)
        #expect(error?.batchIndex == 1)
        #expect(error?.provider?.contains(server.baseURL) == true)
        #expect(error?.description.contains("batch 1") == true)
        #expect(server.requests.count == 3)
    }

    @Test(arguments: [
        FakeEmbeddingsServer.Reply.wrongDimension, .wrongCount, .notANumber, .malformedJSON,
        .status(400, retryAfter: nil),
    ])
    func badAnswersArePermanentErrors(reply: FakeEmbeddingsServer.Reply) async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        server.script(reply)
        let error = await #expect(throws: EmbeddingError.self) {
            _ = try await embedder(server).embed(documents: ["one", "two"])
        }
        #expect(error?.code == .permanent)
        #expect(error?.batchIndex == 0)
        #expect(server.requests.count == 1)
    }

    @Test func emptyInputIsBadInputNamingIt() async throws {
        let server = try await FakeEmbeddingsServer.start(dimension: 4)
        defer { Task { await server.shutdown() } }
        let error = await #expect(throws: EmbeddingError.self) {
            _ = try await embedder(server).embed(documents: ["fine", "  \n"])
        }
        #expect(error?.code == .badInput)
        #expect(error?.inputIndex == 1)
        #expect(server.requests.isEmpty)
    }
}
