import ArgumentParser
import Foundation
import Logging
import Pipeline
import PipelineConfig

/// `vectordb run PIPELINE.toml`: ingest what a pipeline file describes.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a TOML pipeline: read filings, parse, chunk, embed and store them.",
        discussion: "The file is validated before anything is written; errors name the file, line and key."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The pipeline file, e.g. pipelines/fixtures.toml.", valueName: "pipeline.toml"))
    var pipelineFile: String

    func run() async throws {
        LogSetup.bootstrap(global)
        let logger = Logger(label: "vectordb.run")
        let definition: PipelineDefinition
        do {
            definition = try PipelineDefinition.load(path: pipelineFile)
        } catch {
            throw CLIFailure(error)
        }
        let started = ContinuousClock.now
        let report: RunReport
        do {
            report = try await global.withEngine(options: PipelineRunner.storeOptions(for: definition)) { engine in
                try await PipelineRunner.make(definition: definition, engine: engine, logger: logger).run()
            }
        } catch {
            throw CLIFailure(error)
        }
        let seconds = (ContinuousClock.now - started).seconds
        Terminal.write(
            "Pipeline '\(definition.name)': \(report.filingsIngested) filings + \(report.exhibitsIngested) exhibits"
                + (report.documentsSkipped > 0 ? " (\(report.documentsSkipped) unreadable exhibits skipped)" : "")
                + ", \(report.chunksWritten) chunks "
                + "(\(report.sourceBytes) source bytes) in \(String(format: "%.2f", seconds)) s; "
                + "collection '\(definition.store.collection)' in \(global.dataRoot.path) holds \(report.collectionCount) chunks."
                + " Embedding cache: \(report.embeddingCacheHits) hits, \(report.embeddingCacheMisses) misses (embedded)."
        )
    }
}
