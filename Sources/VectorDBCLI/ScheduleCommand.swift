import ArgumentParser
import Foundation
import Logging
import Pipeline
import PipelineConfig
import ServiceLifecycle

/// `vectordb schedule PIPELINE.toml`: keep a collection current by walking EDGAR's daily indexes on
/// the pipeline's `[schedule]` cron.
struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Run a kind = \"edgar\" pipeline on its [schedule] cron, walking EDGAR's daily indexes.",
        discussion: """
            Each tick walks the daily indexes from the day after the last completed tick through today \
            (missed days caught up within catch_up_days; weekends and holidays have no index), ingests the \
            new matching filings once and records the tick with the collection. One scheduler per pipeline: \
            a second exits with status 73. SIGTERM or SIGINT finishes the filings in flight and stops. \
            --once runs one tick now and exits (for cron, Kubernetes CronJobs, serverless triggers).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The pipeline file, e.g. pipelines/daily-8k.toml.", valueName: "pipeline.toml"))
    var pipelineFile: String

    @Flag(name: .long, help: "Run one tick now and exit (exit 1 when some filings failed).")
    var once = false

    func run() async throws {
        LogSetup.bootstrap(global)
        let logger = Logger(label: "vectordb.schedule")
        let definition: PipelineDefinition
        let lock: ScheduleLock
        do {
            definition = try PipelineDefinition.load(path: pipelineFile)
            try Self.check(definition, once: once)
            // Settings the EDGAR client rejects, or a missing User-Agent, fail before the lock or any tick.
            _ = try FetchPlan(
                source: definition.source,
                file: definition.file,
                dataRoot: global.dataRoot,
                environment: ProcessInfo.processInfo.environment,
                today: EDGARCalendar.day(of: Date())
            )
            lock = try ScheduleLock.acquire(dataRoot: global.dataRoot, definition: definition)
        } catch {
            throw CLIFailure(error)
        }
        let tick = ScheduledTick(definition: definition, dataRoot: global.dataRoot, logger: logger)
        if once {
            let report: TickReport
            do {
                report = try await tick.run(at: Date(), stop: StopSignal())
            } catch {
                throw CLIFailure(error)
            }
            Self.print(report)
            withExtendedLifetime(lock) {}
            if report.run?.failures.isEmpty == false { throw ExitCode(ExitStatus.partialFailure.rawValue) }
            return
        }
        let service = ScheduleService(tick: tick, observer: TickPrinter(), logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: service)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        do {
            try await group.run()
        } catch {
            throw CLIFailure(error)
        }
        withExtendedLifetime(lock) {}
    }

    /// `vectordb schedule` walks daily indexes from EDGAR, on a cron.
    static func check(_ definition: PipelineDefinition, once: Bool) throws(CLIFailure) {
        guard definition.source.kind == "edgar" else {
            throw CLIFailure(
                "\(definition.file): vectordb schedule walks EDGAR's daily indexes: the pipeline needs "
                    + "[source] kind = \"edgar\" (it has \"\(definition.source.kind)\")"
            )
        }
        guard once || definition.schedule != nil else {
            throw CLIFailure(
                "\(definition.file): a [schedule] table with a cron is required (or run one tick with --once)"
            )
        }
    }

    static func print(_ report: TickReport) {
        Terminal.write(report.line)
        for failure in report.run?.failures ?? [] {
            Terminal.write("Failed \(failure.accession): \(failure.reason)")
        }
    }
}

/// Prints a line per tick on stdout (and the next tick's time).
private struct TickPrinter: ScheduleObserver {
    func tickFinished(at instant: Date, report: TickReport?, error: PipelineError?) async {
        if let report {
            ScheduleCommand.print(report)
        } else if let error {
            Terminal.write("tick at \(instant.ISO8601Format()) failed: \(error)")
        }
    }

    func sleeping(until instant: Date) async {
        Terminal.write("next tick at \(instant.ISO8601Format())")
    }
}
