import Foundation
import Pipeline
import PipelineConfig
import Testing

/// Re-ingesting unchanged filings computes no new embedding: the second run is served from the cache.
@Suite struct EmbeddingCachePipelineTests {
    @Test func secondIngestOfTheFixturesEmbedsNothing() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        // The hashing provider keeps the test fast and independent of the downloaded model.
        definition.embedder = PipelineDefinition.EmbedderSettings(provider: "hashing", dimension: 384)
        definition.store.collection = "cache_test"
        let first = try await PipelineRunner.make(definition: definition, dataRoot: root).run()
        #expect(first.chunksWritten > 20)
        #expect(first.embeddingCacheHits + first.embeddingCacheMisses == first.chunksWritten)
        #expect(first.embeddingCacheMisses > 0)
        // --force: the ledger would skip every unchanged filing without embedding anything.
        let second = try await PipelineRunner.make(definition: definition, dataRoot: root).run(RunOptions(mode: .force))
        #expect(second.chunksWritten == first.chunksWritten)
        #expect(second.embeddingCacheMisses == 0)
        #expect(second.embeddingCacheHits == second.chunksWritten)
        #expect(second.collectionCount == first.collectionCount)
    }
}
