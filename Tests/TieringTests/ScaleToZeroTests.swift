import Foundation
import ObjectStore
import Testing

@testable import VectorStore

/// Scale to zero (docs/tiering.md): a node started with an empty local directory and only the
/// bucket opens the collection from it and answers exactly as the node that wrote it.
@Suite(.motoServer)
struct ScaleToZeroTests {
    @Test(arguments: TierBackend.allCases)
    func aNodeWithAnEmptyDirectoryAnswersLikeTheWriter(backend: TierBackend) async throws {
        try await TierFixture.withStore(backend) { store, _ in
            try await Self.roundTrip(try CollectionBucket(store: store, prefix: "sec", durability: .object), store)
        }
    }

    @Test
    func localDurabilityUploadsInTheBackgroundAndCloseDrains() async throws {
        try await TierFixture.withStore(.fileSystem) { store, _ in
            try await Self.roundTrip(try CollectionBucket(store: store, durability: .local), store)
        }
    }

    /// Ingests (several flushes, compactions, an overwrite and deletes), stops the node, deletes its
    /// directory, starts a new node on the bucket and compares every search and the count; then the
    /// new node writes on, and a third node sees that too.
    private static func roundTrip(_ bucket: CollectionBucket, _ store: any ObjectStore) async throws {
        let first = TierFixture.temporaryDirectory("writer")
        let engine = StoreEngine(root: first, options: TierFixture.options, bucket: bucket)
        let collection = try await engine.openOrCreate(TierFixture.info())
        for start in stride(from: 0, to: 300, by: 30) {
            try await collection.upsert((start..<(start + 30)).map { TierFixture.document($0) })
            try await collection.commit()
        }
        try await collection.upsert([TierFixture.document(1_005, writer: "x").withID("a-5")])
        try await collection.delete(["a-3", "a-150"])
        try await collection.commit()
        try await collection.waitForMaintenance()
        let expected = try await Self.answers(collection)
        let count = await collection.count
        #expect(count == 298)
        await engine.shutdown()
        try FileManager.default.removeItem(at: first)
        let versions = try await BucketAudit.verify(store, bucket: bucket, collection: "filings")
        #expect(versions >= 2)

        let second = TierFixture.temporaryDirectory("reader")
        defer { try? FileManager.default.removeItem(at: second) }
        let fresh = StoreEngine(root: second, options: TierFixture.options, bucket: bucket)
        let reopened = try await fresh.collection("filings")
        #expect(await reopened.count == count)
        #expect(try await Self.answers(reopened) == expected)
        // The node that scaled up from zero is a writer like any other.
        try await reopened.upsert([TierFixture.document(9, writer: "n")])
        try await reopened.commit()
        await fresh.shutdown()

        let third = TierFixture.temporaryDirectory("third")
        defer { try? FileManager.default.removeItem(at: third) }
        let last = StoreEngine(root: third, options: TierFixture.options, bucket: bucket)
        let seen = try await last.collection("filings")
        #expect(await seen.count == count + 1)
        #expect(await seen.documents().contains { $0.id == "n-9" })
        await last.shutdown()
        _ = try await BucketAudit.verify(store, bucket: bucket, collection: "filings")
    }

    private static func answers(_ collection: LocalCollection) async throws -> [[SearchHit]] {
        var answers: [[SearchHit]] = []
        for request in TierFixture.requests() {
            let hits = try await collection.search(request)
            #expect(!hits.isEmpty)
            answers.append(hits)
        }
        return answers
    }

    @Test
    func aCorruptedSegmentObjectIsRefusedNeverServed() async throws {
        let bucketRoot = TierFixture.temporaryDirectory("bucket")
        defer { try? FileManager.default.removeItem(at: bucketRoot) }
        let store = FileSystemObjectStore(root: bucketRoot)
        let bucket = try CollectionBucket(store: store)
        let first = TierFixture.temporaryDirectory("writer")
        defer { try? FileManager.default.removeItem(at: first) }
        let engine = StoreEngine(root: first, options: TierFixture.options, bucket: bucket)
        let collection = try await engine.openOrCreate(TierFixture.info())
        try await collection.upsert((0..<40).map { TierFixture.document($0) })
        try await collection.commit()
        await engine.shutdown()

        // Flip one byte in the middle of the segment object (rewritten through the store, so the
        // object's own ETag matches: only the segment's checksums can tell).
        let layout = BucketLayout(bucket: bucket, collection: "filings")
        let key = try #require(try await store.list(prefix: layout.root + "segments/").first)
        var bytes = try #require(try await store.get(key))
        bytes[bytes.count / 2] ^= 0x5A
        try await store.put(key, bytes: bytes)

        let second = TierFixture.temporaryDirectory("reader")
        defer { try? FileManager.default.removeItem(at: second) }
        let fresh = StoreEngine(root: second, options: TierFixture.options, bucket: bucket)
        let error = await #expect(throws: StoreError.self) { _ = try await fresh.collection("filings") }
        #expect(error?.code == .corruption)
        #expect(error?.message.contains("after 2 fetches") == true)
        let directory = second.appendingPathComponent("collections/filings")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("collection.json").path))
        await fresh.shutdown()
    }
}

extension Document {
    /// The same document under another id.
    func withID(_ id: String) -> Document { Document(id: id, fields: fields, vectors: vectors) }
}
