import Chunker
import Embedding
import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import Testing
import VectorStore

/// A provider that answers with vectors of the wrong width stops the run before anything of the
/// filing reaches the collection or the cache.
@Suite struct EmbeddingValidationPipelineTests {
    struct ShortVectors: Embedder {
        var modelID: String { "short-vectors-16" }
        var dimension: Int { 16 }
        var maxInputTokens: Int { 512 }
        var batchSize: Int { 8 }
        func embed(documents: [String]) async throws(EmbeddingError) -> [[Float]] {
            documents.map { _ in [Float](repeating: 0.25, count: 15) }
        }
        func embed(queries: [String]) async throws(EmbeddingError) -> [[Float]] { try await embed(documents: queries) }
    }

    @Test func wrongDimensionWritesNothing() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        let embedder = ShortVectors()
        let collection = try LocalStore(root: root).openOrCreate(
            CollectionInfo(name: "bad_vectors", embeddingModel: embedder.modelID, dimension: embedder.dimension)
        )
        let cache = try EmbeddingCache(directory: root.appendingPathComponent("embedding-cache"))
        let runner = PipelineRunner(
            source: EDGARArchiveSource(root: try #require(definition.source.root), forms: [], ciks: []),
            archive: nil,
            chunker: try SectionChunker(counter: ApproximateTokenCounter()),
            embedder: embedder,
            collection: collection,
            cache: cache
        )
        let error = await #expect(throws: PipelineError.self) { _ = try await runner.run() }
        #expect(error?.stage == .embed)
        #expect(error?.description.contains("15 components") == true)
        #expect(await collection.count == 0)
        #expect(await cache.count == 0)
    }
}
