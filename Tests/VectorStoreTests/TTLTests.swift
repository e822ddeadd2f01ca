import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_750_000_000)

    var storeClock: StoreClock { StoreClock { [self] in lock.withLock { current } } }
    var now: Date { lock.withLock { current } }

    func advance(seconds: Double) { lock.withLock { current += seconds } }
}

/// TTL: expired records are hidden from every read (count, search, records) at read time, across
/// WAL replay, flush and reopen, and compaction drops them from the files.
@Suite struct TTLTests {
    static let info = CollectionInfo(name: "t", embeddingModel: "m", dimension: 4)

    static func record(_ id: String, expiresAt: Date? = nil) throws -> ChunkRecord {
        var generator = SeededGenerator(seed: id.utf8.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) })
        var record = try StoreTestSupport.randomRecord(id: id, dimension: 4, using: &generator)
        record.expiresAt = expiresAt
        return record
    }

    static func ids(_ collection: LocalCollection) async -> Set<String> {
        Set(await collection.records().map(\.id))
    }

    @Test func collectionTTLHidesOldRecordsAtReadTime() async throws {
        let clock = ManualClock()
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(ttl: .seconds(60)),
            clock: clock.storeClock
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("a")])
        clock.advance(seconds: 30)
        try await collection.upsert([try Self.record("b")])
        #expect(await Self.ids(collection) == ["a", "b"])
        clock.advance(seconds: 31)
        #expect(await Self.ids(collection) == ["b"])
        #expect(await collection.count == 1)
        let hits = try await collection.search(SearchRequest(vector: try Self.record("a").vector, k: 10))
        #expect(hits.map(\.id) == ["b"])
        let reopened = try store.open(collection: "t")
        #expect(await Self.ids(reopened) == ["b"])
        clock.advance(seconds: 30)
        #expect(await reopened.count == 0)
    }

    @Test func perDocumentExpirySurvivesFlushAndReopen() async throws {
        let clock = ManualClock()
        let store = LocalStore(root: StoreTestSupport.temporaryDirectory(), clock: clock.storeClock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        let soon = clock.now.addingTimeInterval(10)
        try await collection.upsert([try Self.record("short", expiresAt: soon), try Self.record("long")])
        try await collection.flush()
        try await collection.upsert([try Self.record("wal", expiresAt: soon)])
        let reopened = try store.open(collection: "t")
        #expect(await Self.ids(reopened) == ["short", "long", "wal"])
        #expect(await reopened.records().first { $0.id == "short" }?.expiresAt == soon)
        clock.advance(seconds: 10)
        #expect(await Self.ids(reopened) == ["long"])
    }

    @Test func compactionDropsExpiredRows() async throws {
        let clock = ManualClock()
        let store = LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(compactionFanIn: 2, ttl: .seconds(100)),
            clock: clock.storeClock
        )
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        try await collection.upsert([try Self.record("old")])
        try await collection.flush()
        clock.advance(seconds: 50)
        try await collection.upsert([try Self.record("new")])
        try await collection.flush()
        clock.advance(seconds: 60)
        try await collection.compactIfNeeded()
        let segments = await collection.segments
        #expect(segments.count == 1)
        #expect(segments.first?.source.ids == ["new"])
        #expect(await Self.ids(try store.open(collection: "t")) == ["new"])
    }
}
