import Foundation
import Pipeline
import PipelineConfig
import Testing
import VectorStore

/// Checkpoints over the fixture filings: a re-run with nothing changed parses and writes nothing, a
/// changed chunk size replaces every filing's chunks without orphans, `--force` re-ingests.
@Suite struct LedgerPipelineTests {
    typealias Support = LedgerTestSupport

    @Test func aRerunWithNothingChangedParsesNothingAndWritesNothing() async throws {
        let data = ExhibitTestSupport.scratch("ledger-rerun")
        defer { try? FileManager.default.removeItem(at: data) }
        let definition = try Support.definition(root: ExhibitTestSupport.fixtures)
        let first = try await Support.run(definition, data: data)
        #expect(first.filingsIngested == 3)
        #expect(first.documentsParsed == 4)
        #expect(first.filingsUnchanged == 0)
        let before = try Support.files(in: data)
        let second = try await Support.run(definition, data: data)
        #expect(second.filingsUnchanged == 3)
        #expect(second.filingsIngested == 0)
        #expect(second.documentsParsed == 0)
        #expect(second.chunksWritten == 0)
        #expect(second.embeddingCacheHits + second.embeddingCacheMisses == 0)
        #expect(second.collectionCount == first.collectionCount)
        let after = try Support.files(in: data)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, bytes) in after { #expect(before[path] == bytes, "\(path) changed") }
        let ledger = try await Support.ledger(in: data)
        #expect(ledger.count == 3)
        #expect(ledger.values.allSatisfy { $0.status == .ingested })
        let chunks = try await Support.chunks(in: data)
        for entry in ledger.values {
            #expect(Set(entry.documentIDs) == Set(chunks.keys.filter { $0.hasPrefix(entry.key) }))
        }
    }

    @Test(arguments: [128, 512]) func aChangedChunkSizeReplacesEveryFilingsChunksWithoutOrphans(
        maxTokens: Int
    ) async throws {
        let data = ExhibitTestSupport.scratch("ledger-resize")
        let clean = ExhibitTestSupport.scratch("ledger-resize-clean")
        defer {
            try? FileManager.default.removeItem(at: data)
            try? FileManager.default.removeItem(at: clean)
        }
        _ = try await Support.run(try Support.definition(root: ExhibitTestSupport.fixtures), data: data)
        let before = try await Support.countsPerAccession(in: data)
        let resized = try Support.definition(root: ExhibitTestSupport.fixtures, maxTokens: maxTokens)
        let report = try await Support.run(resized, data: data)
        #expect(report.filingsIngested == 3)
        #expect(report.filingsReingested == 3)
        #expect(report.filingsUnchanged == 0)
        _ = try await Support.run(resized, data: clean)
        let after = try await Support.countsPerAccession(in: data)
        #expect(after == (try await Support.countsPerAccession(in: clean)))
        #expect(after != before)
        #expect(try await Support.chunks(in: data) == (try await Support.chunks(in: clean)))
        let fewer = before.keys.reduce(0) { $0 + max(0, before[$1, default: 0] - after[$1, default: 0]) }
        #expect(report.chunksDeleted >= fewer)
        if maxTokens > 256 { #expect(report.chunksDeleted > 0) }
    }

    @Test func forceReingestsEveryFilingAndKeepsTheSameChunks() async throws {
        let data = ExhibitTestSupport.scratch("ledger-force")
        defer { try? FileManager.default.removeItem(at: data) }
        let definition = try Support.definition(root: ExhibitTestSupport.fixtures)
        let first = try await Support.run(definition, data: data)
        let chunks = try await Support.chunks(in: data)
        let forced = try await Support.run(definition, data: data, RunOptions(mode: .force))
        #expect(forced.filingsIngested == 3)
        #expect(forced.filingsReingested == 3)
        #expect(forced.documentsParsed == first.documentsParsed)
        #expect(forced.chunksWritten == first.chunksWritten)
        #expect(forced.chunksDeleted == 0)
        #expect(forced.mode == .force)
        #expect(try await Support.chunks(in: data) == chunks)
    }

    @Test func aChangedSourceDocumentIsReingestedAlone() async throws {
        let root = try Support.fixtureCopy("ledger-changed-source")
        let data = ExhibitTestSupport.scratch("ledger-changed-source-data")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: data)
        }
        let definition = try Support.definition(root: root)
        _ = try await Support.run(definition, data: data)
        let document = root.appendingPathComponent(Support.tenKDocument)
        let html = try String(contentsOf: document, encoding: .utf8)
        try Data(html.replacingOccurrences(of: "</body>", with: "<p>A late paragraph.</p></body>").utf8)
            .write(to: document)
        let report = try await Support.run(definition, data: data)
        #expect(report.filingsIngested == 1)
        #expect(report.filingsUnchanged == 2)
        #expect(report.documentsParsed == 1)
        #expect(try await Support.chunks(in: data).values.contains { $0.contains("A late paragraph.") })
    }

    @Test func theRunReportIsStoredWithTheCollection() async throws {
        let data = ExhibitTestSupport.scratch("ledger-report")
        defer { try? FileManager.default.removeItem(at: data) }
        let report = try await Support.run(try Support.definition(root: ExhibitTestSupport.fixtures), data: data)
        let runs = data.appendingPathComponent("collections/\(Support.collection)/\(IngestionLedger.runsDirectory)")
        let names = try FileManager.default.contentsOfDirectory(atPath: runs.path)
        #expect(names.count == 1)
        let stored = try JSONDecoder().decode(
            RunReport.self,
            from: try Data(contentsOf: runs.appendingPathComponent(try #require(names.first)))
        )
        #expect(stored == report)
        #expect(stored.pipeline == "ledger")
        #expect(stored.collection == Support.collection)
        #expect(stored.finishedAtMs >= stored.startedAtMs && stored.startedAtMs > 0)
        #expect(stored.settingsHash?.count == 64)
    }
}
