import Embedding
import Foundation
import Pipeline
import PipelineConfig
import Testing

/// Which embedder a pipeline file or a stored collection gets, and the errors when it cannot be built.
@Suite struct EmbedderFactoryTests {
    @Test func aMissingMiniLMDirectoryTellsTheUserToRunMakeDeps() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID())")
        let settings = PipelineDefinition.EmbedderSettings(provider: "minilm", dimension: 384, modelDirectory: missing)
        do {
            _ = try EmbedderFactory.make(settings)
            Issue.record("a missing model directory was accepted")
        } catch {
            #expect(error.description.contains("make deps"))
            #expect(error.description.contains(missing.path))
        }
    }

    @Test func hashingCollectionsStillGetTheHashingEmbedder() throws {
        let embedder = try EmbedderFactory.make(modelID: "hashing-unigram-bigram-384", dimension: 384)
        #expect(embedder is HashingEmbedder)
        #expect(throws: PipelineError.self) { try EmbedderFactory.make(modelID: "text-embedding-3", dimension: 1536) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Self.model.path), "needs make deps"))
    func miniLMCollectionsMapBackToMiniLM() throws {
        let settings = PipelineDefinition.EmbedderSettings(
            provider: "minilm",
            dimension: 384,
            modelDirectory: Self.model
        )
        let written = try EmbedderFactory.make(settings)
        #expect(written.modelID == EmbedderFactory.miniLMModelID)
        #expect(written.dimension == 384)
        let read = try EmbedderFactory.make(modelID: written.modelID, dimension: 384, modelDirectory: Self.model)
        #expect(read is MiniLMEmbedder)
        let wrongWidth = PipelineDefinition.EmbedderSettings(
            provider: "minilm",
            dimension: 768,
            modelDirectory: Self.model
        )
        #expect(throws: PipelineError.self) { try EmbedderFactory.make(wrongWidth) }
    }

    static let model = Support.repo.appendingPathComponent(".models/all-MiniLM-L6-v2")
}
