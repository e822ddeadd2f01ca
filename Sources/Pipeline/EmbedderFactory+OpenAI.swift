import Embedding
import PipelineConfig

extension EmbedderFactory {
    /// The `openai` provider: an OpenAI-compatible endpoint, its key read from the variable
    /// `api_key_env` names.
    ///
    /// - Throws: `PipelineError` (stage `embed`) when the settings are missing or the key variable is
    ///   named but unset.
    static func openAI(
        _ settings: PipelineDefinition.EmbedderSettings,
        environment: [String: String]
    ) throws(PipelineError) -> OpenAICompatibleEmbedder {
        guard let openAI = settings.openAI else {
            throw PipelineError(
                stage: .embed,
                subject: nil,
                category: .badInput,
                message: "the openai provider needs base_url and model"
            )
        }
        var apiKey: String?
        if let variable = openAI.apiKeyEnvironmentVariable {
            guard let value = environment[variable], !value.isEmpty else {
                throw PipelineError(
                    stage: .embed,
                    subject: openAI.baseURL,
                    category: .badInput,
                    message: "the environment variable \(variable) (api_key_env) is not set"
                )
            }
            apiKey = value
        }
        return OpenAICompatibleEmbedder(
            configuration: OpenAICompatibleConfiguration(
                baseURL: openAI.baseURL,
                model: openAI.model,
                apiKey: apiKey,
                dimension: openAI.dimensions ?? settings.dimension,
                requestedDimensions: openAI.dimensions,
                batchSize: openAI.batchSize,
                maxTokensPerBatch: openAI.maxTokensPerBatch
            )
        )
    }
}
