import Foundation
import VectorStore

extension PipelineRunner {
    /// Sets the report's finish time and stores it with the collection (`IngestionLedger.recordRun`,
    /// JSON with sorted keys). A run record that cannot be written is logged, not thrown: the run's
    /// chunks and ledger entries are durable by then, and the error that stopped a run matters more.
    func storeRunRecord(_ report: inout RunReport) async {
        report.finishedAtMs = StoreClock.milliseconds(Date())
        guard let ledger, !ledger.isReadOnly else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let json = [UInt8](try encoder.encode(report))
            try await ledger.recordRun(json, startedAtMs: report.startedAtMs)
        } catch {
            logger.warning("could not store the run report", metadata: ["error": "\(error)"])
        }
    }
}
