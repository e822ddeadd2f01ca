import Embedding
import PipelineConfig

/// Builds the embedder a pipeline's `[embedder]` table names.
public enum EmbedderFactory {
    /// - Throws: `PipelineError` (stage `embed`) for a provider this build does not have.
    public static func make(_ settings: PipelineDefinition.EmbedderSettings) throws(PipelineError) -> any Embedder {
        switch settings.provider {
        case "hashing":
            return HashingEmbedder(dimension: settings.dimension)
        default:
            throw PipelineError(
                stage: .embed,
                subject: nil,
                message: "unknown embedding provider '\(settings.provider)'"
            )
        }
    }
}

extension EmbedderFactory {
    /// Builds the embedder that wrote a collection, so queries are embedded the same way.
    ///
    /// - Throws: `PipelineError` (stage `embed`) when this build cannot produce that model.
    public static func make(modelID: String, dimension: Int) throws(PipelineError) -> any Embedder {
        let hashing = HashingEmbedder(dimension: max(16, dimension))
        guard hashing.modelID == modelID else {
            throw PipelineError(
                stage: .embed,
                subject: nil,
                message: "the collection was embedded with '\(modelID)', which this build cannot load"
            )
        }
        return hashing
    }
}
