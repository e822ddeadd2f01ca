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

    @Flag(
        name: .long,
        help: "Skip filings the collection's ledger holds unchanged (same source bytes and settings); the default."
    )
    var resume = false

    @Flag(name: .long, help: "Ingest every filing again, ignoring the ledger (old chunks are still replaced).")
    var force = false

    @Flag(
        name: .customLong("fail-fast"),
        help: "Stop at the first filing that fails instead of recording it and going on."
    )
    var failFast = false

    func validate() throws {
        if resume && force { throw ValidationError("--resume and --force exclude each other") }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let logger = Logger(label: "vectordb.run")
        let definition: PipelineDefinition
        do {
            definition = try PipelineDefinition.load(path: pipelineFile)
        } catch {
            throw CLIFailure(error)
        }
        let options = RunOptions(
            mode: force ? .force : .resume,
            failFast: failFast,
            crashHook: TestCrashHook(environment: ProcessInfo.processInfo.environment)
        )
        let started = ContinuousClock.now
        let report: RunReport
        do {
            report = try await global.withEngine(options: PipelineRunner.storeOptions(for: definition)) { engine in
                try await PipelineRunner.make(definition: definition, engine: engine, logger: logger).run(options)
            }
        } catch {
            throw CLIFailure(error)
        }
        let seconds = (ContinuousClock.now - started).seconds
        Terminal.write(
            "Pipeline '\(definition.name)': \(report.filingsIngested) filings + \(report.exhibitsIngested) exhibits"
                + (report.filingsUnchanged > 0 ? ", \(report.filingsUnchanged) unchanged filings skipped" : "")
                + (report.filingsFailedBefore > 0
                    ? ", \(report.filingsFailedBefore) filings that failed before skipped (--force retries)" : "")
                + (report.failures.isEmpty ? "" : ", \(report.failures.count) failed")
                + (report.documentsSkipped > 0 ? " (\(report.documentsSkipped) unreadable exhibits skipped)" : "")
                + ", \(report.chunksWritten) chunks "
                + "(\(report.sourceBytes) source bytes) in \(String(format: "%.2f", seconds)) s; "
                + "collection '\(definition.store.collection)' in \(global.dataRoot.path) holds \(report.collectionCount) chunks."
                + " Embedding cache: \(report.embeddingCacheHits) hits, \(report.embeddingCacheMisses) misses (embedded)."
                + (report.chunksDeleted > 0 ? " \(report.chunksDeleted) stale chunks deleted." : "")
        )
        for failure in report.failures {
            Terminal.write("Failed \(failure.accession): \(failure.reason)")
        }
        // Some filings failed, the others are stored: the status a script checks (docs/cli.md).
        if !report.failures.isEmpty { throw ExitCode(ExitStatus.partialFailure.rawValue) }
    }
}
