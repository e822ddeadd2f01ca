import Foundation
import Pipeline
import SECDocuments
import Testing
import VectorStore

/// `vectordb chunk FILE --pipeline P` prints exactly the chunks `vectordb run P` stores for that
/// file: one `FilingChunker`, one source of filing metadata.
@Suite struct ChunkRunAgreementTests {
    @Test func chunkShowsWhatRunEmbeds() async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.hashingPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")
        let run = try Support.run(["run", pipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        let file = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
        ).path
        let chunked = try Support.run(["chunk", file, "--pipeline", pipeline, "--json"])
        #expect(chunked.status == 0, "\(chunked.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(chunked.stdout.utf8)) as? [String: Any])
        let printed = try #require(object["chunks"] as? [[String: Any]]).map { entry in
            "\(entry["id"] ?? "")|\(entry["charStart"] ?? "")|\(entry["charEnd"] ?? "")|\(entry["contentHash"] ?? "")"
        }
        let engine = StoreEngine(root: data)
        let stored = try await engine.snapshot(of: "filings").records()
            .filter { $0.chunk.citation.accession.description == "0001999901-25-000004" }
            .map {
                "\($0.chunk.id)|\($0.chunk.citation.charStart)|\($0.chunk.citation.charEnd)|\($0.chunk.contentHash)"
            }
        await engine.shutdown()
        #expect(!printed.isEmpty)
        #expect(printed.sorted() == stored.sorted())
        #expect(printed.allSatisfy { $0.hasPrefix("0001999901-25-000004:") }, "the source's accession, not a guess")
    }

    @Test func chunkShowsWhatRunEmbedsForAnExhibit() async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.hashingPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")
        let run = try Support.run(["run", pipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        let file = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000011/hrsc-20250424xex99d1.htm"
        ).path
        let chunked = try Support.run(["chunk", file, "--pipeline", pipeline, "--json"])
        #expect(chunked.status == 0, "\(chunked.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(chunked.stdout.utf8)) as? [String: Any])
        let printed = try #require(object["chunks"] as? [[String: Any]]).map {
            "\($0["id"] ?? "")|\($0["contentHash"] ?? "")"
        }
        let engine = StoreEngine(root: data)
        let stored = try await engine.snapshot(of: "filings").records()
            .filter { $0.chunk.citation.documentType == "EX-99.1" }
            .map { "\($0.chunk.id)|\($0.chunk.contentHash)" }
        await engine.shutdown()
        #expect(!printed.isEmpty)
        #expect(printed.sorted() == stored.sorted())
        #expect(printed.allSatisfy { $0.hasPrefix("0001999901-25-000011:EX-99.1:") })
    }
}
