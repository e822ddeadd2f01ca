import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Compaction runs in a background task the collection owns: the write that fills a tier returns
/// after its own flush; searches, writes and flushes go on while a compaction is held inside its
/// paced write (the test clock is the gate, so nothing waits on real time); `close()` cancels it
/// cleanly; its failure is surfaced; its writes follow the I/O budget to the nanosecond.
@Suite(.timeLimit(.minutes(2))) struct BackgroundCompactionTests {
    static let info = CollectionInfo(name: "b", embeddingModel: "m", dimension: 8)

    /// Small memtable (a flush every few batches) and fan-in 2 (a compaction every few flushes).
    static func store(_ clock: ManualMaintenanceClock, budget: Int = 4_096) -> LocalStore {
        LocalStore(
            root: StoreTestSupport.temporaryDirectory(),
            options: StoreOptions(memtableBytesMax: 4_096, compactionFanIn: 2, compactionBytesPerSecond: budget),
            maintenanceClock: clock.clock
        )
    }

    /// Seeded batches over 30 ids (overwrites) with a delete every fifth batch, mirrored in `oracle`.
    struct Workload {
        var generator = SeededGenerator(seed: 77)
        var oracle: [String: ChunkRecord] = [:]
        var batches = 0

        mutating func write(to collection: LocalCollection) async throws {
            batches += 1
            if batches % 5 == 0, let id = oracle.keys.sorted().first {
                try await collection.delete([id])
                oracle[id] = nil
                return
            }
            let batch = try (0..<2).map { _ in
                try StoreTestSupport.randomRecord(id: "r\(generator.next() % 30)", dimension: 8, using: &generator)
            }
            try await collection.upsert(batch)
            for record in batch { oracle[record.id] = record }
        }

        /// Writes until a write has scheduled a background compaction; that write has returned.
        mutating func writeUntilACompactionRuns(_ collection: LocalCollection) async throws {
            for _ in 0..<500 {
                try await write(to: collection)
                if await collection.maintenance != nil { return }
            }
            Issue.record("no compaction was scheduled")
        }
    }

    /// Records, count and an unfiltered search (every live row exactly once) equal the oracle.
    static func expectContents(_ collection: LocalCollection, _ oracle: [String: ChunkRecord]) async throws {
        let stored = Dictionary(uniqueKeysWithValues: await collection.records().map { ($0.id, $0) })
        #expect(stored == oracle)
        #expect(await collection.count == oracle.count)
        let hits = try await collection.search(SearchRequest(vector: [1, 0, 0, 0, 0, 0, 0, 0], k: 100))
        #expect(hits.map(\.id).sorted() == oracle.keys.sorted())
    }

    @Test func theWriteThatFillsATierReturnsWhileItsCompactionRuns() async throws {
        let clock = ManualMaintenanceClock()
        clock.hold()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        var workload = Workload()
        try await workload.writeUntilACompactionRuns(collection)
        // The triggering write returned; the compaction is held inside its paced write.
        await clock.waitUntilHeld()
        #expect(await collection.compacting)
        let inputs = Set(await collection.manifest.segments.map(\.fileNumber))
        try await Self.expectContents(collection, workload.oracle)

        // Writes, flushes and their commits go on meanwhile.
        let version = await collection.manifest.version
        let segmentCount = await collection.segments.count
        for _ in 0..<500 where await collection.segments.count == segmentCount {
            try await workload.write(to: collection)
        }
        #expect(await collection.segments.count == segmentCount + 1, "a flush committed during the compaction")
        #expect(await collection.manifest.version == version + 1)
        #expect(await collection.compacting)
        try await Self.expectContents(collection, workload.oracle)

        clock.release()
        try await collection.waitForMaintenance()
        #expect(await !collection.compacting)
        let live = Set(await collection.manifest.segments.map(\.fileNumber))
        #expect(!inputs.isSubset(of: live), "the compaction committed")
        try await Self.expectContents(collection, workload.oracle)
        try await Self.expectContents(try store.open(collection: "b"), workload.oracle)
    }

    @Test func closeDuringACompactionCancelsItAndLeavesNoFile() async throws {
        let clock = ManualMaintenanceClock()
        clock.hold()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        var workload = Workload()
        try await workload.writeUntilACompactionRuns(collection)
        await clock.waitUntilHeld()
        let version = await collection.manifest.version

        await collection.close()
        #expect(await collection.maintenance == nil)
        #expect(await collection.manifest.version == version, "nothing committed")
        let directory = store.root.appendingPathComponent("collections/b").path
        let segmentFiles = try FileManager.default.contentsOfDirectory(atPath: directory)
            .compactMap(StoreFileName.parse).filter { $0.kind == .segment }.map(\.number)
        let listed = await collection.history.segmentNumbers(current: await collection.manifest)
        #expect(Set(segmentFiles) == listed, "the partial output is removed")
        let error = await #expect(throws: StoreError.self) { try await workload.write(to: collection) }
        #expect(error?.message.contains("closed") == true)
        try await Self.expectContents(collection, workload.oracle)
        try await Self.expectContents(try store.open(collection: "b"), workload.oracle)
    }

    @Test func aFailedCompactionIsSurfacedAndRefusesLaterWrites() async throws {
        let clock = ManualMaintenanceClock()
        let store = Self.store(clock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        let directory = store.root.appendingPathComponent("collections/b").path
        var workload = Workload()
        // A directory where the next compaction's output goes: a flush takes two file numbers (its
        // segment, the next WAL file), the compaction it schedules the one after.
        var blocker: String?
        for _ in 0..<500 where await collection.maintenance == nil {
            if let blocker { try FileManager.default.removeItem(atPath: blocker) }
            let path = directory + "/" + StoreFileName.segment(await collection.nextFileNumber + 2)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            blocker = path
            try await workload.write(to: collection)
        }
        let error = await #expect(throws: StoreError.self) { try await collection.waitForMaintenance() }
        #expect(error?.file == blocker)
        let refused = await #expect(throws: StoreError.self) { try await workload.write(to: collection) }
        #expect(refused == error)
    }

    @Test func theBudgetPacesEveryCompactionWrite() async throws {
        let clock = ManualMaintenanceClock()
        let budget = 8_192
        let store = Self.store(clock, budget: budget)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let collection = try store.openOrCreate(Self.info)
        var workload = Workload()
        try await workload.writeUntilACompactionRuns(collection)
        try await collection.waitForMaintenance()
        // The outputs: a version that keeps the WAL position and flushed sequence of the one before
        // it is a compaction; the segment it adds is its output.
        var versions = Array(await collection.history.manifests.values) + [await collection.manifest]
        versions.sort { $0.version < $1.version }
        var outputBytes: [Int] = []
        for (previous, next) in zip(versions, versions.dropFirst())
        where next.walFileNumber == previous.walFileNumber && next.flushedSequence == previous.flushedSequence {
            let before = Set(previous.segments.map(\.fileNumber))
            outputBytes += next.segments.filter { !before.contains($0.fileNumber) }.map { Int($0.fileBytes) }
        }
        #expect(!outputBytes.isEmpty)
        // Time passes only in pauses, and each write ends exactly when its last byte is due.
        let expected = outputBytes.map { IOPacer.duration(of: $0, at: budget) }.reduce(.zero, +)
        #expect(clock.now == expected)
        let chunkBytes = IOPacer(bytesPerSecond: budget, start: .zero).chunkBytes
        #expect(clock.pauses.count == outputBytes.map { ($0 + chunkBytes - 1) / chunkBytes }.reduce(0, +))
        #expect(clock.pauses.allSatisfy { $0 <= IOPacer.duration(of: chunkBytes, at: budget) })
        try await Self.expectContents(collection, workload.oracle)
    }
}
