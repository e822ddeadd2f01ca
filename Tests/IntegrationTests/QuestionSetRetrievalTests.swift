import Foundation
import Pipeline
import PipelineConfig
import SECDocuments
import Testing
import VectorStore

/// The fixtures' question set (`fixtures/questions.json`) with vectors alone: the native MiniLM ranks
/// the expected section first at least as often as the lexical hashing embedder, over the same chunks.
@Suite struct QuestionSetRetrievalTests {
    /// Questions whose expected (accession, item) is the top vector hit, with one provider.
    static func firstHits(provider: String) async throws -> (hits: Int, of: Int) {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var definition = try PipelineDefinition.load(path: Support.fixturesPipeline)
        definition.embedder.provider = provider
        _ = try await PipelineRunner.make(definition: definition, dataRoot: root).run()
        let collection = try LocalStore(root: root).open(collection: definition.store.collection)
        let data = try #require(
            FileManager.default.contents(atPath: Support.repo.appendingPathComponent("fixtures/questions.json").path)
        )
        let questions = try JSONDecoder().decode([FixturesPipelineTests.Question].self, from: data)
        var hits = 0
        for question in questions {
            let top = try await FixturesPipelineTests.search(collection, question.question, k: 1).first
            if top?.chunk?.citation.accession.description == question.accession,
                top?.chunk?.citation.item == question.item
            {
                hits += 1
            }
        }
        return (hits, questions.count)
    }

    @Test func miniLMRanksTheExpectedSectionFirstAtLeastAsOftenAsHashing() async throws {
        let semantic = try await Self.firstHits(provider: "minilm")
        let lexical = try await Self.firstHits(provider: "hashing")
        #expect(semantic.hits >= lexical.hits, "MiniLM \(semantic.hits), hashing \(lexical.hits) of \(semantic.of)")
        #expect(Double(semantic.hits) >= 0.6 * Double(semantic.of), "MiniLM \(semantic.hits) of \(semantic.of)")
    }
}
