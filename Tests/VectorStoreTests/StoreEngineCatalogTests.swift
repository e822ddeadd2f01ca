import Foundation
import Testing

@testable import VectorStore

/// `StoreEngine.collectionNames()`, `drop(_:)` and `ReadSnapshot.document(id:)` (the query
/// service's listing, drop and point reads).
@Suite struct StoreEngineCatalogTests {
    @Test func namesListEveryCollectionOpenOrNot() async throws {
        let root = StoreEngineTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        #expect(try await engine.collectionNames() == [])
        _ = try await engine.openOrCreate(SchemaTestSupport.info("beta"))
        _ = try await engine.openOrCreate(SchemaTestSupport.info("alpha"))
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("collections/not-a-collection"),
            withIntermediateDirectories: true
        )
        await engine.shutdown()
        let next = StoreEngine(root: root)
        #expect(try await next.collectionNames() == ["alpha", "beta"])
        #expect(await next.openCollectionNames == [])
        await next.shutdown()
    }

    @Test func dropClosesAndMovesTheCollectionAside() async throws {
        let root = StoreEngineTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        let collection = try await engine.openOrCreate(SchemaTestSupport.info())
        try await collection.upsert(StoreEngineTests.documents(4, seed: 9))
        let snapshot = try await engine.snapshot(of: "products")
        try await engine.drop("products")
        #expect(try await engine.collectionNames() == [])
        let missing = await #expect(throws: StoreError.self) { try await engine.collection("products") }
        #expect(missing?.code == .notFound)
        // The dropped instance refuses writes; a snapshot taken before still reads.
        await #expect(throws: StoreError.self) { try await collection.upsert(StoreEngineTests.documents(1, seed: 10)) }
        #expect(snapshot.count == 4)
        let dropped = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("dropped").path)
        #expect(dropped.count == 1 && dropped[0].hasPrefix("products."))
        // The name is free: a new collection starts empty.
        #expect(try await engine.openOrCreate(SchemaTestSupport.info()).count == 0)
        let again = await #expect(throws: StoreError.self) { try await engine.drop("nothing") }
        #expect(again?.code == .notFound)
        await engine.shutdown()
    }

    @Test func documentByIDReadsTheLiveVersionFromMemtableAndSegments() async throws {
        let root = StoreEngineTests.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root)
        let collection = try await engine.openOrCreate(SchemaTestSupport.info())
        let documents = StoreEngineTests.documents(6, seed: 11)
        try await collection.upsert(documents)
        try await collection.commit()
        var replaced = documents[2]
        replaced.fields["name"] = .string("replaced")
        try await collection.upsert([replaced])
        try await collection.delete([documents[3].id])
        let snapshot = await collection.readSnapshot()
        #expect(try snapshot.document(id: documents[0].id)?.fields["name"] == documents[0].fields["name"])
        #expect(try snapshot.document(id: documents[2].id)?.fields["name"] == .string("replaced"))
        #expect(try snapshot.document(id: documents[3].id) == nil)
        #expect(try snapshot.document(id: "never-written") == nil)
        await engine.shutdown()
    }
}
