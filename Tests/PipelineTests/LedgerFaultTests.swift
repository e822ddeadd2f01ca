import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// One bad document no longer stops a run: a primary document replaced by random bytes is recorded
/// as failed with its reason and every other filing is ingested; `--fail-fast` stops at it.
@Suite struct LedgerFaultTests {
    typealias Support = LedgerTestSupport

    /// The parser's words for the corrupted 10-K under `root`.
    static func reason(_ root: URL) -> String {
        "parse stage (\(Support.tenK)): \(root.appendingPathComponent(Support.tenKDocument).path): "
            + "binary data (NUL bytes), not an HTML document"
    }

    /// A fixture copy whose 10-K primary document is 64 KiB of seeded random bytes.
    static func corruptedFixtures(_ label: String) throws -> URL {
        let root = try Support.fixtureCopy(label)
        try Support.randomBytes(count: 64 * 1024, seed: 15).write(to: root.appendingPathComponent(Support.tenKDocument))
        return root
    }

    @Test func aCorruptedPrimaryDocumentIsRecordedWithItsReasonAndTheOthersIngest() async throws {
        let root = try Self.corruptedFixtures("ledger-corrupt")
        let data = ExhibitTestSupport.scratch("ledger-corrupt-data")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: data)
        }
        let definition = try Support.definition(root: root)
        let report = try await Support.run(definition, data: data)
        #expect(report.filingsIngested == 2)
        #expect(report.stoppedBy == nil)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.accession == Support.tenK)
        #expect(failure.stage == "parse")
        #expect(failure.category == "badInput")
        #expect(failure.reason == Self.reason(root))
        let counts = try await Support.countsPerAccession(in: data)
        #expect(counts.keys.sorted() == ["0001999901-25-000011", "0001999902-25-000007"])
        let entry = try #require(try await Support.ledger(in: data)[Support.tenK])
        #expect(entry.status == .failed)
        #expect(entry.failure?.message == failure.reason)
        #expect(entry.documentIDs.isEmpty)

        // Same bytes, same settings: bad input fails the same way, so the re-run leaves it.
        let again = try await Support.run(definition, data: data)
        #expect(again.filingsFailedBefore == 1)
        #expect(again.filingsUnchanged == 2)
        #expect(again.documentsParsed == 0)
        #expect(again.failures.isEmpty)

        // Repaired: the next run ingests it.
        try FileManager.default.removeItem(at: root.appendingPathComponent(Support.tenKDocument))
        try FileManager.default.copyItem(
            at: ExhibitTestSupport.fixtures.appendingPathComponent(Support.tenKDocument),
            to: root.appendingPathComponent(Support.tenKDocument)
        )
        let repaired = try await Support.run(definition, data: data)
        #expect(repaired.filingsIngested == 1)
        #expect(repaired.filingsReingested == 1)
        #expect(try await Support.ledger(in: data)[Support.tenK]?.status == .ingested)
        #expect(try await Support.countsPerAccession(in: data)[Support.tenK, default: 0] > 10)
    }

    @Test func failFastStopsAtTheFailingFilingAndRecordsIt() async throws {
        let root = try Self.corruptedFixtures("ledger-fail-fast")
        let data = ExhibitTestSupport.scratch("ledger-fail-fast-data")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: data)
        }
        let error = await #expect(throws: PipelineError.self) {
            _ = try await Support.run(try Support.definition(root: root), data: data, RunOptions(failFast: true))
        }
        #expect(error?.stage == .parse)
        #expect(error?.subject == Support.tenK)
        #expect(error?.description == Self.reason(root))
        let ledger = try await Support.ledger(in: data)
        #expect(ledger[Support.tenK]?.status == .failed)
        // The source lists HRSC's filings (CIK0001999901.json) before NWFL's: the run stops before
        // NWFL's 10-Q is read.
        #expect(ledger.keys.sorted() == [Support.tenK, "0001999901-25-000011"])
        #expect(ledger["0001999902-25-000007"] == nil)
        let runs = data.appendingPathComponent("collections/\(Support.collection)/\(IngestionLedger.runsDirectory)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first)
        let stored = try JSONDecoder().decode(RunReport.self, from: Data(contentsOf: runs.appendingPathComponent(name)))
        #expect(stored.stoppedBy == error?.description)
        #expect(stored.failures.map(\.accession) == [Support.tenK])
    }
}
