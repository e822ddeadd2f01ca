import Chunker
import Embedding
import FilingParser
import Foundation
import Logging
import ObjectStore
import PipelineConfig
import SECDocuments
import SECModel
import VectorStore

extension PipelineRunner {
    /// The storage tuning a pipeline's `[store]` table sets (for the engine the run writes through).
    public static func storeOptions(for definition: PipelineDefinition) -> StoreOptions {
        StoreOptions(
            segmentCodec: definition.store.codec,
            compactionBytesPerSecond: definition.store.compactionBytesPerSecond
        )
    }

    /// Builds the runner a pipeline file describes, writing into the data directory `dataRoot`
    /// through an engine of its own (`make(definition:engine:)` shares one).
    public static func make(
        definition: PipelineDefinition,
        dataRoot: URL,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) async throws(PipelineError) -> PipelineRunner {
        let engine = StoreEngine(root: dataRoot, options: storeOptions(for: definition), logger: logger)
        return try await make(definition: definition, engine: engine, logger: logger)
    }

    /// Builds the runner a pipeline file describes, writing through `engine` into its data
    /// directory: the collection under `collections/` (its embedder recorded in `collection.json`),
    /// raw documents under `raw/`, computed vectors under `embedding-cache/`; the collection's
    /// ingestion ledger checkpoints the run.
    ///
    /// - Throws: `PipelineError` when the chunker settings are invalid (or ask for longer chunks than
    ///   the model reads) or the collection cannot be opened (for example, it holds vectors of another
    ///   embedding model: *conflict*).
    public static func make(
        definition: PipelineDefinition,
        engine: StoreEngine,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) async throws(PipelineError) -> PipelineRunner {
        let dataRoot = engine.root
        let source = try makeFilingSource(definition.source, file: definition.file, dataRoot: dataRoot)
        return try await make(definition: definition, engine: engine, source: source, logger: logger)
    }

    /// Builds the runner a pipeline file describes over `source` (a scheduler tick's daily walk)
    /// instead of the one its `[source]` table names; otherwise as `make(definition:engine:logger:)`.
    public static func make(
        definition: PipelineDefinition,
        engine: StoreEngine,
        source: any FilingSource,
        logger: Logger = Logger(label: "vectordb.pipeline")
    ) async throws(PipelineError) -> PipelineRunner {
        let dataRoot = engine.root
        let embedder = try EmbedderFactory.make(definition.embedder)
        let chunker = try FilingChunker(definition: definition, embedder: embedder).chunker
        let schema: CollectionSchema
        if let schemaFile = definition.store.schemaFile {
            do {
                schema = try CollectionSchema.load(path: schemaFile.path, embedderDimension: embedder.dimension)
                try schema.checkHoldsSECChunks()
            } catch {
                throw PipelineError(stage: .store, subject: schemaFile.path, wrapping: error)
            }
        } else {
            schema = .secFilings(dimension: embedder.dimension)
        }
        let collection: LocalCollection
        do {
            collection = try await engine.openOrCreate(
                CollectionInfo(
                    name: definition.store.collection,
                    embeddingModel: embedder.modelID,
                    schema: schema,
                    embedder: EmbedderFactory.record(of: definition.embedder, embedder: embedder)
                )
            )
        } catch {
            throw PipelineError(stage: .store, subject: dataRoot.path, cause: error)
        }
        let ledger: IngestionLedger
        do {
            ledger = try await collection.ingestionLedger()
        } catch {
            throw PipelineError(stage: .store, subject: dataRoot.path, cause: error, message: "ledger")
        }
        let cache: EmbeddingCache?
        do {
            cache = try EmbeddingCache(directory: dataRoot.appendingPathComponent("embedding-cache"))
        } catch  where error.code == .busy {
            logger.warning("embedding without the cache", metadata: ["reason": "\(error)"])
            cache = nil
        } catch {
            throw PipelineError(stage: .embed, subject: error.file, wrapping: error)
        }
        return PipelineRunner(
            source: source,
            archive: RawArchive(store: FileSystemObjectStore(root: dataRoot)),
            parser: HTMLFilingParser(maxInputBytes: definition.parse.maxInputBytes),
            chunker: chunker,
            embedder: embedder,
            collection: collection,
            cache: cache,
            ledger: ledger,
            name: definition.name,
            logger: logger
        )
    }
}
