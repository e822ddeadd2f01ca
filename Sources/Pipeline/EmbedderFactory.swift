import Embedding
import Foundation
import PipelineConfig
import VectorStore

/// Builds the embedder a pipeline's `[embedder]` table names, or the one a collection recorded
/// (`EmbedderFactory+Record.swift`): one implementation for `run`, `search`, `chunk` and `import`.
public enum EmbedderFactory {
    /// The model id `MiniLMEmbedder` records for the default model directory.
    public static let miniLMModelID = "all-MiniLM-L6-v2"

    /// - Parameters:
    ///   - environment: where `api_key_env` and the model-directory variables are looked up (the
    ///     process environment by default).
    ///   - recordedModelDirectory: the directory a collection recorded, one of the places a MiniLM
    ///     model is looked for (`ModelDirectoryLookup`).
    /// - Throws: `PipelineError` (stage `embed`) for a provider this build does not have, a missing or
    ///   broken model directory, a `dimension` the model does not produce, or an unset API key variable.
    public static func make(
        _ settings: PipelineDefinition.EmbedderSettings,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        recordedModelDirectory: String? = nil
    ) throws(PipelineError) -> any Embedder {
        switch settings.provider {
        case "openai":
            return try openAI(settings, environment: environment)
        case "hashing":
            return HashingEmbedder(dimension: settings.dimension)
        case "minilm":
            guard let precision = MatrixPrecision(rawValue: settings.precision) else {
                throw PipelineError(
                    stage: .embed,
                    subject: nil,
                    category: .badInput,
                    message: "unknown precision '\(settings.precision)'; use auto, float32 or bfloat16"
                )
            }
            let lookup = ModelDirectoryLookup(
                explicit: settings.modelDirectory,
                recorded: recordedModelDirectory,
                environment: environment
            )
            let embedder = try miniLM(
                lookup: lookup,
                precision: precision,
                batchSize: settings.batchSize,
                threads: settings.threads
            )
            guard embedder.dimension == settings.dimension else {
                throw PipelineError(
                    stage: .embed,
                    subject: embedder.directory.path,
                    category: .badInput,
                    message: "the model produces \(embedder.dimension) components but [embedder] dimension is "
                        + "\(settings.dimension)"
                )
            }
            return embedder
        default:
            throw PipelineError(
                stage: .embed,
                subject: nil,
                category: .badInput,
                message: "unknown embedding provider '\(settings.provider)'"
            )
        }
    }

    /// Loads a MiniLM-style model directory: `directory` when given, else the first place of the
    /// default lookup (`ModelDirectoryLookup`) that exists.
    ///
    /// - Throws: `PipelineError` (stage `embed`) listing the places tried when none exists, or
    ///   carrying the `EmbeddingError` that names the broken file and tensor.
    public static func miniLM(
        directory: URL?,
        precision: MatrixPrecision = .automatic
    ) throws(PipelineError) -> MiniLMEmbedder {
        try miniLM(lookup: ModelDirectoryLookup(explicit: directory), precision: precision)
    }

    /// Loads the MiniLM-style model `lookup` finds.
    ///
    /// - Parameters:
    ///   - batchSize: texts per forward pass (`[embedder] batch_size`, default 32).
    ///   - threads: threads of one forward pass (`[embedder] threads`; default
    ///     `$VECTORDB_EMBED_WORKERS`, else the CPU count).
    public static func miniLM(
        lookup: ModelDirectoryLookup,
        precision: MatrixPrecision = .automatic,
        batchSize: Int? = nil,
        threads: Int? = nil
    ) throws(PipelineError) -> MiniLMEmbedder {
        let resolved = try lookup.resolve()
        do {
            return try MiniLMEmbedder(
                directory: resolved,
                batchSize: batchSize ?? 32,
                precision: precision,
                threads: threads
            )
        } catch {
            throw PipelineError(stage: .embed, subject: resolved.path, cause: error)
        }
    }
}
