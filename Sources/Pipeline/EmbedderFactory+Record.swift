import Embedding
import Foundation
import PipelineConfig
import VectorStore

extension EmbedderFactory {
    /// What a collection records of the embedder `settings` built: provider, model id, dimension and
    /// every setting but secrets (the API key's variable *name*, never its value); a MiniLM model's
    /// directory as the absolute path it was loaded from.
    public static func record(
        of settings: PipelineDefinition.EmbedderSettings,
        embedder: any Embedder
    ) -> EmbedderRecord {
        var record = EmbedderRecord(
            provider: settings.provider,
            model: embedder.modelID,
            dimension: embedder.dimension,
            maxInputTokens: embedder.maxInputTokens == Int.max ? nil : embedder.maxInputTokens
        )
        if let miniLM = embedder as? MiniLMEmbedder {
            record.modelDirectory = miniLM.directory.standardizedFileURL.path
            record.precision = settings.precision
        }
        if let openAI = settings.openAI {
            record.baseURL = openAI.baseURL
            record.requestModel = openAI.model
            record.apiKeyEnvironmentVariable = openAI.apiKeyEnvironmentVariable
            record.requestedDimensions = openAI.dimensions
            record.batchSize = openAI.batchSize
            record.maxTokensPerBatch = openAI.maxTokensPerBatch
        }
        return record
    }

    /// The `[embedder]` settings that rebuild a recorded embedder; `modelDirectory`, when given,
    /// replaces the lookup of the MiniLM directory (`--model-dir`).
    public static func settings(
        of record: EmbedderRecord,
        modelDirectory: URL? = nil
    ) -> PipelineDefinition.EmbedderSettings {
        PipelineDefinition.EmbedderSettings(
            provider: record.provider,
            dimension: record.dimension,
            modelDirectory: modelDirectory,
            precision: record.precision ?? "auto",
            openAI: record.baseURL.map { baseURL in
                PipelineDefinition.OpenAISettings(
                    baseURL: baseURL,
                    model: record.requestModel ?? record.model,
                    apiKeyEnvironmentVariable: record.apiKeyEnvironmentVariable,
                    dimensions: record.requestedDimensions,
                    batchSize: record.batchSize ?? 256,
                    maxTokensPerBatch: record.maxTokensPerBatch ?? 100_000
                )
            }
        )
    }

    /// The record of a collection written before embedders were recorded, inferred from its model
    /// id: the hashing embedder and all-MiniLM-L6-v2 are recognised; `nil` for any other model.
    public static func inferredRecord(modelID: String, dimension: Int) -> EmbedderRecord? {
        if HashingEmbedder(dimension: max(16, dimension)).modelID == modelID {
            return EmbedderRecord(provider: "hashing", model: modelID, dimension: dimension)
        }
        if modelID == miniLMModelID {
            return EmbedderRecord(provider: "minilm", model: modelID, dimension: dimension)
        }
        return nil
    }

    /// Builds the embedder a collection recorded (or, for an older collection, the one its model id
    /// names), checked to produce the collection's model and dimension.
    ///
    /// - Parameters:
    ///   - modelDirectory: `--model-dir`: the only place a MiniLM model is looked for when given;
    ///     otherwise `ModelDirectoryLookup`'s order, the recorded directory third.
    /// - Throws: `PipelineError` (stage `embed`): *bad input* for a model this build cannot load,
    ///   *not found* listing the places tried for a missing model directory, *conflict* when the
    ///   model found is not the collection's.
    public static func make(
        for info: CollectionInfo,
        modelDirectory: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineError) -> any Embedder {
        guard
            let record = info.embedder
                ?? inferredRecord(modelID: info.embeddingModel, dimension: info.dimension)
                ?? (modelDirectory.map { _ in
                    EmbedderRecord(provider: "minilm", model: info.embeddingModel, dimension: info.dimension)
                })
        else {
            throw PipelineError(
                stage: .embed,
                subject: nil,
                category: .badInput,
                message: "the collection was embedded with '\(info.embeddingModel)', which this build cannot load "
                    + "(the collection records no embedder settings)"
            )
        }
        let embedder = try make(
            settings(of: record, modelDirectory: modelDirectory),
            environment: environment,
            recordedModelDirectory: record.modelDirectory
        )
        guard embedder.modelID == info.embeddingModel, embedder.dimension == info.dimension else {
            throw PipelineError(
                stage: .embed,
                subject: (embedder as? MiniLMEmbedder)?.directory.path,
                category: .conflict,
                message: "the collection was embedded with '\(info.embeddingModel)' (\(info.dimension) components), "
                    + "but this embedder is '\(embedder.modelID)' (\(embedder.dimension) components)"
            )
        }
        return embedder
    }

    /// Builds the embedder that wrote a collection from its model id alone (collections without a
    /// recorded embedder; prefer `make(for:)`).
    ///
    /// - Parameter modelDirectory: where to find a MiniLM-style model; `nil` looks in the default places.
    /// - Throws: `PipelineError` (stage `embed`) when this build cannot produce that model.
    public static func make(
        modelID: String,
        dimension: Int,
        modelDirectory: URL? = nil
    ) throws(PipelineError) -> any Embedder {
        let schema = CollectionSchema(
            primaryKey: "id",
            fields: [],
            vectors: [VectorFieldDefinition(name: "embedding", dimension: dimension, metric: .cosine)],
            textField: nil
        )
        return try make(
            for: CollectionInfo(name: "query", embeddingModel: modelID, schema: schema),
            modelDirectory: modelDirectory
        )
    }
}
