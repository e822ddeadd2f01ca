import Embedding
import Foundation
import PipelineConfig
import VectorStore

/// Embeds questions for one collection with the model that wrote it, so `vectordb search` (and
/// the query service) need neither a pipeline file nor embedding code of their own.
public struct QueryEmbedder: Sendable {
    public let embedder: any Embedder

    /// A given embedder (the query service's tests pass one that waits for cancellation).
    public init(embedder: any Embedder) {
        self.embedder = embedder
    }

    /// The embedder the collection recorded (`EmbedderFactory.make(for:)`).
    ///
    /// - Parameter modelDirectory: `--model-dir`; `nil` looks in `ModelDirectoryLookup`'s order.
    /// - Throws: `PipelineError` (stage `embed`) as `EmbedderFactory.make(for:)`.
    public init(
        for info: CollectionInfo,
        modelDirectory: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineError) {
        embedder = try EmbedderFactory.make(for: info, modelDirectory: modelDirectory, environment: environment)
    }

    /// The embedder a pipeline's `[embedder]` table builds, which must be the collection's model.
    ///
    /// - Throws: `PipelineError` (stage `embed`): *conflict* when it is another model or dimension.
    public init(
        for info: CollectionInfo,
        settings: PipelineDefinition.EmbedderSettings,
        file: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PipelineError) {
        let embedder = try EmbedderFactory.make(settings, environment: environment)
        guard embedder.modelID == info.embeddingModel, embedder.dimension == info.dimension else {
            throw PipelineError(
                stage: .embed,
                subject: file,
                category: .conflict,
                message: "the collection was embedded with '\(info.embeddingModel)' (\(info.dimension) components), "
                    + "but \(file) configures '\(embedder.modelID)' (\(embedder.dimension) components)"
            )
        }
        self.embedder = embedder
    }

    /// The query vector of `question` (embedded as a query, which some models prefix differently).
    ///
    /// - Throws: `PipelineError` (stage `embed`) carrying the embedder's error, or *internal* when it
    ///   returns no vector of the collection's dimension.
    public func vector(for question: String) async throws(PipelineError) -> [Float] {
        let vectors: [[Float]]
        do {
            vectors = try await embedder.embed(queries: [question])
        } catch {
            throw PipelineError(stage: .embed, subject: nil, cause: error)
        }
        guard let vector = vectors.first, vector.count == embedder.dimension else {
            throw PipelineError(
                stage: .embed,
                subject: nil,
                category: .internal,
                message: "\(embedder.modelID) returned no \(embedder.dimension)-component vector for the question"
            )
        }
        return vector
    }

    /// Document vectors of `texts`, in order (`vectordb import` lines that carry text).
    ///
    /// - Throws: `PipelineError` (stage `embed`) carrying the embedder's error.
    public func documentVectors(for texts: [String]) async throws(PipelineError) -> [[Float]] {
        do {
            let vectors = try await embedder.embed(documents: texts)
            guard vectors.count == texts.count, vectors.allSatisfy({ $0.count == embedder.dimension }) else {
                throw PipelineError(
                    stage: .embed,
                    subject: nil,
                    category: .internal,
                    message: "\(embedder.modelID) returned \(vectors.count) vectors for \(texts.count) texts"
                )
            }
            return vectors
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(stage: .embed, subject: nil, wrapping: error)
        }
    }
}
