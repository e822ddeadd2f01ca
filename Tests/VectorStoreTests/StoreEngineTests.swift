import Foundation
import SECModel
import Testing

@testable import VectorStore

/// `StoreEngine`: one instance per collection, embedder records, shutdown.
@Suite struct StoreEngineTests {
    static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("engine-\(UUID().uuidString)")
    }

    static func documents(_ count: Int, seed: UInt64) -> [Document] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { SchemaTestSupport.document($0, using: &generator) }
    }

    @Test func aCollectionIsOpenedOnceAndSharedByEveryCaller() async throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        let created = try await engine.openOrCreate(SchemaTestSupport.info())
        try await created.upsert(Self.documents(5, seed: 1))
        let again = try await engine.collection("products")
        let reopened = try await engine.openOrCreate(SchemaTestSupport.info())
        #expect(again === created)
        #expect(reopened === created)
        #expect(await engine.openCollectionNames == ["products"])
        // A snapshot is a view of the moment: a later write does not change it.
        let snapshot = try await engine.snapshot(of: "products")
        try await created.upsert(Self.documents(8, seed: 2))
        #expect(snapshot.count == 5)
        #expect(try await engine.snapshot(of: "products").count == 8)
        await engine.shutdown()
    }

    @Test func shutdownClosesCollectionsAndRefusesLaterOpens() async throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        let collection = try await engine.openOrCreate(SchemaTestSupport.info())
        try await collection.upsert(Self.documents(3, seed: 3))
        await engine.shutdown()
        let write = await #expect(throws: StoreError.self) { try await collection.upsert(Self.documents(1, seed: 4)) }
        #expect(write?.category == .conflict)
        let open = await #expect(throws: StoreError.self) { try await engine.collection("products") }
        #expect(open?.code == .conflict)
        #expect(open?.message.contains("shut down") == true)
        // A new engine (a new process) sees everything acknowledged.
        let next = StoreEngine(root: root)
        #expect(try await next.snapshot(of: "products").count == 3)
        await next.shutdown()
    }

    @Test func anotherModelOrDimensionIsAConflictNamingBoth() async throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        _ = try await engine.openOrCreate(SchemaTestSupport.info())
        var other = SchemaTestSupport.info()
        other.embeddingModel = "other-model"
        let error = await #expect(throws: StoreError.self) { try await engine.openOrCreate(other) }
        #expect(error?.code == .conflict)
        #expect(error?.category == .conflict)
        #expect(error?.message.contains("other-model") == true)
        await engine.shutdown()
        // The same check when the collection is only on disk (a fresh engine).
        let fresh = StoreEngine(root: root)
        let onDisk = await #expect(throws: StoreError.self) { try await fresh.openOrCreate(other) }
        #expect(onDisk?.code == .conflict)
        await fresh.shutdown()
    }

    @Test func theEmbedderIsRecordedAndOldFilesWithoutOneStillOpen() async throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // A collection written before embedders were recorded: no `embedder` key in collection.json.
        let old = try LocalStore(root: root).openOrCreate(SchemaTestSupport.info())
        await old.close()
        let infoPath = root.appendingPathComponent("collections/products/collection.json")
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: infoPath)) as? [String: Any])
        #expect(written["embedder"] == nil)
        let engine = StoreEngine(root: root)
        #expect(try await engine.collection("products").info.embedder == nil)
        await engine.shutdown()

        let record = EmbedderRecord(
            provider: "openai",
            model: "test",
            dimension: SchemaTestSupport.dimension,
            baseURL: "http://127.0.0.1:9",
            requestModel: "text-embedding-3-small",
            apiKeyEnvironmentVariable: "EMBEDDING_KEY"
        )
        var info = SchemaTestSupport.info()
        info.embedder = record
        let writer = StoreEngine(root: root)
        #expect(try await writer.openOrCreate(info).info.embedder == record)
        await writer.shutdown()
        let reader = StoreEngine(root: root)
        #expect(try await reader.collection("products").info.embedder == record)
        await reader.shutdown()
        let text = try String(contentsOf: infoPath, encoding: .utf8)
        #expect(text.contains("EMBEDDING_KEY"))
    }
}

/// `StoreEngine.shared`: one engine per data directory per process until it shuts down.
@Suite struct SharedStoreEngineTests {
    @Test func theSameDirectoryGetsTheSameEngineUntilShutdown() async throws {
        let root = StoreEngineTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = StoreEngine.shared(root: root)
        #expect(StoreEngine.shared(root: root.appendingPathComponent(".")) === first)
        let other = StoreEngine.shared(root: StoreEngineTests.scratch())
        #expect(other !== first)
        await other.shutdown()
        let collection = try await first.openOrCreate(SchemaTestSupport.info())
        #expect(try await StoreEngine.shared(root: root).collection("products") === collection)
        await first.shutdown()
        let next = StoreEngine.shared(root: root)
        #expect(next !== first)
        #expect(try await next.collection("products") !== collection)
        await next.shutdown()
    }
}
