import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// A stop requested while a run is under way (the scheduler's SIGTERM): the filing in flight
/// finishes and is recorded, no later filing starts, and a re-run ingests the rest.
@Suite struct StoppingSourceTests {
    /// Requests the stop when the first filing is done.
    struct StopAfterFirst: RunProgressObserver {
        let stop: StopSignal
        func record(_ event: RunProgressEvent) async {
            if event.kind == .filing { stop.request() }
        }
    }

    @Test func aStopFinishesTheFilingInFlightAndEndsTheRun() async throws {
        let data = ExhibitTestSupport.scratch("stopping")
        defer { try? FileManager.default.removeItem(at: data) }
        let definition = try LedgerTestSupport.definition(root: ExhibitTestSupport.fixtures)
        let stop = StopSignal()
        let engine = StoreEngine(root: data)
        let base = try makeFilingSource(definition.source, dataRoot: data)
        let runner = try await PipelineRunner.make(
            definition: definition,
            engine: engine,
            source: StoppingFilingSource(base: base, stop: stop)
        )
        do {
            _ = try await runner.run(RunOptions(), progress: StopAfterFirst(stop: stop))
            Issue.record("the run must stop")
        } catch {
            #expect(error.category == .unavailable)
            #expect(error.description.contains("stopped before this filing: shutdown requested"))
        }
        await engine.shutdown()
        let ledger = try await LedgerTestSupport.ledger(in: data)
        #expect(ledger.count == 1 && ledger.values.first?.status == .ingested, "only the filing in flight")
        let rest = try await LedgerTestSupport.run(definition, data: data)
        #expect(rest.filingsUnchanged == 1 && rest.filingsIngested == 2)
    }
}
