import Foundation
import Pipeline
import Testing

/// Goal: a `vectordb run` killed with SIGKILL loses at most the filing in flight, and the re-run
/// completes it: the collection then holds exactly the chunks (ids and texts) of one clean run.
/// Strategy: the test-only hook `VECTORDB_TEST_SIGKILL_AT` kills the child at a checkpoint — after
/// the N-th filing's chunks are durable but before its ledger entry (`chunks:N`), or after the entry
/// (`ledger:N`) — then the same pipeline (or one with another chunk size) runs to completion.
/// Invariants: the killed child exits by signal 9 and prints no summary; the re-run's chunks equal a
/// clean run's of the same settings (no orphans, nothing missing); every ledger entry is `ingested`.
@Suite(.serialized) struct LedgerCrashTests {
    static let points = ["chunks:1", "chunks:2", "ledger:2", "chunks:3"]

    @Test(arguments: points) func aKilledRunIsCompletedByTheRerun(point: String) async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.ledgerPipeline(in: scratch)
        let clean = scratch.appendingPathComponent("clean")
        #expect(try Support.run(["run", pipeline, "--data-dir", clean.path]).status == 0)
        let data = scratch.appendingPathComponent("data")
        let killed = try Support.run(
            ["run", pipeline, "--data-dir", data.path],
            environment: [TestCrashHook.environmentVariable: point]
        )
        #expect(killed.status == 9, "\(point): \(killed.stderr)")
        #expect(!killed.stdout.contains("Pipeline 'ledger'"))
        let landed = try await Support.ledgerEntries(in: data).filter { $0.status == .ingested }.count
        #expect(landed == Int(point.split(separator: ":")[1])! - (point.hasPrefix("chunks") ? 1 : 0))
        let rerun = try Support.run(["run", pipeline, "--data-dir", data.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("\(landed) unchanged filings skipped") || landed == 0, "\(rerun.stdout)")
        #expect(try await Support.storedChunks(in: data) == (try await Support.storedChunks(in: clean)))
        #expect(try await Support.ledgerEntries(in: data).allSatisfy { $0.status == .ingested })
    }

    /// The filing killed between its chunks and its ledger entry is re-chunked with another size on
    /// the re-run: the pending entry names the ids it wrote, so none of them is left behind.
    @Test(arguments: [128, 512]) func aKilledRunRerunWithAnotherChunkSizeLeavesNoOrphans(maxTokens: Int) async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.ledgerPipeline(in: scratch)
        let resized = try Support.ledgerPipeline(in: scratch, maxTokens: maxTokens, name: "resized.toml")
        let clean = scratch.appendingPathComponent("clean")
        #expect(try Support.run(["run", resized, "--data-dir", clean.path]).status == 0)
        let data = scratch.appendingPathComponent("data")
        let killed = try Support.run(
            ["run", pipeline, "--data-dir", data.path],
            environment: [TestCrashHook.environmentVariable: "chunks:1"]
        )
        #expect(killed.status == 9)
        let pending = try await Support.ledgerEntries(in: data)
        #expect(pending.map(\.status) == [.pending])
        #expect(try Support.run(["run", resized, "--data-dir", data.path]).status == 0)
        #expect(try await Support.storedChunks(in: data) == (try await Support.storedChunks(in: clean)))
    }
}
