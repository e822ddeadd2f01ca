import Foundation
import Pipeline
import SECDocuments
import Testing
import VectorStore

/// `vectordb search` from any working directory: the collection records its embedder, and the
/// model directory is looked up in the documented order (docs/cli.md "Model directories").
@Suite struct SearchAnywhereTests {
    @Test func aCollectionIsSearchedFromAnotherDirectoryWithoutItsPipelineFile() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.hashingPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let run = try Support.run(["run", pipeline, "--data-dir", data.path], in: elsewhere)
        #expect(run.status == 0, "\(run.stderr)")
        let info = try String(
            contentsOf: data.appendingPathComponent("collections/filings/collection.json"),
            encoding: .utf8
        )
        #expect(info.contains("\"provider\" : \"hashing\""), "\(info)")
        let search = try Support.run(
            ["search", "reliance on a single foundry", "--data-dir", data.path, "--k", "2"],
            in: elsewhere
        )
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("Harbor Ridge Semiconductor, Inc. (HRSC)"))
    }

    @Test func aMissingModelListsEveryPlaceTriedInOrder() async throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        // A collection recorded as written by MiniLM from a directory that has since gone.
        let engine = StoreEngine(root: data)
        var info = CollectionInfo(name: "filings", embeddingModel: EmbedderFactory.miniLMModelID, dimension: 384)
        info.embedder = EmbedderRecord(
            provider: "minilm",
            model: EmbedderFactory.miniLMModelID,
            dimension: 384,
            modelDirectory: "/nonexistent/recorded/all-MiniLM-L6-v2"
        )
        _ = try await engine.openOrCreate(info)
        await engine.shutdown()
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let result = try Support.run(
            ["search", "foundry", "--data-dir", data.path],
            in: elsewhere,
            environment: [
                "VECTORDB_MODEL_DIR": "/nonexistent/from-variable",
                "XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path,
            ]
        )
        #expect(result.status == 66, "not found: \(result.stderr)")
        let places = [
            "/nonexistent/from-variable", "/nonexistent/recorded/all-MiniLM-L6-v2",
            scratch.appendingPathComponent("cache/vectordb/models/all-MiniLM-L6-v2").path,
            elsewhere.appendingPathComponent(".models/all-MiniLM-L6-v2").path,
        ]
        let positions = places.map { result.stderr.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(result.stderr)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "in order: \(result.stderr)")
        // A lexical search needs no model at all.
        let lexical = try Support.run(
            ["search", "foundry", "--data-dir", data.path, "--mode", "lexical"],
            in: elsewhere
        )
        #expect(lexical.status == 0, "\(lexical.stderr)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: EmbedderFactoryTests.model.path), "needs make deps"))
    func aMiniLMCollectionIsSearchedFromAnotherDirectory() throws {
        let data = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        let search = try Support.run(
            ["search", "reliance on a single foundry", "--data-dir", data.path],
            in: FileManager.default.temporaryDirectory
        )
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("1. ["))
    }
}

/// `vectordb embed --collection C` embeds with the collection's recorded embedder.
@Suite struct EmbedWithCollectionTests {
    @Test func embedUsesTheRecordedEmbedder() throws {
        let scratch = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try Support.hashingPipeline(in: scratch)
        let data = scratch.appendingPathComponent("data")
        #expect(try Support.run(["run", pipeline, "--data-dir", data.path]).status == 0)
        let result = try Support.run(["embed", "wafer supply", "--collection", "filings", "--data-dir", data.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("model hashing-unigram-bigram-64, 64 dimensions"), "\(result.stdout)")
        let missing = try Support.run(["embed", "x", "--collection", "nope", "--data-dir", data.path])
        #expect(missing.status == 66, "not found: \(missing.stderr)")
    }
}
