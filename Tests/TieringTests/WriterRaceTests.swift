import Foundation
import ObjectStore
import Testing

@testable import VectorStore

/// Two writers (two engines on separate local directories) committing to one bucket: exactly one
/// commit per version (put-if-absent), the loser rebases, and no update is lost.
@Suite(.motoServer)
struct WriterRaceTests {
    /// A deterministic lost race: both writers start from version 1; the second one's put of version
    /// 2 fails, it re-reads the bucket and commits version 3 holding both writers' segments.
    @Test(arguments: TierBackend.allCases)
    func theLoserRebasesOntoTheWinner(backend: TierBackend) async throws {
        try await TierFixture.withStore(backend) { store, _ in
            let bucket = try CollectionBucket(store: store, durability: .object)
            let (first, second) = (TierFixture.temporaryDirectory("a"), TierFixture.temporaryDirectory("b"))
            defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
            let writerA = StoreEngine(root: first, options: TierFixture.options, bucket: bucket)
            let writerB = StoreEngine(root: second, options: TierFixture.options, bucket: bucket)
            let a = try await writerA.openOrCreate(TierFixture.info())
            let b = try await writerB.openOrCreate(TierFixture.info())
            #expect(await a.bucketVersion == 1)
            #expect(await b.bucketVersion == 1)
            try await a.upsert((0..<20).map { TierFixture.document($0, writer: "a") })
            try await b.upsert((0..<20).map { TierFixture.document($0, writer: "b") })
            try await a.commit()
            #expect(await a.bucketVersion == 2)
            try await b.commit()
            #expect(await b.bucketVersion == 3)
            await writerA.shutdown()
            await writerB.shutdown()
            #expect(try await BucketAudit.verify(store, bucket: bucket, collection: "filings") == 3)
            try await Self.expectEveryDocument(bucket, writers: ["a": 20, "b": 20])
        }
    }

    /// Both writers ingest and commit concurrently (flushes and compactions): every local commit
    /// becomes exactly one bucket version, and a fresh node holds every document of both.
    @Test(arguments: TierBackend.allCases)
    func concurrentWritersLoseNothing(backend: TierBackend) async throws {
        try await TierFixture.withStore(backend) { store, _ in
            let bucket = try CollectionBucket(store: store, prefix: "race", durability: .object)
            let (first, second) = (TierFixture.temporaryDirectory("a"), TierFixture.temporaryDirectory("b"))
            defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
            let writerA = StoreEngine(root: first, options: TierFixture.options, bucket: bucket)
            let writerB = StoreEngine(root: second, options: TierFixture.options, bucket: bucket)
            let a = try await writerA.openOrCreate(TierFixture.info())
            let b = try await writerB.openOrCreate(TierFixture.info())
            async let ingestA: Void = Self.ingest(a, writer: "a", count: 120)
            async let ingestB: Void = Self.ingest(b, writer: "b", count: 120)
            _ = try await (ingestA, ingestB)
            try await a.waitForMaintenance()
            try await b.waitForMaintenance()
            let localCommits = (await a.manifest.version - 1) + (await b.manifest.version - 1)
            await writerA.shutdown()
            await writerB.shutdown()
            let versions = try await BucketAudit.verify(store, bucket: bucket, collection: "filings")
            #expect(versions == 1 + localCommits)
            try await Self.expectEveryDocument(bucket, writers: ["a": 120, "b": 120])
        }
    }

    /// A writer's change that no longer applies (another writer compacted the segment it compacted)
    /// fails with a conflict, and the bucket keeps the winner's version.
    @Test
    func aChangeThatNoLongerAppliesIsAConflict() throws {
        let segment = { (number: UInt64) in
            Manifest.SegmentEntry(
                fileNumber: number,
                fileBytes: 100,
                rowCount: 4,
                tombstoneCount: 0,
                sequenceMax: number
            )
        }
        var base = Manifest.empty
        base.version = 5
        base.nextFileNumber = 10
        base.segments = [segment(1), segment(2), segment(3)]
        var local = base
        local.segments = [segment(3), segment(9)]  // compacted 1 and 2 into 9
        let change = BucketChange(from: base, to: local)
        #expect(change.removed == [1, 2])
        #expect(change.added.map(\.fileNumber) == [9])

        var winner = base
        winner.version = 6
        winner.segments = [segment(2), segment(3), segment(1 << 41)]  // compacted 1 away, flushed another
        #expect(throws: StoreError.self) { try change.applied(to: winner, base: base) }

        var flushed = base
        flushed.version = 6
        flushed.segments.append(segment(1 << 41))  // only a flush: the compaction still applies
        let rebased = try change.applied(to: flushed, base: base)
        #expect(rebased.version == 7)
        #expect(rebased.segments.map(\.fileNumber) == [3, 1 << 41, 9])

        var redeleted = flushed
        redeleted.segments[2].deletionVersion = 6
        redeleted.segments[2].deletedCount = 1
        var mine = base
        mine.segments[2].deletionVersion = 6
        mine.segments[2].deletedCount = 2
        let deleting = BucketChange(from: base, to: mine)
        #expect(deleting.redeleted.map(\.fileNumber) == [3])
        #expect(throws: StoreError.self) { try deleting.applied(to: redeleted, base: base) }
        let renamed = try deleting.applied(to: flushed, base: base)
        #expect(renamed.segments[2].deletionVersion == 7)
    }

    private static func ingest(_ collection: LocalCollection, writer: String, count: Int) async throws {
        for start in stride(from: 0, to: count, by: 20) {
            try await collection.upsert((start..<(start + 20)).map { TierFixture.document($0, writer: writer) })
            try await collection.commit()
        }
    }

    /// Opens the collection on a fresh node from the bucket and checks it holds exactly these
    /// documents, with their values.
    private static func expectEveryDocument(_ bucket: CollectionBucket, writers: [String: Int]) async throws {
        let root = TierFixture.temporaryDirectory("fresh")
        defer { try? FileManager.default.removeItem(at: root) }
        let engine = StoreEngine(root: root, options: TierFixture.options, bucket: bucket)
        let collection = try await engine.collection("filings")
        let documents = await collection.documents()
        let expected = writers.flatMap { writer, count in (0..<count).map { TierFixture.document($0, writer: writer) } }
        #expect(documents.count == expected.count)
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for document in expected {
            #expect(byID[document.id]?.fields == document.fields, "\(document.id)")
        }
        await engine.shutdown()
    }
}
