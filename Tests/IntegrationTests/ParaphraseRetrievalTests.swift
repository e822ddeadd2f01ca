import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import Testing
import VectorStore

/// A question that shares almost no words with its answer: the native MiniLM model finds the 10-K's
/// risk factor on a sole foundry; the lexical hashing embedder, over the same filing
/// (chunked with its approximate token count), does not.
@Suite struct ParaphraseRetrievalTests {
    static let question = "How exposed is the chip designer to an outage at its sole manufacturing partner?"

    static func topHit(provider: String) async throws -> SearchHit? {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        definition.embedder.provider = provider
        definition.source.forms = ["10-K"]
        _ = try await PipelineRunner.make(definition: definition, dataRoot: root).run()
        let collection = try LocalStore(root: root).open(collection: definition.store.collection)
        return try await FixturesPipelineTests.search(collection, question, k: 1).first
    }

    @Test func miniLMFindsTheRiskFactorThatHashingMisses() async throws {
        let semantic = try #require(try await Self.topHit(provider: "minilm"))
        #expect(semantic.chunk?.citation.item == "1A")
        let lexical = try await Self.topHit(provider: "hashing")
        #expect(lexical?.chunk?.citation.item != "1A")
    }
}
