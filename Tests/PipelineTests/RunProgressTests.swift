import Foundation
import Pipeline
import PipelineConfig
import Testing

/// A run reports its start, each filing's outcome with the totals so far, and its end; the plan
/// of a dry run names the source, the selection, the stages and the collection.
@Suite struct RunProgressTests {
    actor Recorder: RunProgressObserver {
        private(set) var events: [RunProgressEvent] = []
        func record(_ event: RunProgressEvent) { events.append(event) }
    }

    @Test func eachFilingIsReportedInOrderWithRunningTotals() async throws {
        let data = ExhibitTestSupport.scratch("progress")
        defer { try? FileManager.default.removeItem(at: data) }
        let definition = try LedgerTestSupport.definition(root: ExhibitTestSupport.fixtures)
        let first = Recorder()
        let report = try await LedgerTestSupport.run(definition, data: data, progress: first)
        let events = await first.events
        #expect(events.map(\.kind) == [.started, .filing, .filing, .filing, .finished])
        #expect(events.first?.filingsTotal == 3)
        #expect(events.dropFirst().prefix(3).map(\.filingsDone) == [1, 2, 3])
        #expect(events.dropFirst().prefix(3).allSatisfy { $0.outcome == .ingested && $0.accession != nil })
        let chunks = events.map(\.chunksWritten)
        #expect(chunks == chunks.sorted(), "totals only grow")
        #expect(events.last?.chunksWritten == report.chunksWritten)
        #expect(events.last?.filingsIngested == 3)

        let second = Recorder()
        _ = try await LedgerTestSupport.run(definition, data: data, progress: second)
        let again = await second.events
        #expect(again.filter { $0.kind == .filing }.map(\.outcome) == [.unchanged, .unchanged, .unchanged])
        #expect(again.last?.filingsSkipped == 3)
    }

    @Test func theDryRunPlanNamesSourceSelectionStagesAndCollection() throws {
        let definition = try LedgerTestSupport.definition(root: ExhibitTestSupport.fixtures)
        let lines = RunPlan(definition: definition, dataRoot: URL(fileURLWithPath: "/tmp/data")).lines
        #expect(lines.contains { $0.hasPrefix("source: edgar-archive at ") })
        #expect(lines.contains("documents: primary, EX-99*"))
        #expect(
            lines.contains(
                "chunk: \(definition.chunker.maxTokens) tokens, \(definition.chunker.overlapTokens) of overlap"
            )
        )
        #expect(lines.contains { $0.hasPrefix("store: collection 'filings' in /tmp/data") })
    }
}

/// A run record written before a field existed still reads, the field at its default.
@Suite struct RunReportDecodingTests {
    @Test func anOlderRecordWithoutTheStageTimesReads() throws {
        let json = #"{"pipeline": "p", "mode": "force", "filingsIngested": 3, "failures": []}"#
        let report = try JSONDecoder().decode(RunReport.self, from: Data(json.utf8))
        #expect(report.pipeline == "p" && report.mode == .force && report.filingsIngested == 3)
        #expect(report.embedMs == 0 && report.chunksWritten == 0)
        var full = RunReport()
        full.embedMs = 12
        full.collection = "c"
        let again = try JSONDecoder().decode(RunReport.self, from: JSONEncoder().encode(full))
        #expect(again == full)
    }
}
