import Chunker
import Embedding
import Foundation
import Logging
import ObjectStore
import PipelineConfig
import SECModel
import VectorStore

extension PipelineRunner {
    /// Builds the runner a pipeline file describes, writing into the data directory `dataRoot`:
    /// the collection under `dataRoot/collections/`, raw documents under `dataRoot/raw/`, computed
    /// vectors under `dataRoot/embedding-cache/`.
    ///
    /// - Throws: `PipelineError` when the chunker settings are invalid or the collection cannot be
    ///   opened (for example, it holds vectors of another embedding model).
    public static func make(
        definition: PipelineDefinition,
        dataRoot: URL,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) throws(PipelineError) -> PipelineRunner {
        let embedder = try EmbedderFactory.make(definition.embedder)
        // Models with a token limit get chunks that fit it, so no chunk is embedded only in part.
        let tokenBudget = (embedder as? MiniLMEmbedder).map { miniLM in
            TokenBudget(maxTokens: miniLM.maxInputTokens) { miniLM.tokenCount($0) }
        }
        let chunker: FixedWindowChunker
        do {
            chunker = try FixedWindowChunker(
                maxChars: definition.chunker.maxChars,
                overlapChars: definition.chunker.overlapChars,
                tokenBudget: tokenBudget
            )
        } catch {
            throw PipelineError(stage: .chunk, subject: definition.file, message: error.description)
        }
        let schema: CollectionSchema
        if let schemaFile = definition.store.schemaFile {
            do {
                schema = try CollectionSchema.load(path: schemaFile.path, embedderDimension: embedder.dimension)
                try schema.checkHoldsSECChunks()
            } catch {
                throw PipelineError(stage: .store, subject: schemaFile.path, message: "\(error)")
            }
        } else {
            schema = .secFilings(dimension: embedder.dimension)
        }
        let collection: LocalCollection
        do {
            collection = try LocalStore(root: dataRoot, logger: logger).openOrCreate(
                CollectionInfo(name: definition.store.collection, embeddingModel: embedder.modelID, schema: schema)
            )
        } catch {
            throw PipelineError(stage: .store, subject: dataRoot.path, message: error.description)
        }
        let cache: EmbeddingCache?
        do {
            cache = try EmbeddingCache(directory: dataRoot.appendingPathComponent("embedding-cache"))
        } catch  where error.code == .busy {
            logger.warning("embedding without the cache", metadata: ["reason": "\(error)"])
            cache = nil
        } catch {
            throw PipelineError(stage: .embed, subject: error.file, message: error.description)
        }
        let forms = Set(definition.source.forms.map { FormType($0) })
        let ciks = Set(definition.source.ciks.compactMap { CIK(value: UInt64($0)) })
        let source: any FilingSource =
            definition.source.kind == "edgar-cache"
            ? EDGARCacheSource(root: definition.source.root, forms: forms, ciks: ciks)
            : EDGARArchiveSource(root: definition.source.root, forms: forms, ciks: ciks)
        return PipelineRunner(
            source: source,
            archive: RawArchive(store: FileSystemObjectStore(root: dataRoot)),
            chunker: chunker,
            embedder: embedder,
            collection: collection,
            cache: cache,
            logger: logger
        )
    }
}
