extension PipelineDefinition {
    /// The `openai` keys of `[embedder]`: required for that provider, refused for the others.
    ///
    /// - Throws: `ConfigError` naming the file, line and key.
    static func openAISettings(_ table: TableReader, provider: String) throws(ConfigError) -> OpenAISettings? {
        guard provider == "openai" else {
            // `batch_size` is the minilm provider's too.
            for key in openAIKeys.sorted()
            where table.entries[key] != nil && !(key == "batch_size" && provider == "minilm") {
                throw table.error(.invalidValue, key, "only the openai provider reads '\(key)'")
            }
            return nil
        }
        guard let baseURL = try table.string("base_url") else {
            throw table.error(
                .invalidValue,
                "base_url",
                "the openai provider needs base_url, e.g. https://api.openai.com"
            )
        }
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw table.error(.invalidValue, "base_url", "'\(baseURL)' must start with http:// or https://")
        }
        guard let model = try table.string("model") else {
            throw table.error(.invalidValue, "model", "the openai provider needs model, e.g. text-embedding-3-small")
        }
        return OpenAISettings(
            baseURL: baseURL,
            model: model,
            apiKeyEnvironmentVariable: try table.string("api_key_env"),
            dimensions: try table.integer("dimensions", in: 16...4_096),
            batchSize: try table.integer("batch_size", in: 1...2_048) ?? 256,
            maxTokensPerBatch: try table.integer("max_tokens_per_batch", in: 1...10_000_000) ?? 100_000
        )
    }
}
