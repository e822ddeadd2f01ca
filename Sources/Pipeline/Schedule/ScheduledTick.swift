import EDGARClient
import Foundation
import Logging
import PipelineConfig
import SECModel
import VectorStore

/// One scheduler tick, the I/O around `ScheduleMachine`'s decisions: open the collection, read the
/// scheduler's state, walk the days the machine chooses through an `EDGARFilingSource` (wrapped in
/// a `StoppingFilingSource`), ingest what is new (the ledger skips what was ingested), and record
/// the new state durably with the collection. The engine and the HTTP client are closed after each
/// tick, so between ticks the scheduler holds no store lock and no connection.
public struct ScheduledTick: Sendable {
    public let definition: PipelineDefinition
    public let machine: ScheduleMachine
    public let dataRoot: URL
    public let environment: [String: String]
    let logger: Logger

    public init(
        definition: PipelineDefinition,
        dataRoot: URL,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "vectordb.schedule")
    ) {
        self.definition = definition
        let schedule =
            definition.schedule
            ?? PipelineDefinition.ScheduleSettings(cron: Self.everyDay)
        machine = ScheduleMachine(
            schedule: schedule,
            since: definition.source.edgar?.since,
            until: definition.source.edgar?.until
        )
        self.dataRoot = dataRoot
        self.environment = environment
        self.logger = logger
    }

    /// `@daily`, the schedule of a pipeline without `[schedule]` run with `--once`.
    static let everyDay: CronExpression = {
        do {
            return try CronExpression(parsing: "@daily")
        } catch {
            preconditionFailure("@daily is a valid cron expression")
        }
    }()

    /// The name the pipeline's scheduler state and lock are kept under: its name with characters
    /// outside `[A-Za-z0-9._-]` replaced by `_` (at most 128).
    public static func stateName(of definition: PipelineDefinition) -> String {
        let mapped = definition.name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" }
        let name = String(mapped.prefix(128))
        return IngestionLedger.isScheduleName(name) ? name : "_" + name.dropFirst()
    }

    /// Runs one tick at `now`.
    ///
    /// - Throws: `PipelineError` — of the source (an unreachable EDGAR: *unavailable*), the store or
    ///   the run (also when `stop` ended it early); the state is then left as it was, so the next
    ///   tick walks the same days again.
    public func run(at now: Date, stop: StopSignal) async throws(PipelineError) -> TickReport {
        let engine = StoreEngine(root: dataRoot, options: PipelineRunner.storeOptions(for: definition), logger: logger)
        var edgar: EDGARFilingSource?
        do {
            let report = try await tick(at: now, engine: engine, stop: stop, edgar: &edgar)
            await edgar?.shutdown()
            await engine.shutdown()
            return report
        } catch {
            await edgar?.shutdown()
            await engine.shutdown()
            throw error
        }
    }

    private func tick(
        at now: Date,
        engine: StoreEngine,
        stop: StopSignal,
        edgar: inout EDGARFilingSource?
    ) async throws(PipelineError) -> TickReport {
        let name = Self.stateName(of: definition)
        let previous = try await state(engine: engine, name: name)
        guard case .days(let range, let leftOut) = machine.walk(at: now, after: previous) else {
            let state =
                previous ?? ScheduleState(pipeline: definition.name, walkedThrough: nil, lastTickAtMs: 0, ticks: 0)
            return TickReport(
                walked: nil,
                daysLeftOut: 0,
                daysIndexed: [],
                daysWithoutIndex: [],
                run: nil,
                state: state
            )
        }
        let source = try makeFilingSource(
            definition.source,
            file: definition.file,
            dataRoot: dataRoot,
            environment: environment,
            daily: range,
            now: now
        )
        guard let edgarSource = source as? EDGARFilingSource else {
            throw PipelineError(
                stage: .schedule,
                subject: definition.file,
                category: .badInput,
                message: "vectordb schedule walks EDGAR's daily indexes: the pipeline needs [source] kind = \"edgar\""
            )
        }
        edgar = edgarSource
        logger.info("tick", metadata: ["first": "\(range.first)", "last": "\(range.last)", "leftOut": "\(leftOut)"])
        let runner = try await PipelineRunner.make(
            definition: definition,
            engine: engine,
            source: StoppingFilingSource(base: edgarSource, stop: stop),
            logger: logger
        )
        let run = try await runner.run()
        let walk = edgarSource.lastWalk
        let state = machine.state(
            after: previous,
            pipeline: definition.name,
            tickAt: now,
            walked: range,
            daysIndexed: walk?.daysIndexed ?? []
        )
        try await record(state, name: name, ledger: runner.ledger)
        return TickReport(
            walked: range,
            daysLeftOut: leftOut,
            daysIndexed: walk?.daysIndexed ?? [],
            daysWithoutIndex: walk?.daysWithoutIndex ?? [],
            run: run,
            state: state
        )
    }

    /// The stored state; `nil` when the collection or the state does not exist yet.
    private func state(engine: StoreEngine, name: String) async throws(PipelineError) -> ScheduleState? {
        do {
            let collection = try await engine.collection(definition.store.collection)
            guard let bytes = try await collection.ingestionLedger().scheduleState(name: name) else { return nil }
            return try JSONDecoder().decode(ScheduleState.self, from: Data(bytes))
        } catch let error as StoreError where error.code == .notFound {
            return nil
        } catch {
            throw PipelineError(stage: .schedule, subject: definition.store.collection, wrapping: error)
        }
    }

    private func record(_ state: ScheduleState, name: String, ledger: IngestionLedger?) async throws(PipelineError) {
        guard let ledger else { return }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try await ledger.recordScheduleState(Array(try encoder.encode(state)), name: name)
        } catch {
            throw PipelineError(stage: .schedule, subject: ledger.path, wrapping: error)
        }
    }
}
