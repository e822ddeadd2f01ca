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

    @Flag(
        name: .customLong("dry-run"),
        help: "Validate the file and print the plan (source, selection, stages, collection); touch no network or store."
    )
    var dryRun = false

    @Flag(name: .long, help: "With --dry-run: also list the filings the source offers (a remote source is asked).")
    var list = false

    @Option(
        name: .long,
        help: "Progress on stderr: auto (a live line on a terminal, log records otherwise), line, log, json or none."
    )
    var progress: RunProgressDisplay.Style = .auto

    func validate() throws {
        if resume && force { throw ValidationError("--resume and --force exclude each other") }
        if list && !dryRun { throw ValidationError("--list goes with --dry-run") }
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
        if dryRun {
            try await printPlan(definition)
            return
        }
        let display = RunProgressDisplay(style: progress)
        let options = RunOptions(
            mode: force ? .force : .resume,
            failFast: failFast,
            crashHook: TestCrashHook(environment: ProcessInfo.processInfo.environment)
        )
        let started = ContinuousClock.now
        let report: RunReport
        do {
            report = try await global.withEngine(options: PipelineRunner.storeOptions(for: definition)) { engine in
                let runner = try await PipelineRunner.make(definition: definition, engine: engine, logger: logger)
                // An EDGAR source holds an HTTP client: shut it down whether the run ends or fails.
                let edgar = runner.source as? EDGARFilingSource
                do {
                    let report = try await runner.run(options, progress: display)
                    await edgar?.shutdown()
                    return report
                } catch {
                    await edgar?.shutdown()
                    throw error
                }
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
        Terminal.write(
            "Stage busy time (overlapped): read+parse+chunk "
                + String(
                    format: "%.2f s, embed %.2f s, write %.2f s.",
                    Double(report.readAndChunkMs) / 1_000,
                    Double(report.embedMs) / 1_000,
                    Double(report.writeMs) / 1_000
                )
        )
        for failure in report.failures {
            Terminal.write("Failed \(failure.accession): \(failure.reason)")
        }
        // Some filings failed, the others are stored: the status a script checks (docs/cli.md).
        if !report.failures.isEmpty { throw ExitCode(ExitStatus.partialFailure.rawValue) }
    }
}

extension RunCommand {
    /// `--dry-run`: the plan, and with `--list` the filings the source offers.
    func printPlan(_ definition: PipelineDefinition) async throws {
        for line in RunPlan(definition: definition, dataRoot: global.dataRoot).lines { Terminal.write(line) }
        guard list else { return }
        let filings: [SourceFiling]
        do {
            filings = try await makeFilingSource(
                definition.source,
                file: definition.file,
                dataRoot: global.dataRoot
            ).filings()
        } catch {
            throw CLIFailure(error)
        }
        Terminal.write("filings: \(filings.count)")
        for filing in filings {
            let metadata = filing.metadata
            Terminal.write(
                "  \(metadata.accession) \(metadata.form) \(metadata.filingDate) \(metadata.companyName) (\(filing.location))"
            )
        }
    }
}

extension RunProgressDisplay.Style: ExpressibleByArgument {}
