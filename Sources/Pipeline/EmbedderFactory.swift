import Embedding
import Foundation
import PipelineConfig

/// Builds the embedder a pipeline's `[embedder]` table names.
public enum EmbedderFactory {
    /// The model id `MiniLMEmbedder` records for the default model directory.
    public static let miniLMModelID = "all-MiniLM-L6-v2"

    /// - Parameter environment: where `api_key_env` is looked up (the process environment by default).
    /// - Throws: `PipelineError` (stage `embed`) for a provider this build does not have, a missing or
    ///   broken model directory, a `dimension` the model does not produce, or an unset API key variable.
    public static func make(
        _ settings: PipelineDefinition.EmbedderSettings,
        environment: [String: String] = ProcessInfo.processInfo.environment
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
                    message: "unknown precision '\(settings.precision)'; use auto, float32 or bfloat16"
                )
            }
            let embedder = try miniLM(directory: settings.modelDirectory, precision: precision)
            guard embedder.dimension == settings.dimension else {
                throw PipelineError(
                    stage: .embed,
                    subject: embedder.directory.path,
                    message: "the model produces \(embedder.dimension) components but [embedder] dimension is "
                        + "\(settings.dimension)"
                )
            }
            return embedder
        default:
            throw PipelineError(
                stage: .embed,
                subject: nil,
                message: "unknown embedding provider '\(settings.provider)'"
            )
        }
    }

    /// Loads a MiniLM-style model directory, by default `.models/all-MiniLM-L6-v2` in the current
    /// directory.
    ///
    /// - Throws: `PipelineError` (stage `embed`) telling the user to run `make deps` when the directory
    ///   is missing, or carrying the `EmbeddingError` that names the broken file and tensor.
    public static func miniLM(
        directory: URL?,
        precision: MatrixPrecision = .automatic
    ) throws(PipelineError) -> MiniLMEmbedder {
        let resolved =
            directory
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent(MiniLMEmbedder.defaultDirectory)
        guard FileManager.default.fileExists(atPath: resolved.path) else {
            throw PipelineError(
                stage: .embed,
                subject: resolved.path,
                message: "the MiniLM model directory does not exist; run `make deps` to download all-MiniLM-L6-v2 "
                    + "(or set [embedder] model_dir)"
            )
        }
        do {
            return try MiniLMEmbedder(directory: resolved, precision: precision)
        } catch {
            throw PipelineError(stage: .embed, subject: resolved.path, message: error.description)
        }
    }
}

extension EmbedderFactory {
    /// Builds the embedder that wrote a collection, so queries are embedded the same way.
    ///
    /// - Parameter modelDirectory: where to find a MiniLM-style model; `nil` means the default
    ///   directory, which serves collections written by `all-MiniLM-L6-v2`.
    /// - Throws: `PipelineError` (stage `embed`) when this build cannot produce that model.
    public static func make(
        modelID: String,
        dimension: Int,
        modelDirectory: URL? = nil
    ) throws(PipelineError) -> any Embedder {
        let hashing = HashingEmbedder(dimension: max(16, dimension))
        if hashing.modelID == modelID { return hashing }
        if modelID == miniLMModelID || modelDirectory != nil {
            let embedder = try miniLM(directory: modelDirectory)
            guard embedder.modelID == modelID, embedder.dimension == dimension else {
                throw PipelineError(
                    stage: .embed,
                    subject: embedder.directory.path,
                    message: "the collection was embedded with '\(modelID)' (\(dimension) components), but this "
                        + "directory holds '\(embedder.modelID)' (\(embedder.dimension) components)"
                )
            }
            return embedder
        }
        throw PipelineError(
            stage: .embed,
            subject: nil,
            message: "the collection was embedded with '\(modelID)', which this build cannot load"
        )
    }
}
