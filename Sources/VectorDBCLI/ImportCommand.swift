import ArgumentParser
import Foundation
import Pipeline
import PipelineConfig
import VectorStore

/// `vectordb import FILE.jsonl --collection C`: bulk upsert of your own documents.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Upsert documents from a JSON Lines file into a collection, in batches.",
        discussion: """
            One JSON object per line: {"id": "...", "fields": {...}, "vector": [...]} or "text": "..." instead of
            the vector (embedded with the collection's recorded embedder). A bad line is named with its line and
            field; its batch is not written, earlier batches stay (the message says how many lines). A file whose
            vectors have another dimension than the collection's is refused before anything is written.
            Format: docs/import-export.md.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The JSON Lines file.", valueName: "file.jsonl"))
    var file: String

    @Option(name: .long, help: "The collection to upsert into (it must exist, unless --schema creates it).")
    var collection: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A collection schema file (like config/sec-collection.toml): create the collection when it does not exist.",
            valueName: "file"
        )
    )
    var schema: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --schema: the pipeline file whose [embedder] the new collection records (for text lines).",
            valueName: "file"
        )
    )
    var pipeline: String?

    @Option(name: .long, help: "Lines per batch (one atomic store write), 1-\(DocumentImporter.batchSizeMax).")
    var batch = 1_000

    @Option(
        name: .long,
        help: ArgumentHelp("MiniLM-style model directory for text lines (docs/cli.md).", valueName: "dir")
    )
    var modelDir: String?

    func validate() throws {
        guard (1...DocumentImporter.batchSizeMax).contains(batch) else {
            throw ValidationError("--batch must be in 1...\(DocumentImporter.batchSizeMax)")
        }
        guard pipeline == nil || schema != nil else { throw ValidationError("--pipeline needs --schema") }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let modelDirectory = modelDir.map { URL(fileURLWithPath: $0) }
        let started = ContinuousClock.now
        let info = try schema.map { (file) throws in
            try DocumentImporter.collectionInfo(
                name: collection,
                schemaFile: file,
                embedder: try pipeline.map { try PipelineDefinition.load(path: $0).embedder }
            )
        }
        let result = try await global.withEngine { engine in
            let target: LocalCollection
            if let info {
                target = try await engine.openOrCreate(info)
            } else {
                target = try await engine.collection(collection)
            }
            let importer = DocumentImporter(collection: target, batchSize: batch) {
                (info) throws(PipelineError) in try QueryEmbedder(for: info, modelDirectory: modelDirectory)
            }
            return try await importer.run(path: file) { progress in
                Terminal.writeError(
                    "imported \(progress.linesImported) lines (\(progress.batchesWritten) batches, "
                        + "\(progress.linesEmbedded) embedded)"
                )
            }
        }
        let seconds = (ContinuousClock.now - started).seconds
        Terminal.write(
            "Imported \(result.linesImported) documents into '\(collection)' in \(result.batchesWritten) batches "
                + "(\(result.linesEmbedded) embedded from text) in \(String(format: "%.2f", seconds)) s."
        )
    }
}
