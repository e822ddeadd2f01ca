import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// A stop requested while a run is under way (the scheduler's SIGTERM): the filings in flight
/// finish and are recorded, no later filing starts, and a re-run ingests the rest.
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
        // In flight when the stop came: the filing being written and, the runner reading one ahead,
        // at most the one staged behind it. Both finish; no later filing starts.
        let ledger = try await LedgerTestSupport.ledger(in: data)
        #expect((1...2).contains(ledger.count), "only the filings in flight: \(ledger.keys.sorted())")
        #expect(ledger.values.allSatisfy { $0.status == .ingested })
        let rest = try await LedgerTestSupport.run(definition, data: data)
        #expect(rest.filingsUnchanged == ledger.count && rest.filingsIngested == 3 - ledger.count)
    }
}
