import Embedding
import Pipeline
import PipelineConfig
import Testing

/// `provider = "openai"`: the key comes from the variable `api_key_env` names.
@Suite struct OpenAIEmbedderFactoryTests {
    private let settings = PipelineDefinition.EmbedderSettings(
        provider: "openai",
        dimension: 384,
        openAI: PipelineDefinition.OpenAISettings(
            baseURL: "http://127.0.0.1:9/",
            model: "text-embedding-3-small",
            apiKeyEnvironmentVariable: "VECTORDB_TEST_EMBED_KEY",
            dimensions: 512,
            batchSize: 100
        )
    )

    @Test func buildsTheProviderWithKeyDimensionsAndBatchSize() throws {
        let embedder = try EmbedderFactory.make(settings, environment: ["VECTORDB_TEST_EMBED_KEY": "sk-1"])
        let openAI = try #require(embedder as? OpenAICompatibleEmbedder)
        #expect(openAI.configuration.apiKey == "sk-1")
        #expect(openAI.configuration.endpoint == "http://127.0.0.1:9/v1/embeddings")
        #expect(openAI.dimension == 512)
        #expect(openAI.batchSize == 100)
        #expect(openAI.modelID == "openai:text-embedding-3-small:512")
    }

    @Test func anUnsetKeyVariableIsNamed() {
        do {
            _ = try EmbedderFactory.make(settings, environment: [:])
            Issue.record("an unset api_key_env variable was accepted")
        } catch {
            #expect(error.description.contains("VECTORDB_TEST_EMBED_KEY"))
        }
    }
}
