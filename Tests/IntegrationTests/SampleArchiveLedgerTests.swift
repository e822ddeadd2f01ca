import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// The new-user case over the real samples: the 18 sample documents laid out as an EDGAR
/// archive (`scripts/eval-archive.py`, the one layout `make eval` uses) with one primary document
/// replaced by random bytes. The run ingests the other filings and records that one with its
/// reason; a re-run parses nothing. Skipped when `../shared/edgar-samples` or `python3` is absent.
@Suite struct SampleArchiveLedgerTests {
    static let samples =
        ProcessInfo.processInfo.environment["VECTORDB_EDGAR_SAMPLES"].map { URL(fileURLWithPath: $0) }
        ?? Support.repo.deletingLastPathComponent().appendingPathComponent("shared/edgar-samples")
    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static var available: Bool {
        python != nil && FileManager.default.fileExists(atPath: samples.appendingPathComponent("html/8-K").path)
    }
    /// Sophiris Bio's 8-K, the filing whose primary document is replaced.
    static let replaced = "0001437749-16-028287"
    static let replacedDocument = "Archives/edgar/data/1563855/000143774916028287/sophiris_8-K_0001437749-16-028287.htm"

    @Test(.enabled(if: available)) func aRandomPrimaryDocumentFailsAloneAndTheRerunParsesNothing() async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("archive")
        let layout = try Support.run(
            executable: try #require(Self.python),
            [
                Support.repo.appendingPathComponent("scripts/eval-archive.py").path, archive.path, "--samples",
                Self.samples.path,
            ]
        )
        #expect(layout.status == 0, "\(layout.stderr)")
        // The archive hard-links the samples: unlink before writing, or the sample itself changes.
        let document = archive.appendingPathComponent(Self.replacedDocument)
        try FileManager.default.removeItem(at: document)
        var generator = UInt64(15)
        let random = (0..<26_000).map { _ in
            generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: generator >> 56)
        }
        try Data(random).write(to: document)
        let pipeline = try Support.ledgerPipeline(in: scratch, root: archive)
        let data = scratch.appendingPathComponent("data")
        let report = try await Self.run(pipeline, data: data)
        #expect(report.filingsIngested == 16)
        #expect(report.exhibitsIngested == 1)
        #expect(report.failures.map(\.accession) == [Self.replaced])
        #expect(report.failures.first?.reason.hasSuffix("binary data (NUL bytes), not an HTML document") == true)
        let entries = try await Support.ledgerEntries(in: data)
        #expect(entries.count == 17)
        #expect(entries.filter { $0.status == .failed }.map(\.key) == [Self.replaced])
        #expect(entries.first { $0.key == Self.replaced }?.failure?.stage == "parse")

        let again = try await Self.run(pipeline, data: data)
        #expect(again.documentsParsed == 0)
        #expect(again.filingsUnchanged == 16)
        #expect(again.filingsFailedBefore == 1)
        #expect(again.collectionCount == report.collectionCount)
    }

    static func run(_ pipeline: String, data: URL) async throws -> RunReport {
        let engine = StoreEngine(root: data)
        let definition = try PipelineDefinition.load(path: pipeline)
        do {
            let report = try await PipelineRunner.make(definition: definition, engine: engine).run()
            await engine.shutdown()
            return report
        } catch {
            await engine.shutdown()
            throw error
        }
    }
}
