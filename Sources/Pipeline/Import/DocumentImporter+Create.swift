import Foundation
import PipelineConfig
import VectorStore

extension DocumentImporter {
    /// The model id of collections whose vectors the caller gives (no embedder recorded).
    public static let externalModelID = "external"

    /// What a collection created by `vectordb import --schema` is: the schema file's fields and
    /// vectors and, with a pipeline's `[embedder]`, that embedder (recorded, so `text` lines and
    /// `vectordb search` can use it); without one, vectors come with the lines (`externalModelID`).
    ///
    /// - Throws: `PipelineError` carrying the `ConfigError` of a bad schema file, or the embedder's
    ///   error; *bad input* when the schema sizes a vector by the embedder and none is given.
    public static func collectionInfo(
        name: String,
        schemaFile: String,
        embedder settings: PipelineDefinition.EmbedderSettings?
    ) throws(PipelineError) -> CollectionInfo {
        let embedder = try settings.map { (settings) throws(PipelineError) in try EmbedderFactory.make(settings) }
        let schema: CollectionSchema
        do {
            schema = try CollectionSchema.load(path: schemaFile, embedderDimension: embedder?.dimension ?? 0)
        } catch {
            // Without an embedder, a vector sized `dimension = "embedder"` (or not sized) has no width.
            if embedder == nil, (try? CollectionSchema.load(path: schemaFile, embedderDimension: 1)) != nil {
                throw PipelineError(
                    stage: .store,
                    subject: schemaFile,
                    category: .badInput,
                    message: "a vector field takes the embedder's dimension; give it a number or name the "
                        + "embedder with --pipeline"
                )
            }
            throw PipelineError(stage: .store, subject: schemaFile, cause: error)
        }
        guard let embedder, let settings else {
            return CollectionInfo(name: name, embeddingModel: externalModelID, schema: schema)
        }
        return CollectionInfo(
            name: name,
            embeddingModel: embedder.modelID,
            schema: schema,
            embedder: EmbedderFactory.record(of: settings, embedder: embedder)
        )
    }
}
