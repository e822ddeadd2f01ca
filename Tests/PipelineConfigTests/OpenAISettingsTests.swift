import PipelineConfig
import Testing

/// The `[embedder]` keys of `provider = "openai"`.
@Suite struct OpenAISettingsTests {
    private func parse(_ text: String) throws(ConfigError) -> PipelineDefinition {
        try PipelineDefinition.parse("[source]\nroot = \"x\"\n[embedder]\n" + text, file: "/tmp/p/test.toml")
    }

    @Test func everyKeyIsRead() throws {
        let definition = try parse(
            """
            provider = "openai"
            base_url = "http://127.0.0.1:8000"
            model = "bge-small"
            api_key_env = "EMBED_KEY"
            dimensions = 256
            batch_size = 64
            max_tokens_per_batch = 8000
            """
        )
        let openAI = try #require(definition.embedder.openAI)
        #expect(openAI.baseURL == "http://127.0.0.1:8000")
        #expect(openAI.model == "bge-small")
        #expect(openAI.apiKeyEnvironmentVariable == "EMBED_KEY")
        #expect(openAI.dimensions == 256)
        #expect(openAI.batchSize == 64)
        #expect(openAI.maxTokensPerBatch == 8_000)
        #expect(definition.embedder.dimension == 256)
    }

    @Test func defaultsAndRequiredKeys() throws {
        let definition = try parse("provider = \"openai\"\nbase_url = \"https://api.openai.com\"\nmodel = \"m\"\n")
        #expect(definition.embedder.openAI?.batchSize == 256)
        #expect(definition.embedder.openAI?.dimensions == nil)
        #expect(definition.embedder.dimension == 384)
        #expect(throws: ConfigError.self) { try parse("provider = \"openai\"\nmodel = \"m\"\n") }
        #expect(throws: ConfigError.self) { try parse("provider = \"openai\"\nbase_url = \"https://x\"\n") }
        #expect(throws: ConfigError.self) {
            try parse("provider = \"openai\"\nbase_url = \"ftp://x\"\nmodel = \"m\"\n")
        }
    }

    @Test func limitsAndMisplacedKeysAreRejected() {
        let base = "provider = \"openai\"\nbase_url = \"https://x\"\nmodel = \"m\"\n"
        #expect(throws: ConfigError.self) { try parse(base + "batch_size = 4096\n") }
        do {
            _ = try parse("provider = \"hashing\"\nbase_url = \"https://x\"\n")
            Issue.record("base_url with the hashing provider was accepted")
        } catch {
            #expect(error.key == "embedder.base_url")
        }
    }
}
